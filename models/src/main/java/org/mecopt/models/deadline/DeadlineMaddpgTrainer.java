package org.mecopt.models.deadline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.env.ParallelEnv;
import org.mecopt.io.AtomicFiles;
import org.mecopt.models.rl.Maddpg;
import org.mecopt.models.rl.MaddpgConfig;
import org.mecopt.models.rl.MaddpgPolicy;
import org.mecopt.models.rl.MaddpgResult;
import org.mecopt.models.rl.RlProgress;

/**
 * Trains the {@code maddpg} policy of {@code deadline-energy} ({@link Maddpg} on
 * {@link DeadlineEnergyEnv}, episodes drawn from training seeds only: {@link TrainingSeeds}).
 * Writes into {@code out}: the best-evaluated actors as a model directory
 * ({@code maddpg-policy.properties}, {@code actor.mlp}; use it with
 * {@code -Dmecopt.maddpg.policy=out} or bundle it), {@code model.txt} (the set-up and what the
 * run measured) and {@code training/} (curves, checkpoints). A second call with the same
 * {@code out} resumes from the last checkpoint; the environment's settings must then be the same
 * ({@code training/environment.txt}) and the learner's too, up to the step count.
 */
public final class DeadlineMaddpgTrainer {
    public static final String TRAINING = "training";
    static final String ENVIRONMENT_FILE = "environment.txt";

    private DeadlineMaddpgTrainer() {
    }

    /** A finished (or continued) training run. */
    public record Trained(MaddpgResult run, MaddpgPolicy policy, boolean resumed) {
    }

    /** Training environments for {@code config}: their episodes come from seeds below the evaluation range. */
    public static Supplier<ParallelEnv<double[]>> environments(DeadlineEnergyConfig config) {
        return () -> new TrainingSeeds(new DeadlineEnergyEnv(config));
    }

    /** Whether {@code out} holds a run that {@link #train} would resume. */
    public static boolean hasCheckpoint(Path out) {
        return Files.isRegularFile(out.resolve(TRAINING).resolve(Maddpg.CHECKPOINT).resolve("state.bin"));
    }

    public static Trained train(DeadlineEnergyConfig environment, MaddpgConfig config, Path out, RlProgress progress,
                                Consumer<String> log) throws IOException {
        Path training = out.resolve(TRAINING);
        boolean resume = hasCheckpoint(out);
        Path environmentFile = training.resolve(ENVIRONMENT_FILE);
        String described = environment + "\n";
        if (resume) {
            String saved = Files.isRegularFile(environmentFile) ? Files.readString(environmentFile) : null;
            if (!described.equals(saved)) {
                throw new InvalidInstanceException("--out", out, "holds a run on another environment setting ("
                        + saved + "); continue it with the same options or train into a new directory");
            }
            MaddpgConfig savedConfig = Maddpg.savedConfig(training);
            if (!savedConfig.toBuilder().totalSteps(config.totalSteps()).build().equals(config)) {
                throw new InvalidInstanceException("--out", out, "holds a run with other learner settings ("
                        + savedConfig + "); continue it with the same options (only --steps may change)");
            }
        } else {
            Files.createDirectories(training);
            AtomicFiles.writeString(environmentFile, described);
        }
        log.accept((resume ? "resuming" : "training") + " maddpg on deadline-energy (K = " + environment.users()
                + ", M = " + environment.aps() + "), " + config.totalSteps() + " steps: " + setUp(config));
        MaddpgResult run = resume ? Maddpg.resume(environments(environment), config, training, progress)
                : Maddpg.train(environments(environment), config, training, progress);
        MaddpgPolicy policy = run.bestPolicy();
        policy.save(out);
        AtomicFiles.writeString(out.resolve("model.txt"), String.format(java.util.Locale.ROOT,
                "maddpg actor for deadline-energy (org.mecopt.models.deadline.DeadlineMaddpgTrainer)%n"
                        + "set-up: %s%nlearner: %s%nenvironment: %s%n"
                        + "steps: %d (episodes of %d steps), gradient steps: %d%n"
                        + "kept: the best greedy evaluation on training seeds, mean team return %.3f (last %.3f)%n",
                setUp(config), config, environment, run.steps(), environment.steps(), run.updates(), run.bestReturn(),
                run.finalReturn()));
        return new Trained(run, policy, resume);
    }

    /** A one-line description of the set-up choices. */
    public static String setUp(MaddpgConfig c) {
        return (c.sharedCritic() ? "one shared critic" : "a critic per agent") + ", "
                + (c.sharedActor() ? "one shared actor" + (c.agentId() ? " with agent id" : "") : "an actor per agent")
                + ", " + c.actorGradient().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " policy gradient, actor " + c.actorHidden() + ", critic " + c.criticHidden()
                + (c.layerNorm() ? " with layer norm" : "") + ", " + c.gradientSteps() + " update(s) every "
                + c.trainEvery() + " step(s), batch " + c.batchSize();
    }
}
