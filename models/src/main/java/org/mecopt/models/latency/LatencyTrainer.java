package org.mecopt.models.latency;

import org.mecopt.models.learning.Djl;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Manifest;
import org.mecopt.datasets.Row;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.latency.Baselines;
import org.mecopt.latency.LatencyInstance;

/**
 * Supervised training of the CNN-LSTM on a latency dataset labelled by ICA ({@code ./mecopt generate
 * latency}): MSE to the ICA labels, optionally plus {@code latencyWeight} times the mean relative
 * latency gap of the predicted powers ({@link LatencyLoss}); Adam, 80/20 split, the learning rate
 * halved after every {@code ⌈patience/2⌉} epochs in a row without a better validation loss, early stopping after
 * {@code patience}, the best checkpoint kept. Writes the model directory: {@code cnn-lstm-0000.params}
 * and {@code model.json}.
 */
public final class LatencyTrainer {
    private LatencyTrainer() {
    }

    /**
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
        public static final double VALIDATION_SHARE = 0.2;

        public Options {
            if (epochs < 1) {
                throw new InvalidInstanceException("--epochs", epochs, "must be >= 1");
            }
            if (batchSize < 2) {
                throw new InvalidInstanceException("--batch-size", batchSize, "must be >= 2");
            }
            if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new InvalidInstanceException("--learning-rate", learningRate, "must be > 0");
            }
            if (patience < 1) {
                throw new InvalidInstanceException("patience", patience, "must be >= 1");
            }
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

        /** The paper's network sizes, trained from scratch. */
        public Options(Path data, Path out, Features features, int epochs, int batchSize, double learningRate,
                       long seed, int patience, Head head, double latencyWeight) {
            this(data, out, features, epochs, batchSize, learningRate, seed, patience, head, latencyWeight,
                    Architecture.Size.PAPER, null);
        }

        /** MSE alone, the softmax-slack head: seed 001's training with our feasible head. */
        public Options(Path data, Path out, Features features, int epochs, int batchSize, double learningRate,
                       long seed, int patience) {
            this(data, out, features, epochs, batchSize, learningRate, seed, patience, Head.SOFTMAX_SLACK, 0);
        }

        public static Options defaults(Path data, Path out) {
            return new Options(data, out, Features.GAIN, 30, 32, 1e-3, 1, 5);
        }

    }

    /** Called after every epoch. */
    public interface Progress {
        void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double seconds);

        Progress NONE = (a, b, c, d, e, f) -> { };
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

    /** One usable row: the instance (without magnitudes unless they are the features), its raw input and target. */
    record Sample(LatencyInstance instance, double[] raw, double[] target, double icaLatency) {
    }

    public static Summary train(Options o, Progress progress) throws IOException {
        long start = System.nanoTime();
        DatasetReader reader = DatasetReader.open(o.data());
        if (!"latency".equals(reader.manifest().problem())) {
            throw new InvalidInstanceException("--data", o.data(), "holds a " + reader.manifest().problem()
                    + " dataset, not latency");
        }
        List<Sample> samples = new ArrayList<>();
        for (Row row : reader) {
            if (!Double.isFinite(row.objective()) || !row.label().containsKey("power")) {
                continue;
            }
            LatencyInstance instance = Features.instance(row);
            double[] target = o.head().target(Features.powerLabel(row), Features.ratioLabel(row));
            double[] raw = o.features().raw(instance);
            if (o.features() != Features.MAGNITUDE && instance.channelMagnitude() != null) {
                instance = new LatencyInstance(instance.subcarrierBandwidthHz(), instance.serverCpuHz(),
                        instance.localComputing(), instance.users(), instance.gain(), null, instance.sharedServerCpu());
            }
            samples.add(new Sample(instance, raw, target, row.objective()));
        }
        if (samples.size() < 10) {
            throw new InvalidInstanceException("--data", o.data(), "has " + samples.size()
                    + " usable rows; training needs at least 10");
        }
        LatencyInstance first = samples.get(0).instance();
        Architecture arch = Architecture.of(first.subcarrierCount(), first.userCount(), o.features().width(first),
                o.head(), o.size());
        Random random = new Random(o.seed());
        java.util.Collections.shuffle(samples, random);
        int validationSize = Math.max(1, (int) Math.round(samples.size() * Options.VALIDATION_SHARE));
        List<Sample> validation = samples.subList(0, validationSize);
        List<Sample> train = new ArrayList<>(samples.subList(validationSize, samples.size()));
        for (Sample s : samples) {
            if (s.instance().userCount() != arch.users() || s.instance().subcarrierCount() != arch.subcarriers()
                    || s.raw().length != arch.channels() * arch.height() * arch.width()) {
                throw new InvalidInstanceException("--data", o.data(), "mixes instance shapes");
            }
        }
        double[] norm;
        Head.Scale scale;
        List<ai.djl.util.Pair<String, float[]>> initial = null;
        if (o.init() != null) { // fine-tuning keeps the starting model's input normalization and label scale
            try (LatencyModel from = startingPoint(o, arch)) {
                norm = new double[] {from.mean(), from.std()};
                scale = from.scale();
                initial = new ArrayList<>();
                for (var p : from.block().getParameters()) {
                    initial.add(new ai.djl.util.Pair<>(p.getKey(), p.getValue().getArray().toFloatArray()));
                }
            }
        } else {
            norm = meanStd(train);
            scale = o.head() == Head.REGRESSION ? minMax(train) : Head.Scale.none(arch.outputSize());
        }
        Loss loss = new Loss(arch, norm, scale, o.latencyWeight());
        Files.createDirectories(o.out());

        Djl.offline();
        Engine.getInstance().setRandomSeed((int) o.seed());
        ArrayNode history = Json.mapper().createArrayNode();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochsRun = 0;
        try (Model model = LatencyModel.newModel(arch)) {
            float[] learningRate = {(float) o.learningRate()};
            Tracker plateau = update -> learningRate[0]; // halved below when the validation loss stalls
            DefaultTrainingConfig config = new DefaultTrainingConfig(ai.djl.training.loss.Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(plateau).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(arch.inputShape(o.batchSize()));
                if (initial != null) {
                    copyParameters(initial, model);
                }
                int sinceBest = 0;
                for (int epoch = 1; epoch <= o.epochs(); epoch++) {
                    long epochStart = System.nanoTime();
                    java.util.Collections.shuffle(train, random);
                    double trainLoss = 0;
                    int seen = 0;
                    for (int from = 0; from < train.size(); from += o.batchSize()) {
                        int to = Math.min(train.size(), from + o.batchSize());
                        if (to - from < 2) {
                            break; // batch norm needs two samples
                        }
                        try (NDManager m = trainer.getManager().newSubManager()) {
                            Batch batch = loss.batch(m, train.subList(from, to));
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray value = loss.value(trainer.forward(batch.input()).singletonOrThrow(), batch);
                                gc.backward(value);
                                trainLoss += value.getFloat() * (to - from);
                                seen += to - from;
                            }
                            trainer.step();
                        }
                    }
                    trainLoss /= Math.max(1, seen);
                    double validationLoss = validationLoss(trainer, validation, loss, o.batchSize());
                    epochsRun = epoch;
                    boolean improved = validationLoss < best;
                    if (improved) {
                        best = validationLoss;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        deleteCheckpoints(o.out()); // DJL numbers each save: keep only the best
                        model.save(o.out(), LatencyModel.PARAMS_PREFIX);
                    } else {
                        sinceBest++;
                        if (sinceBest < o.patience() && sinceBest % ((o.patience() + 1) / 2) == 0) {
                            learningRate[0] /= 2;
                        }
                    }
                    ObjectNode h = history.addObject();
                    h.put("epoch", epoch);
                    h.put("trainLoss", trainLoss);
                    h.put("validationLoss", validationLoss);
                    h.put("learningRate", learningRate[0]);
                    progress.epoch(epoch, o.epochs(), trainLoss, validationLoss, improved,
                            (System.nanoTime() - epochStart) / 1e9);
                    if (sinceBest >= o.patience()) {
                        break;
                    }
                }
            }
        }

        ObjectNode manifest = Json.mapper().createObjectNode();
        manifest.put("format", LatencyModel.FORMAT);
        manifest.put("problem", "latency");
        manifest.put("features", o.features().id());
        manifest.set("architecture", Json.mapper().valueToTree(arch));
        if (o.head() == Head.REGRESSION) {
            ObjectNode ls = manifest.putObject("labelScale");
            ls.set("min", Json.mapper().valueToTree(scale.min()));
            ls.set("max", Json.mapper().valueToTree(scale.max()));
        }
        ObjectNode n = manifest.putObject("normalization");
        n.put("mean", norm[0]);
        n.put("std", norm[1]);
        ObjectNode hp = manifest.putObject("hyperParameters");
        hp.put("epochs", o.epochs());
        hp.put("batchSize", o.batchSize());
        hp.put("learningRate", o.learningRate());
        hp.put("seed", o.seed());
        hp.put("patience", o.patience());
        hp.put("validationShare", Options.VALIDATION_SHARE);
        hp.put("optimizer", "adam");
        hp.put("head", o.head().id());
        hp.put("latencyWeight", o.latencyWeight());
        if (o.init() != null) {
            hp.put("initializedFrom", o.init().toAbsolutePath().toString());
        }
        hp.put("loss", o.head() == Head.REGRESSION ? "mse(minmax(alpha, power, ratio))"
                : o.latencyWeight() > 0 ? "mse(power) + " + o.latencyWeight() + " * mean(tau/tau_ica - 1)" : "mse(power)");
        ObjectNode ds = manifest.putObject("dataset");
        ds.put("dir", o.data().toAbsolutePath().toString());
        ds.put("manifestSha256", Manifest.sha256(o.data().resolve(Manifest.FILE)));
        ds.put("solver", reader.manifest().solver());
        ds.put("rows", samples.size());
        ds.set("generator", reader.manifest().configuration());

        Summary summary;
        try (LatencyModel trained = LatencyModel.load(o.out(), manifest)) {
            List<Double> gaps = new ArrayList<>();
            double eqSum = 0;
            int feasible = 0;
            List<LatencyInstance> instances = validation.stream().map(Sample::instance).toList();
            List<Head.Prediction> predictions = new ArrayList<>();
            for (int from = 0; from < instances.size(); from += 1024) {
                predictions.addAll(trained.predict(instances.subList(from, Math.min(instances.size(), from + 1024))));
            }
            for (int i = 0; i < validation.size(); i++) {
                LatencyInstance instance = instances.get(i);
                double ica = validation.get(i).icaLatency();
                gaps.add(instance.objective(predictions.get(i).solution()) / ica - 1);
                eqSum += instance.objective(instance.solutionFor(Baselines.equalPower(instance))) / ica - 1;
                feasible += predictions.get(i).feasibleRaw() ? 1 : 0;
            }
            double[] sorted = gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            summary = new Summary(o.out(), epochsRun, bestEpoch, best, train.size(), validation.size(),
                    gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    LatencyEvaluator.quantile(sorted, 0.5), eqSum / validation.size(),
                    feasible / (double) validation.size(), (System.nanoTime() - start) / 1e9);
        }
        ObjectNode metrics = manifest.putObject("metrics");
        metrics.put("epochsRun", summary.epochsRun());
        metrics.put("bestEpoch", summary.bestEpoch());
        metrics.put("bestValidationLoss", summary.bestValidationLoss());
        metrics.put("trainSize", summary.trainSize());
        metrics.put("validationSize", summary.validationSize());
        metrics.put("validationMeanGapToIca", summary.meanGap());
        metrics.put("validationMedianGapToIca", summary.medianGap());
        metrics.put("validationMeanGapEqualPowerToIca", summary.meanGapEqualPower());
        metrics.put("validationFeasibleShare", summary.feasibleShare());
        metrics.put("validationFeasibleShareTolerance", Head.FLOAT_SLACK); // raw outputs judged up to float32 rounding
        metrics.put("trainingSeconds", summary.seconds());
        manifest.set("history", history);
        AtomicFiles.writeString(o.out().resolve(LatencyModel.MANIFEST), Json.toText(manifest));
        return summary;
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

    /** Overwrites the freshly initialized parameters of {@code model} with {@code source}'s (name, values). */
    private static void copyParameters(List<ai.djl.util.Pair<String, float[]>> source, Model model) {
        var target = model.getBlock().getParameters();
        for (int i = 0; i < target.size(); i++) {
            if (!source.get(i).getKey().equals(target.get(i).getKey())) {
                throw new IllegalStateException("parameter " + i + " is " + source.get(i).getKey() + " in the model to "
                        + "start from but " + target.get(i).getKey() + " here");
            }
            target.get(i).getValue().getArray().set(source.get(i).getValue());
        }
    }

    private static double[] meanStd(List<Sample> train) {
        double sum = 0;
        double sq = 0;
        long count = 0;
        for (Sample s : train) {
            for (double v : s.raw()) {
                sum += v;
                sq += v * v;
                count++;
            }
        }
        double mean = sum / count;
        double var = Math.max(0, sq / count - mean * mean);
        double std = Math.sqrt(var);
        return new double[] {mean, std > 0 ? std : 1};
    }

    /** Per-output min and max of the targets over the training split (the regression head's scale). */
    private static Head.Scale minMax(List<Sample> train) {
        int size = train.get(0).target().length;
        double[] min = new double[size];
        double[] max = new double[size];
        java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
        for (Sample s : train) {
            for (int i = 0; i < size; i++) {
                min[i] = Math.min(min[i], s.target()[i]);
                max[i] = Math.max(max[i], s.target()[i]);
            }
        }
        return new Head.Scale(min, max);
    }

    /** A mini-batch on the engine: standardized input, normalized target, the latency-loss constants if used. */
    record Batch(NDList input, NDArray target, NDList latency) {
    }

    /** The training loss: MSE to the normalized targets, plus the weighted mean relative latency gap. */
    private record Loss(Architecture arch, double[] norm, Head.Scale scale, double latencyWeight) {
        Batch batch(NDManager m, List<Sample> batch) {
            int per = arch.channels() * arch.height() * arch.width();
            int out = arch.outputSize();
            float[] x = new float[batch.size() * per];
            float[] y = new float[batch.size() * out];
            for (int i = 0; i < batch.size(); i++) {
                System.arraycopy(LatencyModel.standardize(batch.get(i).raw(), norm[0], norm[1]), 0, x, i * per, per);
                double[] t = batch.get(i).target();
                for (int j = 0; j < out; j++) {
                    y[i * out + j] = (float) scale.normalize(j, t[j]);
                }
            }
            NDList latency = null;
            if (latencyWeight > 0) {
                latency = LatencyLoss.constants(m, batch.stream().map(Sample::instance).toList(),
                        batch.stream().mapToDouble(Sample::icaLatency).toArray());
            }
            return new Batch(new NDList(m.create(x, arch.inputShape(batch.size()))),
                    m.create(y, new ai.djl.ndarray.types.Shape(batch.size(), out)), latency);
        }

        NDArray value(NDArray prediction, Batch b) {
            NDArray mse = prediction.sub(b.target()).square().mean();
            return latencyWeight > 0 ? mse.add(LatencyLoss.relativeGap(prediction, b.latency()).mean().mul((float) latencyWeight)) : mse;
        }
    }

    private static double validationLoss(Trainer trainer, List<Sample> validation, Loss loss, int batchSize) {
        double sum = 0;
        for (int from = 0; from < validation.size(); from += batchSize) {
            int to = Math.min(validation.size(), from + batchSize);
            try (NDManager m = trainer.getManager().newSubManager()) {
                Batch b = loss.batch(m, validation.subList(from, to));
                sum += loss.value(trainer.evaluate(b.input()).singletonOrThrow(), b).getFloat() * (to - from);
            }
        }
        return sum / validation.size();
    }

    /** Removes earlier checkpoints ({@code cnn-lstm-NNNN.params}) from the model directory. */
    private static void deleteCheckpoints(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path f : (Iterable<java.nio.file.Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(LatencyModel.PARAMS_PREFIX + "-") && name.endsWith(".params")) {
                    java.nio.file.Files.delete(f);
                }
            }
        }
    }
}
