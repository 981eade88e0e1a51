package org.mecopt.models.offloading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.env.Env;
import org.mecopt.env.ObservationScaler;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.offloading.OffloadingComparison.Comparison;
import org.mecopt.models.offloading.OffloadingComparison.Contender;
import org.mecopt.models.rl.Dqn;
import org.mecopt.models.rl.DqnConfig;
import org.mecopt.models.rl.DqnResult;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingGenerator;

/**
 * Trains a {@link DqnRaoModel} on {@link OffloadingEnv} episodes drawn from a generator
 * configuration, then measures it against the proven optimum on validation instances it never saw,
 * and writes the model directory: {@code model.json} (with the measured gaps), the Q-network, and
 * the training curves and checkpoints under {@code training/} (a rerun into the same directory
 * resumes from the last checkpoint).
 */
public final class DqnRaoTrainer {
    /** The run's folder in the model directory: curves, checkpoint, the learner's own files. */
    public static final String TRAINING = "training";
    /** Episodes of random play the observation scaler is fitted on. */
    static final int SCALER_EPISODES = 500;

    /**
     * @param instances          the distribution episodes are drawn from (its M and N are the model's)
     * @param env                the reward and masking
     * @param dqn                the learner's settings ({@link #paperConfig} by default)
     * @param validation         unseen instances the model is measured on against {@code exact}
     * @param validationSeed     the first of their seeds
     */
    public record Options(OffloadingGenerator.Config instances, OffloadingEnv.Options env, DqnConfig dqn,
                          int validation, long validationSeed) {
        public Options {
            if (validation < 1) {
                throw new IllegalArgumentException("validation = " + validation + " must be >= 1");
            }
        }
    }

    /** The trained model and what it measured on the validation instances (dqn-rao, then the baselines). */
    public record Trained(DqnRaoModel model, DqnResult run, Comparison validation) {
    }

    private DqnRaoTrainer() {
    }

    /**
     * Seed 004's Table I for M devices: 128-64 ReLU, replay 10^5, batch 64, Adam 10^-3, γ 0.95, ε
     * from 1 to 0.05 over the first half of the episodes (2 000 of 4 000), a hard target update every
     * 100 steps, one gradient step per environment step, the squared TD error, no clipping.
     */
    public static DqnConfig paperConfig(int devices, long episodes, long seed) {
        long steps = episodes * devices;
        return DqnConfig.defaults().withHidden(128, 64).withLearningRate(1e-3).withGamma(0.95).withBatchSize(64)
                .withBufferCapacity(100_000).withLearningStarts(64).withTraining(1, 1).withTargetUpdate(100, 1.0)
                .withDoubleQ(false).withEpsilonOverEpisodes(1.0, 0.05, episodes / 2)
                .withLoss(DqnConfig.Loss.MSE).withMaxGradNorm(0).withSeed(seed).withTotalSteps(steps)
                .withEvaluation(Math.max(1, steps / 20), 50).withLogEvery(Math.max(1, steps / 100))
                .withCheckpointEvery(Math.max(1, steps / 10));
    }

    /** The standardized training environments: the scaler is fitted on random play from {@code seed}. */
    public static ScaledEnvironments environments(OffloadingGenerator.Config instances, OffloadingEnv.Options options,
                                                  long seed) {
        ObservationScaler scaler = ObservationScaler.fit(OffloadingEnv.sampling(instances, options),
                seed ^ 0x9E3779B97F4A7C15L, SCALER_EPISODES);
        return new ScaledEnvironments(() -> scaler.wrap(OffloadingEnv.sampling(instances, options)), scaler);
    }

    /** New environments seen through their fitted scaler, and the scaler (saved with the model). */
    public record ScaledEnvironments(Supplier<Env<Integer>> envs, ObservationScaler scaler) {
    }

    /**
     * The environment's side of a run (instances, reward, masking), kept beside the learner's
     * checkpoint: {@link Dqn#resume} checks its own settings only, and a run continued on other
     * instances or another reward would silently be a different run.
     */
    static final String ENVIRONMENT_FILE = "environment.json";

    /** The named reward's environment options: {@code paper} (eq. 13) or {@code kkt} (the marginal KKT cost). */
    public static OffloadingEnv.Options rewardOptions(String reward) {
        return switch (reward.toLowerCase(java.util.Locale.ROOT)) {
            case "paper" -> OffloadingEnv.Options.PAPER;
            case "kkt" -> OffloadingEnv.Options.KKT;
            default -> throw new InvalidInstanceException("--reward", reward, "must be paper or kkt");
        };
    }

    public static Trained train(Options o, Path out, RlProgress progress, Consumer<String> log) throws IOException {
        Path training = out.resolve(TRAINING);
        boolean resume = Dqn.hasCheckpoint(training);
        ObjectNode environment = Json.mapper().createObjectNode();
        environment.set("instances", Json.mapper().valueToTree(o.instances()));
        environment.set("environment", Json.mapper().valueToTree(o.env()));
        Path environmentFile = training.resolve(ENVIRONMENT_FILE);
        if (resume) {
            JsonNode saved = Files.isRegularFile(environmentFile) ? Json.mapper().readTree(environmentFile.toFile()) : null;
            if (!environment.equals(saved)) {
                throw new InvalidInstanceException("--out", out, "holds a run on other instances or another reward ("
                        + saved + "); continue it with the same options or train into a new directory");
            }
        } else {
            Files.createDirectories(training);
            AtomicFiles.writeString(environmentFile, Json.toText(environment));
        }
        ScaledEnvironments scaled = environments(o.instances(), o.env(), o.dqn().seed());
        ObservationScaler scaler = scaled.scaler();
        log.accept((resume ? "resuming" : "training") + " dqn-rao on " + o.instances().devices() + "×"
                + o.instances().servers() + " instances, " + o.dqn().totalSteps() + " steps");
        DqnResult run = resume ? Dqn.resume(scaled.envs(), o.dqn(), training, progress)
                : Dqn.train(scaled.envs(), o.dqn(), training, progress);
        int devices = o.instances().devices();
        int servers = o.instances().servers();
        DqnRaoModel model = new DqnRaoModel(devices, servers, scaler, run.bestPolicy(), manifest(o, scaler, run, null));
        log.accept("measuring against exact on " + o.validation() + " unseen instances");
        Comparison validation = OffloadingComparison.compare(
                OffloadingComparison.instances(o.instances(), o.validationSeed(), o.validation()),
                List.of(new Contender(DqnRaoSolver.with(model), Map.of()), Contender.of("greedy"), Contender.of("roa")),
                log);
        DqnRaoModel measured = model.withManifest(manifest(o, scaler, run, validation));
        measured.save(out);
        return new Trained(measured, run, validation);
    }

    private static ModelManifest manifest(Options o, ObservationScaler scaler, DqnResult run, Comparison validation) {
        ObjectNode trunk = Json.mapper().createObjectNode().put("type", "mlp");
        trunk.set("hidden", Json.mapper().valueToTree(o.dqn().hidden()));
        ObjectNode hyper = Json.mapper().valueToTree(o.dqn());
        hyper.set("environment", Json.mapper().valueToTree(o.env()));
        hyper.set("instances", Json.mapper().valueToTree(o.instances()));
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("steps", run.steps()).put("updates", run.updates()).put("seconds", run.seconds())
                .put("updateMillis", run.updateMillis()).put("bestEvaluationReturn", run.bestReturn());
        if (validation != null) {
            ObjectNode v = metrics.putObject("validation");
            v.put("instances", validation.instances()).put("firstSeed", o.validationSeed())
                    .put("unproven", validation.unproven());
            v.set("rows", Json.mapper().valueToTree(validation.rows()));
        }
        return new ModelManifest(DqnRaoModel.TASK, "offloading", trunk,
                List.of(new ModelManifest.HeadEntry("q", "linear", Map.of())), hyper, null, metrics,
                List.of(), DqnRaoModel.taskFields(o.instances().devices(), o.instances().servers(), scaler));
    }
}
