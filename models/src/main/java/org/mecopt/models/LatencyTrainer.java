package org.mecopt.models;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
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
import org.mecopt.latency.LatencyInstance;

/**
 * Supervised training of the CNN-LSTM on a latency dataset labelled by ICA ({@code ./mecopt generate
 * latency}): MSE to the ICA powers, Adam, 80/20 split, early stopping on the validation loss with the
 * best checkpoint kept. Writes the model directory: {@code cnn-lstm-0000.params} and {@code model.json}.
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
     */
    public record Options(Path data, Path out, Features features, int epochs, int batchSize, double learningRate,
                          long seed, int patience) {
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
        }

        public static Options defaults(Path data, Path out) {
            return new Options(data, out, Features.GAIN, 30, 32, 1e-3, 1, 5);
        }

        public Options with(Features f, int e, int b, double lr, long s) {
            return new Options(data, out, f, e, b, lr, s, patience);
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

    record Sample(LatencyInstance instance, double[] raw, float[] label, double icaLatency) {
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
            double[] p = Features.powerLabel(row);
            float[] label = new float[p.length];
            for (int i = 0; i < p.length; i++) {
                label[i] = (float) p[i];
            }
            samples.add(new Sample(instance, o.features().raw(instance), label, row.objective()));
        }
        if (samples.size() < 10) {
            throw new InvalidInstanceException("--data", o.data(), "has " + samples.size()
                    + " usable rows; training needs at least 10");
        }
        LatencyInstance first = samples.get(0).instance();
        Architecture arch = Architecture.paper(first.subcarrierCount(), first.userCount(), o.features().width(first));
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
        double[] norm = meanStd(train);
        Files.createDirectories(o.out());

        Djl.offline();
        Engine.getInstance().setRandomSeed((int) o.seed());
        ArrayNode history = Json.mapper().createArrayNode();
        double best = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochsRun = 0;
        try (Model model = LatencyModel.newModel(arch)) {
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) o.learningRate())).build());
            try (Trainer trainer = model.newTrainer(config)) {
                trainer.initialize(arch.inputShape(o.batchSize()));
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
                            NDList[] xy = batch(m, train.subList(from, to), arch, norm);
                            try (GradientCollector gc = trainer.newGradientCollector()) {
                                NDArray pred = trainer.forward(xy[0]).singletonOrThrow();
                                NDArray loss = pred.sub(xy[1].singletonOrThrow()).square().mean();
                                gc.backward(loss);
                                trainLoss += loss.getFloat() * (to - from);
                                seen += to - from;
                            }
                            trainer.step();
                        }
                    }
                    trainLoss /= Math.max(1, seen);
                    double validationLoss = validationLoss(trainer, validation, arch, norm, o.batchSize());
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
                    }
                    ObjectNode h = history.addObject();
                    h.put("epoch", epoch);
                    h.put("trainLoss", trainLoss);
                    h.put("validationLoss", validationLoss);
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
        hp.put("loss", "mse(power)");
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
            List<double[][]> powers = trained.powers(instances);
            for (int i = 0; i < validation.size(); i++) {
                LatencyInstance instance = instances.get(i);
                double ica = validation.get(i).icaLatency();
                gaps.add(instance.objective(instance.solutionFor(powers.get(i))) / ica - 1);
                eqSum += instance.objective(instance.solutionFor(equalPower(instance))) / ica - 1;
                feasible += instance.violations(instance.solutionFor(powers.get(i))).isEmpty() ? 1 : 0;
            }
            List<Double> sorted = gaps.stream().sorted().toList();
            summary = new Summary(o.out(), epochsRun, bestEpoch, best, train.size(), validation.size(),
                    gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                    sorted.get(sorted.size() / 2), eqSum / validation.size(),
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
        metrics.put("trainingSeconds", summary.seconds());
        manifest.set("history", history);
        AtomicFiles.writeString(o.out().resolve(LatencyModel.MANIFEST), Json.toText(manifest));
        return summary;
    }

    static double[][] equalPower(LatencyInstance instance) {
        double[][] p = new double[instance.subcarrierCount()][instance.userCount()];
        for (double[] row : p) {
            java.util.Arrays.fill(row, 1.0 / instance.subcarrierCount());
        }
        return p;
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

    private static NDList[] batch(NDManager m, List<Sample> batch, Architecture arch, double[] norm) {
        int per = arch.channels() * arch.height() * arch.width();
        int out = arch.outputSize();
        float[] x = new float[batch.size() * per];
        float[] y = new float[batch.size() * out];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(LatencyModel.standardize(batch.get(i).raw(), norm[0], norm[1]), 0, x, i * per, per);
            System.arraycopy(batch.get(i).label(), 0, y, i * out, out);
        }
        return new NDList[] {new NDList(m.create(x, arch.inputShape(batch.size()))),
                new NDList(m.create(y, new ai.djl.ndarray.types.Shape(batch.size(), out)))};
    }

    private static double validationLoss(Trainer trainer, List<Sample> validation, Architecture arch, double[] norm,
                                         int batchSize) {
        double sum = 0;
        for (int from = 0; from < validation.size(); from += batchSize) {
            int to = Math.min(validation.size(), from + batchSize);
            try (NDManager m = trainer.getManager().newSubManager()) {
                NDList[] xy = batch(m, validation.subList(from, to), arch, norm);
                NDArray pred = trainer.evaluate(xy[0]).singletonOrThrow();
                sum += pred.sub(xy[1].singletonOrThrow()).square().mean().getFloat() * (to - from);
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
