package org.mecopt.models.rl;

import static org.mecopt.models.rl.ConfigChecks.atLeast;
import static org.mecopt.models.rl.ConfigChecks.positiveFinite;
import static org.mecopt.models.rl.ConfigChecks.unitInterval;
import static org.mecopt.models.rl.ConfigChecks.widths;

import java.util.List;

/**
 * DDPG's hyper-parameters. {@link #defaults()} follows RL-Zoo's tuned DDPG for Pendulum (γ 0.98,
 * buffer 200 000, Gaussian noise σ 0.1, learning rate 1e-3 for both networks, 10 000 random steps
 * first) with Stable-Baselines3's batch 256 and τ 0.005, and as many gradient steps as environment
 * steps (RL-Zoo batches them at each episode's end; here one follows each step). Two choices differ:
 * hidden layers 256-256 instead of 400-300, about half the multiply-adds, which still meets the
 * Pendulum target (docs/rl-ddpg.md); and 30 000 steps, the budget of that target.
 *
 * @param hidden           widths of the actor's and the critic's hidden layers (ReLU)
 * @param actorLearningRate Adam's learning rate for the actor
 * @param criticLearningRate Adam's learning rate for the critic
 * @param bufferSize       replay capacity in transitions
 * @param batchSize        transitions per gradient step
 * @param gamma            discount factor
 * @param tau              soft target update rate: {@code target ← τ·online + (1−τ)·target} after
 *                         each gradient step
 * @param noiseSigma       standard deviation of the Gaussian exploration noise, in units of half the
 *                         action range (the actor's tanh scale), so 0.1 is 0.2 N·m on Pendulum's [−2, 2]
 * @param learningStarts   environment steps of uniformly random actions before the first gradient step
 * @param totalSteps       environment steps to train for
 * @param evalEvery        environment steps between greedy (noise-free) evaluations, 0 for none
 *                         before the final one
 * @param evalEpisodes     episodes per evaluation
 * @param checkpointEvery  environment steps between checkpoints (written at the next episode's end),
 *                         0 for the final one only
 * @param seed             seeds the networks' initialization, the exploration, the replay sampler and
 *                         the environment's episodes
 */
public record DdpgConfig(List<Integer> hidden, double actorLearningRate, double criticLearningRate, int bufferSize,
                         int batchSize, double gamma, double tau, double noiseSigma, int learningStarts,
                         int totalSteps, int evalEvery, int evalEpisodes, int checkpointEvery, long seed) {

    public DdpgConfig {
        hidden = widths("hidden", hidden);
        positiveFinite("actorLearningRate", actorLearningRate);
        positiveFinite("criticLearningRate", criticLearningRate);
        atLeast("bufferSize", bufferSize, 1);
        atLeast("batchSize", batchSize, 1);
        unitInterval("gamma", gamma);
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " must be in (0, 1]");
        }
        if (!(noiseSigma >= 0) || !Double.isFinite(noiseSigma)) {
            throw new IllegalArgumentException("noiseSigma = " + noiseSigma + " must be >= 0 and finite");
        }
        atLeast("learningStarts", learningStarts, 0);
        atLeast("totalSteps", totalSteps, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalEpisodes", evalEpisodes, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
    }



    public static DdpgConfig defaults() {
        return new DdpgConfig(List.of(256, 256), 1e-3, 1e-3, 200_000, 256, 0.98, 0.005, 0.1, 10_000, 30_000, 2_000,
                10, 10_000, 1);
    }

    public DdpgConfig withHidden(List<Integer> hidden) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    /** Both learning rates. */
    public DdpgConfig withLearningRate(double rate) {
        return new DdpgConfig(hidden, rate, rate, bufferSize, batchSize, gamma, tau, noiseSigma, learningStarts,
                totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withBufferSize(int bufferSize) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withBatchSize(int batchSize) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withGamma(double gamma) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withTau(double tau) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withNoiseSigma(double noiseSigma) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withLearningStarts(int learningStarts) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withTotalSteps(int totalSteps) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    /** Evaluations every {@code every} steps, {@code episodes} each. */
    public DdpgConfig withEvaluation(int every, int episodes) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, every, episodes, checkpointEvery, seed);
    }

    public DdpgConfig withCheckpointEvery(int checkpointEvery) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }

    public DdpgConfig withSeed(long seed) {
        return new DdpgConfig(hidden, actorLearningRate, criticLearningRate, bufferSize, batchSize, gamma, tau,
                noiseSigma, learningStarts, totalSteps, evalEvery, evalEpisodes, checkpointEvery, seed);
    }
}
