package org.mecopt.models.beamforming;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.beamforming.BeamformingInstance;
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
 * Self-supervised training of cmtssl, dmtssl and datl: no labels, so the examples are instances
 * drawn from the family's generator (a training pool and a validation set from disjoint seed
 * ranges, both far from the seeds `generate` uses by default), the input standardization fitted on
 * the pool, then the learning core's {@link TrainingLoop} on {@link BeamformingObjective}, the
 * manifest and the validation metrics of the best checkpoint (the network's beams decoded and
 * checked by the family's evaluator). The loop writes a resumable state after every epoch: rerunning
 * with the same options into the same {@code out} continues an interrupted run ({@link Options#resumeOptions}).
 *
 * <p>datl starts from a trained dmtssl model with B stations and trains a system of B + 1: stations
 * 0…B−1 start from their trained networks, the new station from the network of the existing station
 * nearest to it. The generator places every station anew in each instance, so no station is nearer
 * than another on average; "nearest" is then measured on what the networks see, the local channels:
 * the existing station whose mean log channel gain over the training pool is closest to the new
 * one's (option {@code nearest} overrides it). The log-variances restart at 0 (there is one task more).
 */
public final class BeamformingTrainer {
    public static final double VALIDATION_SHARE = 0.2;
    /** First seed of the training pool: far from the small seeds `generate --seed` is given. */
    static final long TRAIN_SEEDS = 4_000_000_000L;
    /** First seed of the validation set. */
    static final long VALIDATION_SEEDS = 5_000_000_000L;
    /** Seeds per training seed: pools of different seeds do not overlap. */
    private static final long SEED_STRIDE = 10_000_000L;
    private static final int STANDARDIZATION_SAMPLES = 1000;

    private BeamformingTrainer() {
    }

    /**
     * @param method cmtssl, dmtssl or datl
     * @param config the generator's setting (its B is the new system's for datl)
     * @param trainInstances the training pool's size (one epoch is one pass over it)
     * @param validationInstances the validation set's size
     * @param hidden hidden layer sizes (of the one network, or of each station's)
     * @param decoder how beam outputs become beams (rzf: cmtssl only)
     * @param init datl: the trained dmtssl model directory to extend; otherwise null
     * @param nearest datl: the existing station whose network the new one copies, or −1 to choose it
     */
    public record Options(Method method, BeamformingGenerator.Config config, Path out, int trainInstances,
                          int validationInstances, int epochs, int batchSize, double learningRate, long seed,
                          int patience, int[] hidden, Decoder decoder, LossSettings loss, Path init, int nearest) {
        public Options {
            hidden = hidden.clone();
            settings(epochs, batchSize, learningRate, seed, patience);
            if (trainInstances < 2) {
                throw new InvalidInstanceException("--train-instances", trainInstances, "must be >= 2");
            }
            if (validationInstances < 1) {
                throw new InvalidInstanceException("--validation-instances", validationInstances, "must be >= 1");
            }
            if (method != Method.DATL && init != null) {
                throw new InvalidInstanceException("--init", init, "is only for datl");
            }
        }

        /**
         * The paper's sizes, 20 000 instances (16 000 training, 4 000 validation), 60 epochs, batch 64, Adam 1e-3, seed 1,
         * patience 10, the default loss; decoder rzf for cmtssl, associated-rzf for the per-station methods.
         */
        public static Options defaults(Method method, Path out) {
            return new Options(method, BeamformingGenerator.Config.DEFAULT, out, 16_000, 4_000, 60, 64, 1e-3, 1, 10,
                    BeamformingArchitecture.PAPER_HIDDEN, method.perStation() ? Decoder.ASSOCIATED : Decoder.RZF,
                    LossSettings.defaults(), null, -1);
        }

        public Options with(BeamformingGenerator.Config c) {
            return new Options(method, c, out, trainInstances, validationInstances, epochs, batchSize, learningRate, seed,
                    patience, hidden, decoder, loss, init, nearest);
        }

        public Options withInstances(int train, int validation) {
            return new Options(method, config, out, train, validation, epochs, batchSize, learningRate, seed,
                    patience, hidden, decoder, loss, init, nearest);
        }

        public Options withTraining(int e, int batch, double rate, long s, int p) {
            return new Options(method, config, out, trainInstances, validationInstances, e, batch, rate, s, p, hidden,
                    decoder, loss, init, nearest);
        }

        public Options withHidden(int[] h) {
            return new Options(method, config, out, trainInstances, validationInstances, epochs, batchSize, learningRate,
                    seed, patience, h, decoder, loss, init, nearest);
        }

        public Options withDecoder(Decoder dec) {
            return new Options(method, config, out, trainInstances, validationInstances, epochs, batchSize, learningRate,
                    seed, patience, hidden, dec, loss, init, nearest);
        }

        public Options withLoss(LossSettings l) {
            return new Options(method, config, out, trainInstances, validationInstances, epochs, batchSize, learningRate,
                    seed, patience, hidden, decoder, l, init, nearest);
        }

        public Options withInit(Path from, int nearestStation) {
            return new Options(method, config, out, trainInstances, validationInstances, epochs, batchSize, learningRate,
                    seed, patience, hidden, decoder, loss, from, nearestStation);
        }

        public TrainingLoop.Settings settings() {
            return settings(epochs, batchSize, learningRate, seed, patience);
        }

        /**
         * What a resumed run must repeat, by the CLI's option names (the learning core adds the batch
         * size, rate, seed and patience): the generator's setting, the pools' sizes, the network, the
         * decoder, the loss, and datl's start (its directory's content by checksum). {@code --epochs} may change.
         */
        public Map<String, String> resumeOptions() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("--method", method.id());
            Json.mapper().valueToTree(config).fields().forEachRemaining(f -> m.put(switch (f.getKey()) {
                case "stations", "antennas", "users", "subcarriers" -> "--" + f.getKey();
                case "maxPowerW" -> "--max-power-w";
                default -> "generator " + f.getKey();
            }, f.getValue().asText()));
            m.put("--train-instances", Integer.toString(trainInstances));
            m.put("--validation-instances", Integer.toString(validationInstances));
            m.put("--hidden", Arrays.stream(hidden).mapToObj(Integer::toString).collect(Collectors.joining(",")));
            m.put("--decoder", decoder.id());
            m.put("--loss", loss.weighting().id());
            m.put("--rate-loss", loss.rateLoss().id());
            m.put("--x1", Double.toString(loss.rateDepth()));
            m.put("--power-loss", loss.powerLoss().id());
            m.put("--x2", Double.toString(loss.powerDepth()));
            m.put("--penalty", Double.toString(loss.penalty()));
            m.put("--max-log-variance", Double.toString(loss.maxLogVariance()));
            m.put("--init", init == null ? "" : Checkpoint.fingerprint(init, BeamformingModel.PARAMS_PREFIX));
            m.put("--nearest", Integer.toString(nearest));
            return m;
        }

        private static TrainingLoop.Settings settings(int epochs, int batchSize, double learningRate, long seed, int patience) {
            return TrainingLoop.Settings.of(epochs, batchSize, learningRate, seed, patience);
        }
    }

    /**
     * What training produced, on the validation set with the best checkpoint.
     *
     * @param stepsPerEpoch optimizer steps in one epoch
     * @param meanWeightedSumRate mean Σ α r of the decoded beams, bit/s
     * @param usersBelowMinimumShare share of users below their minimum rate
     * @param parametersPerNetwork parameters of the one network (cmtssl) or of each station's
     * @param nearest datl: the station whose network the new one copied; −1 otherwise
     */
    public record Summary(Path out, int epochsRun, int bestEpoch, double bestValidationLoss, int stepsPerEpoch,
                          int trainSize, int validationSize, double meanWeightedSumRate, double usersBelowMinimumShare,
                          long parametersPerNetwork, int nearest, double seconds, History history) {
    }

    /** The instances of the training pool (k = 0 … count−1) and of the validation set for {@code seed}. */
    static List<BeamformingInstance> instances(BeamformingGenerator.Config c, long first, long seed, int count) {
        List<BeamformingInstance> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(BeamformingGenerator.generate(c, first + seed * SEED_STRIDE + k));
        }
        return out;
    }

    public static Summary train(Options o, Progress progress) throws IOException {
        return train(o, progress, null);
    }

    /**
     * The validation set's criterion and its parts during training, every {@link #every()} optimizer
     * steps and at step 0 (the start: for datl the copied networks, otherwise the decoder's start), for
     * learning curves at step resolution (experiment {@code datl-transfer}).
     */
    public interface StepCurve {
        int every();

        /**
         * @param criterion the validation criterion, {@code −WSR/U + penalty · mean_i max(0, 1 − r_i/r_i^min)},
         *     computed as the loop computes it after an epoch (soft gates, the network in inference mode)
         * @param wsrShare its first part, the mean {@code WSR/U} over the validation set
         * @param shortfall its second part, the mean over instances and users of {@code max(0, 1 − r_i/r_i^min)}
         */
        void at(int step, double criterion, double wsrShare, double shortfall);
    }

    /** As {@link #train(Options, Progress)}, reporting the validation criterion to {@code curve} every few steps (null: never). */
    public static Summary train(Options o, Progress progress, StepCurve curve) throws IOException {
        return train(o, progress, curve, HeadStart.ZERO);
    }

    /**
     * How the beam outputs of a fresh network start (datl overwrites them with the copied networks').
     * {@link #ZERO}, the default: all outputs 0, the structured decoder's classical start (equal power,
     * MMSE regularization), which in the default setting training barely improves on. {@link #RANDOM}: the
     * engine's random initialization (the gates still open), the usual "from scratch" of transfer
     * learning, from which training has to learn what the zero start gets for free.
     */
    public enum HeadStart {
        ZERO, RANDOM
    }

    /** As {@link #train(Options, Progress, StepCurve)}, with the beam outputs starting as {@code head} says. */
    public static Summary train(Options o, Progress progress, StepCurve curve, HeadStart head) throws IOException {
        if (o.method() == Method.DATL && o.init() == null) {
            throw new InvalidInstanceException("--init", null, "is required for datl: a trained dmtssl model directory");
        }
        long start = System.nanoTime();
        Checkpoint checkpoint = new Checkpoint(o.out(), BeamformingModel.PARAMS_PREFIX);
        // before generating the pools: a run to resume with other options is refused at once
        int resumedAfter = TrainingLoop.resumable(checkpoint, o.settings(), o.resumeOptions());
        Dimensions dims = new Dimensions(o.config().stations(), o.config().antennas(), o.config().users(),
                o.config().subcarriers());
        BeamformingArchitecture arch = new BeamformingArchitecture(o.method(), dims, o.hidden(), o.decoder());
        List<BeamformingInstance> validationInstances = instances(o.config(), VALIDATION_SEEDS, o.seed(),
                o.validationInstances());
        List<BeamformingSample> train = new ArrayList<>(o.trainInstances());
        for (BeamformingInstance p : instances(o.config(), TRAIN_SEEDS, o.seed(), o.trainInstances())) {
            train.add(BeamformingSamples.of(p));
        }
        List<BeamformingSample> validation = validationInstances.stream().map(BeamformingSamples::of).toList();
        Start from = o.method() == Method.DATL ? Start.extending(o, arch, train) : Start.fresh(train);
        Random random = new Random(o.seed()); // the epochs' shuffles
        BeamformingObjective objective = new BeamformingObjective(arch, from.standardization(), o.loss());
        Files.createDirectories(o.out());
        History history = TrainingLoop.run(o.settings(), arch::build, arch.inputShape(o.batchSize()), model -> {
                    arch.openGates(model.getBlock(), head == HeadStart.ZERO);
                    from.copyInto(model); // datl: the trained stations' networks (their gates as trained)
                },
                new Split<>(train, validation), random, objective, checkpoint, o.resumeOptions(),
                curve == null ? progress : withCurve(progress, curve, objective, validation, o.batchSize(), o.loss()));
        int stepsPerEpoch = stepsPerEpoch(o.trainInstances(), o.batchSize());
        ModelManifest untested = manifest(o, arch, from, history, Json.mapper().createObjectNode());
        double wsr = 0;
        long below = 0;
        try (BeamformingModel trained = BeamformingModel.load(o.out(), untested)) {
            List<org.mecopt.beamforming.BeamformingSolution> solutions = trained.predictAll(validationInstances);
            for (int s = 0; s < solutions.size(); s++) {
                BeamformingInstance p = validationInstances.get(s);
                var e = p.evaluate(solutions.get(s).beams());
                wsr += e.weightedSumRate();
                below += e.usersBelowMinimum(p);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Summary summary = new Summary(o.out(), history.epochsRun(), history.bestEpoch(), history.bestValidationLoss(),
                stepsPerEpoch, train.size(), validation.size(), wsr / validationInstances.size(),
                below / (double) (validationInstances.size() * dims.users()), arch.parametersPerNetwork(), from.nearest(),
                seconds, history);
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("epochsRun", summary.epochsRun());
        metrics.put("bestEpoch", summary.bestEpoch());
        metrics.put("bestValidationLoss", summary.bestValidationLoss());
        metrics.put("stepsPerEpoch", stepsPerEpoch);
        metrics.put("trainSize", summary.trainSize());
        metrics.put("validationSize", summary.validationSize());
        metrics.put("meanWeightedSumRateBps", summary.meanWeightedSumRate());
        metrics.put("usersBelowMinimumShare", summary.usersBelowMinimumShare());
        metrics.put("parametersPerNetwork", summary.parametersPerNetwork());
        if (from.nearest() >= 0) {
            metrics.put("newStationCopiedFrom", from.nearest());
        }
        metrics.put("trainingSeconds", seconds);
        if (resumedAfter > 0) { // trainingSeconds is then this session's; the history keeps every epoch's
            metrics.put("resumedAfterEpoch", resumedAfter);
        }
        manifest(o, arch, from, history, metrics).write(o.out());
        Curves.write(history.epochs(), o.method().id() + " training loss (validation: -WSR/U + penalty)", o.out());
        return summary;
    }

    /** {@code progress} that also evaluates the validation set for {@code curve} every {@code curve.every()} steps. */
    private static Progress withCurve(Progress progress, StepCurve curve, BeamformingObjective objective,
                                      List<BeamformingSample> validation, int batchSize, LossSettings loss) {
        if (curve.every() < 1) {
            throw new InvalidInstanceException("--every", curve.every(), "must be >= 1");
        }
        return new Progress() {
            @Override
            public void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double seconds) {
                progress.epoch(epoch, epochs, trainLoss, validationLoss, best, seconds);
            }

            @Override
            public void resumed(int epochsDone, int epochs, java.nio.file.Path state) {
                progress.resumed(epochsDone, epochs, state);
            }

            @Override
            public int stepEvery() {
                return curve.every();
            }

            @Override
            public void step(int step, ai.djl.training.Trainer trainer) {
                // batch means weighted by batch size, as TrainingLoop averages the criterion after an epoch
                double criterion = 0;
                double wsrShare = 0;
                double shortfall = 0;
                for (int from = 0; from < validation.size(); from += batchSize) {
                    int to = Math.min(validation.size(), from + batchSize);
                    try (ai.djl.ndarray.NDManager m = trainer.getManager().newSubManager()) {
                        org.mecopt.models.learning.Batch b = objective.batch(m, validation.subList(from, to));
                        BeamformingLoss.Terms t = objective.terms(trainer.evaluate(b.inputs()), b);
                        criterion += BeamformingLoss.validation(t, loss).getFloat() * (to - from);
                        wsrShare += t.wsrShare().mean().getFloat() * (to - from);
                        shortfall += t.rateZ().maximum(0f).mean().getFloat() * (to - from);
                    }
                }
                int n = validation.size();
                curve.at(step, criterion / n, wsrShare / n, shortfall / n);
            }
        };
    }

    static int stepsPerEpoch(int train, int batch) {
        int full = train / batch;
        return train % batch >= 2 ? full + 1 : full; // the loop skips a last batch of one
    }

    /** Where training starts: the standardization and, for datl, the parameters to copy in. */
    private record Start(Standardization standardization, List<List<float[]>> stationParameters, int nearest) {
        static Start fresh(List<BeamformingSample> train) {
            List<double[]> features = train.stream().limit(STANDARDIZATION_SAMPLES).map(ChannelFeatures::compressed).toList();
            return new Start(Standardization.fit(features), List.of(), -1);
        }

        static Start extending(Options o, BeamformingArchitecture arch, List<BeamformingSample> train) throws IOException {
            if (!Files.isRegularFile(o.init().resolve(ModelManifest.FILE))) {
                throw new InvalidInstanceException("--init", o.init(), "is not a model directory (no " + ModelManifest.FILE + ")");
            }
            try (BeamformingModel base = BeamformingModel.load(o.init())) {
                BeamformingArchitecture b = base.architecture();
                if (!b.method().perStation() || b.dims().stations() + 1 != arch.dims().stations()
                        || !b.dims().withStations(arch.dims().stations()).equals(arch.dims())
                        || !Arrays.equals(b.hidden(), arch.hidden()) || b.decoder() != arch.decoder()) {
                    throw new InvalidInstanceException("--init", o.init(), "holds " + b + "; datl for " + arch.dims()
                            + " needs a dmtssl model with one station fewer, the same sizes and the same --decoder ("
                            + arch.decoder() + " here)");
                }
                int old = b.dims().stations();
                int nearest = o.nearest() >= 0 ? o.nearest() : nearest(train, old);
                if (nearest >= old) {
                    throw new InvalidInstanceException("--nearest", nearest, "must be < " + old);
                }
                StationNetworks stations = (StationNetworks) base.block().getChildren().values().get(0);
                List<List<float[]>> parameters = new ArrayList<>();
                for (int s = 0; s <= old; s++) {
                    List<float[]> p = new ArrayList<>();
                    for (Pair<String, Parameter> q : stations.station(s < old ? s : nearest).getParameters()) {
                        p.add(q.getValue().getArray().toFloatArray());
                    }
                    parameters.add(p);
                }
                return new Start(base.task().standardization(), parameters, nearest);
            }
        }

        /** The existing station whose mean log channel gain over the pool is closest to the new (last) station's. */
        static int nearest(List<BeamformingSample> train, int old) {
            Dimensions d = train.get(0).dimensions();
            double[] mean = new double[d.stations()];
            for (BeamformingSample s : train) {
                for (int k = 0; k < s.re().length; k++) {
                    int b = (k / d.antennas()) % d.stations();
                    mean[b] += Math.log1p((double) s.re()[k] * s.re()[k] + (double) s.im()[k] * s.im()[k]);
                }
            }
            int best = 0;
            for (int b = 1; b < old; b++) {
                if (Math.abs(mean[b] - mean[old]) < Math.abs(mean[best] - mean[old])) {
                    best = b;
                }
            }
            return best;
        }

        void copyInto(Model model) {
            if (stationParameters.isEmpty()) {
                return;
            }
            StationNetworks stations = (StationNetworks) model.getBlock().getChildren().values().get(0);
            for (int s = 0; s < stationParameters.size(); s++) {
                Block station = stations.station(s);
                var target = station.getParameters();
                for (int q = 0; q < target.size(); q++) {
                    NDArray a = target.get(q).getValue().getArray();
                    a.set(stationParameters.get(s).get(q));
                }
            }
        }
    }

    private static ModelManifest manifest(Options o, BeamformingArchitecture arch, Start from, History history,
                                          ObjectNode metrics) {
        ObjectNode task = Json.mapper().createObjectNode();
        task.set("architecture", arch.describe());
        ObjectNode n = task.putObject("normalization");
        n.put("mean", from.standardization().mean());
        n.put("std", from.standardization().std());
        ObjectNode hp = Json.mapper().createObjectNode();
        hp.put("method", o.method().id());
        hp.set("generator", Json.mapper().valueToTree(o.config()));
        hp.put("trainInstances", o.trainInstances());
        hp.put("validationInstances", o.validationInstances());
        hp.put("instanceSeeds", "train " + TRAIN_SEEDS + " + seed*" + SEED_STRIDE + " + k, validation "
                + VALIDATION_SEEDS + " + seed*" + SEED_STRIDE + " + k");
        hp.put("epochs", o.epochs());
        hp.put("batchSize", o.batchSize());
        hp.put("learningRate", o.learningRate());
        hp.put("seed", o.seed());
        hp.put("patience", o.patience());
        hp.put("optimizer", "adam");
        hp.put("learningRateSchedule", "halved after every ceil(patience/2) epochs without a better validation loss");
        hp.put("loss", o.loss().weighting().id());
        hp.put("rateLoss", o.loss().rateLoss().id());
        hp.put("rateDepth", o.loss().rateDepth());
        hp.put("powerLoss", o.loss().powerLoss().id());
        hp.put("powerDepth", o.loss().powerDepth());
        hp.put("penalty", o.loss().penalty());
        hp.put("maxLogVariance", o.loss().maxLogVariance());
        hp.put("validationCriterion", "-WSR/U + penalty * mean_i max(0, 1 - r_i/r_i^min)");
        if (o.init() != null) {
            hp.put("initializedFrom", o.init().toAbsolutePath().toString());
        }
        List<ModelManifest.HeadEntry> heads = new ArrayList<>();
        java.util.Map<String, Double> weights = java.util.Map.of("objective", 1.0, "minimumRate", 1.0, "power", 1.0);
        if (arch.method().perStation()) {
            heads.add(new ModelManifest.HeadEntry("stations", "per-station-outputs", weights));
        } else {
            heads.add(new ModelManifest.HeadEntry("beams", "linear", weights));
            heads.add(new ModelManifest.HeadEntry("allocation", "linear", weights));
        }
        heads.add(new ModelManifest.HeadEntry("taskWeights", "uncertainty-log-variance", java.util.Map.of()));
        return new ModelManifest(BeamformingTask.NAME, BeamformingInstance.PROBLEM, arch.describe(), heads, hp, null,
                metrics, history.epochs(), task);
    }
}
