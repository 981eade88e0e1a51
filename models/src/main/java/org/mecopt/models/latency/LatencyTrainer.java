package org.mecopt.models.latency;

import ai.djl.Model;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;
import org.mecopt.models.learning.Checkpoint;
import org.mecopt.models.learning.Curves;
import org.mecopt.models.learning.History;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Progress;
import org.mecopt.models.learning.Split;
import org.mecopt.models.learning.Standardization;
import org.mecopt.models.learning.TrainingLoop;

/**
 * Supervised training of the CNN-LSTM on a latency dataset labelled by ICA ({@code ./mecopt generate
 * latency}): the data, an 80/20 seeded split, the input standardization (and the regression head's
 * label scale) from the training split, then the {@link TrainingLoop} on {@link LatencyObjective},
 * the manifest and the validation metrics of the best checkpoint. Writes the model directory:
 * {@code cnn-lstm-0000.params}, {@code model.json} and the training curves, and the learning core's
 * resumable state: rerunning with the same options into the same directory continues an interrupted run.
 */
public final class LatencyTrainer {
    public static final double VALIDATION_SHARE = 0.2;

    private LatencyTrainer() {
    }

    /**
     * Start from {@link #defaults} and change what differs, e.g.
     * {@code Options.defaults(data, out).withEpochs(40).withLatencyWeight(1)}.
     *
     * @param data the dataset directory
     * @param out the model directory (created)
     * @param features gain or magnitude
     * @param epochs maximum epochs
     * @param batchSize mini-batch size
     * @param learningRate Adam's learning rate
     * @param seed seed of the split, the shuffles and the initialization
     * @param patience epochs without a better validation loss before stopping
     * @param head the output head (softmax-slack, or the paper's regression)
     * @param latencyWeight weight of the relative latency gap in the loss (0: MSE alone, as in the paper)
     * @param size the network's sizes ({@link Architecture.Size#PAPER} unless changed)
     * @param init a model directory to start from (fine-tuning), or null for a fresh initialization;
     *     its features, head and sizes must match, and its input normalization (and label scale) is kept
     */
    public record Options(Path data, Path out, Features features, int epochs, int batchSize, double learningRate,
                          long seed, int patience, Head head, double latencyWeight, Architecture.Size size, Path init) {
        public Options {
            settings(epochs, batchSize, learningRate, seed, patience); // validates them
            if (head == null) {
                throw new InvalidInstanceException("head", null, "is required (softmax-slack or regression)");
            }
            if (!(latencyWeight >= 0) || !Double.isFinite(latencyWeight)) {
                throw new InvalidInstanceException("--latency-weight", latencyWeight, "must be >= 0");
            }
            if (latencyWeight > 0 && head == Head.REGRESSION) {
                // unrepaired regression powers may exceed the budget, which the latency term would reward
                throw new InvalidInstanceException("--latency-weight", latencyWeight,
                        "must be 0 with the regression head (its raw powers are not feasible)");
            }
            if (size == null) {
                throw new InvalidInstanceException("size", null, "is required (Architecture.Size.PAPER for the paper's)");
            }
        }

        /**
         * Gain features, 30 epochs, batch 32, learning rate 1e-3, seed 1, patience 5, the softmax-slack
         * head on the MSE alone (seed 001's training with our feasible head), the paper's sizes, a fresh start.
         */
        public static Options defaults(Path data, Path out) {
            return new Options(data, out, Features.GAIN, 30, 32, 1e-3, 1, 5, Head.SOFTMAX_SLACK, 0,
                    Architecture.Size.PAPER, null);
        }

        public Options withFeatures(Features f) {
            return new Options(data, out, f, epochs, batchSize, learningRate, seed, patience, head, latencyWeight, size, init);
        }

        public Options withEpochs(int e) {
            return new Options(data, out, features, e, batchSize, learningRate, seed, patience, head, latencyWeight, size, init);
        }

        public Options withBatchSize(int b) {
            return new Options(data, out, features, epochs, b, learningRate, seed, patience, head, latencyWeight, size, init);
        }

        public Options withLearningRate(double r) {
            return new Options(data, out, features, epochs, batchSize, r, seed, patience, head, latencyWeight, size, init);
        }

        public Options withSeed(long s) {
            return new Options(data, out, features, epochs, batchSize, learningRate, s, patience, head, latencyWeight, size, init);
        }

        public Options withPatience(int p) {
            return new Options(data, out, features, epochs, batchSize, learningRate, seed, p, head, latencyWeight, size, init);
        }

        /** The head; the regression head needs latency weight 0 (the default). */
        public Options withHead(Head h) {
            return new Options(data, out, features, epochs, batchSize, learningRate, seed, patience, h, latencyWeight, size, init);
        }

        public Options withLatencyWeight(double w) {
            return new Options(data, out, features, epochs, batchSize, learningRate, seed, patience, head, w, size, init);
        }

        public Options withSize(Architecture.Size s) {
            return new Options(data, out, features, epochs, batchSize, learningRate, seed, patience, head, latencyWeight, s, init);
        }

        public Options withInit(Path from) {
            return new Options(data, out, features, epochs, batchSize, learningRate, seed, patience, head, latencyWeight, size, from);
        }

        public TrainingLoop.Settings settings() {
            return settings(epochs, batchSize, learningRate, seed, patience);
        }

        private static TrainingLoop.Settings settings(int epochs, int batchSize, double learningRate, long seed, int patience) {
            return TrainingLoop.Settings.of(epochs, batchSize, learningRate, seed, patience);
        }
    }

    /**
     * What training produced; metrics on the validation split with the best checkpoint.
     *
     * @param meanGap mean of {@code τ_model/τ_ICA − 1}
     * @param meanGapEqualPower mean of {@code τ_equal-power/τ_ICA − 1}
     * @param feasibleShare share of predictions feasible as they came out of the network
     */
    public record Summary(Path out, int epochsRun, int bestEpoch, double bestValidationLoss, int trainSize,
                          int validationSize, double meanGap, double medianGap, double meanGapEqualPower,
                          double feasibleShare, double seconds) {
    }

    /**
     * Where training starts: the input standardization, the label scale, and the parameters to copy
     * into the fresh network (none for a fresh initialization).
     */
    private record Start(Standardization standardization, Head.Scale scale, List<Pair<String, float[]>> parameters) {
        static Start fresh(List<LatencyData.Sample> train, Architecture arch) {
            Standardization s = Standardization.fit(train.stream().map(LatencyData.Sample::raw).toList());
            return new Start(s, arch.outputHead() == Head.REGRESSION ? minMax(train) : Head.Scale.none(arch.outputSize()),
                    List.of());
        }

        /** Fine-tuning keeps the starting model's input normalization and label scale. */
        static Start from(Options o, Architecture arch) throws IOException {
            try (LatencyModel from = startingPoint(o, arch)) {
                List<Pair<String, float[]>> parameters = new ArrayList<>();
                for (var p : from.block().getParameters()) {
                    parameters.add(new Pair<>(p.getKey(), p.getValue().getArray().toFloatArray()));
                }
                return new Start(from.task().standardization(), from.task().scale(), parameters);
            }
        }

        /** Overwrites the freshly initialized parameters with the starting model's (name, values). */
        void copyInto(Model model) {
            if (parameters.isEmpty()) {
                return;
            }
            var target = model.getBlock().getParameters();
            for (int i = 0; i < target.size(); i++) {
                if (!parameters.get(i).getKey().equals(target.get(i).getKey())) {
                    throw new IllegalStateException("parameter " + i + " is " + parameters.get(i).getKey()
                            + " in the model to start from but " + target.get(i).getKey() + " here");
                }
                target.get(i).getValue().getArray().set(parameters.get(i).getValue());
            }
        }
    }

    public static Summary train(Options o, Progress progress) throws IOException {
        long start = System.nanoTime();
        LatencyData data = LatencyData.load(o.data(), o.features(), o.head());
        Architecture arch = data.architecture(o.data(), o.features(), o.head(), o.size());
        Checkpoint checkpoint = new Checkpoint(o.out(), LatencyModel.PARAMS_PREFIX);
        Map<String, String> resume = resumeOptions(o, data);
        // before the starting model is read: a run to resume with other options is refused at once
        int resumedAfter = TrainingLoop.resumable(checkpoint, o.settings(), resume);
        Random random = new Random(o.seed()); // TRY NOT TO MODIFY: the split and then every epoch's shuffle draw from it
        Split<LatencyData.Sample> split = Split.shuffled(new ArrayList<>(data.samples()), random, VALIDATION_SHARE);
        Start from = o.init() == null ? Start.fresh(split.train(), arch) : Start.from(o, arch);
        LatencyObjective objective = new LatencyObjective(arch, from.standardization(), from.scale(), o.latencyWeight());

        History history = TrainingLoop.run(o.settings(), arch::build, arch.inputShape(o.batchSize()), from::copyInto,
                split, random, objective, checkpoint, resume, progress);

        ModelManifest untested = manifest(o, arch, from, data, history, Json.mapper().createObjectNode());
        LatencyValidation validation;
        try (LatencyModel trained = LatencyModel.load(o.out(), untested)) {
            validation = LatencyValidation.of(trained, split.validation());
        }
        Summary summary = new Summary(o.out(), history.epochsRun(), history.bestEpoch(), history.bestValidationLoss(),
                split.train().size(), split.validation().size(), validation.meanGap(), validation.medianGap(),
                validation.meanGapEqualPower(), validation.feasibleShare(), (System.nanoTime() - start) / 1e9);
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("epochsRun", summary.epochsRun());
        metrics.put("bestEpoch", summary.bestEpoch());
        metrics.put("bestValidationLoss", summary.bestValidationLoss());
        metrics.put("trainSize", summary.trainSize());
        metrics.put("validationSize", summary.validationSize());
        validation.addTo(metrics);
        metrics.put("trainingSeconds", summary.seconds());
        if (resumedAfter > 0) { // trainingSeconds is then this session's; the history keeps every epoch's
            metrics.put("resumedAfterEpoch", resumedAfter);
        }
        manifest(o, arch, from, data, history, metrics).write(o.out());
        Curves.write(history.epochs(), "CNN-LSTM training loss", o.out());
        return summary;
    }

    /**
     * What a resumed run must repeat, by the CLI's option names (the learning core adds the batch size,
     * rate, seed and patience): the dataset (by its manifest's checksum, so a regenerated one is refused),
     * features, head, loss and sizes, and the model it started from (its content by checksum). {@code --epochs} may change.
     */
    private static Map<String, String> resumeOptions(Options o, LatencyData data) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--data", "manifest sha256 " + data.ref().manifestSha256());
        m.put("--features", o.features().id());
        m.put("--head", o.head().id());
        m.put("--latency-weight", Double.toString(o.latencyWeight()));
        m.put("--filters", Integer.toString(o.size().filters()));
        m.put("--lstm-units", Integer.toString(o.size().lstmUnits()));
        m.put("--hidden", Integer.toString(o.size().hidden()));
        m.put("--init", o.init() == null ? "" : Checkpoint.fingerprint(o.init(), LatencyModel.PARAMS_PREFIX));
        return m;
    }

    /** The model directory's manifest: the generic part, then the fields {@link LatencyModel#load} reads. */
    private static ModelManifest manifest(Options o, Architecture arch, Start from, LatencyData data, History history,
                                          ObjectNode metrics) {
        ObjectNode task = Json.mapper().createObjectNode();
        task.put("features", o.features().id());
        task.set("architecture", Json.mapper().valueToTree(arch));
        if (o.head() == Head.REGRESSION) {
            ObjectNode ls = task.putObject("labelScale");
            ls.set("min", Json.mapper().valueToTree(from.scale().min()));
            ls.set("max", Json.mapper().valueToTree(from.scale().max()));
        }
        ObjectNode n = task.putObject("normalization");
        n.put("mean", from.standardization().mean());
        n.put("std", from.standardization().std());
        ObjectNode hp = Json.mapper().createObjectNode();
        hp.put("epochs", o.epochs());
        hp.put("batchSize", o.batchSize());
        hp.put("learningRate", o.learningRate());
        hp.put("seed", o.seed());
        hp.put("patience", o.patience());
        hp.put("validationShare", VALIDATION_SHARE);
        hp.put("optimizer", "adam");
        hp.put("learningRateSchedule", "halved after every ceil(patience/2) epochs without a better validation loss");
        hp.put("head", o.head().id());
        hp.put("latencyWeight", o.latencyWeight());
        if (o.init() != null) {
            hp.put("initializedFrom", o.init().toAbsolutePath().toString());
        }
        hp.put("loss", o.head() == Head.REGRESSION ? "mse(minmax(alpha, power, ratio))"
                : o.latencyWeight() > 0 ? "mse(power) + " + o.latencyWeight() + " * mean(tau/tau_ica - 1)" : "mse(power)");
        LatencyObjective objective = new LatencyObjective(arch, from.standardization(), from.scale(), o.latencyWeight());
        ModelManifest.HeadEntry head = new ModelManifest.HeadEntry("power", o.head().id(), objective.weights());
        return new ModelManifest(ModelManifest.LATENCY_TASK, "latency", arch.trunk().describe(), List.of(head), hp,
                data.ref(), metrics, history.epochs(), task);
    }

    /** The model to fine-tune, checked against the network this training would build. */
    private static LatencyModel startingPoint(Options o, Architecture arch) throws IOException {
        if (!Files.isRegularFile(o.init().resolve(LatencyModel.MANIFEST))) {
            throw new InvalidInstanceException("--init", o.init(), "is not a model directory (no " + LatencyModel.MANIFEST + ")");
        }
        LatencyModel start = LatencyModel.load(o.init());
        if (!start.architecture().equals(arch) || start.features() != o.features()) {
            Architecture a = start.architecture();
            start.close();
            throw new InvalidInstanceException("--init", o.init(), "holds a " + a + " on " + start.features().id()
                    + " features; this training needs " + arch + " on " + o.features().id());
        }
        return start;
    }

    /** Per-output min and max of the targets over the training split (the regression head's scale). */
    private static Head.Scale minMax(List<LatencyData.Sample> train) {
        int size = train.get(0).target().length;
        double[] min = new double[size];
        double[] max = new double[size];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (LatencyData.Sample s : train) {
            for (int i = 0; i < size; i++) {
                min[i] = Math.min(min[i], s.target()[i]);
                max[i] = Math.max(max[i], s.target()[i]);
            }
        }
        return new Head.Scale(min, max);
    }
}
