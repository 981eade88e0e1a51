package org.mecopt.models.rl;

import static org.mecopt.models.rl.ConfigChecks.atLeast;
import static org.mecopt.models.rl.ConfigChecks.positiveFinite;
import static org.mecopt.models.rl.ConfigChecks.unitInterval;
import static org.mecopt.models.rl.ConfigChecks.widths;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Every setting of a {@link Dqn} run. Counts are in environment steps unless named otherwise.
 * {@link #defaults()} are the settings measured on CartPole-v1 here (a greedy 475 within 100 000
 * steps on 4 of 5 seeds, docs/rl.md), close to RL-Zoo's tuned CartPole DQN: a 256-256 ReLU
 * network, Adam 2.3e-3, γ 0.99, batch 64, a 100 000 transition buffer, learning from step 1 000, 128 gradient steps every 256 environment steps, a
 * hard target copy every 10 steps, ε from 1 to 0.04 over the first 16 % of the run, Huber loss,
 * gradient norm clipped at 10, 50 000 steps; double Q off; a greedy evaluation of 20 episodes every
 * 5 000 steps; a checkpoint at the first episode end after every 10 000 steps. Change what a task
 * needs with the {@code with…} methods.
 *
 * @param hidden              the hidden layers' widths (ReLU)
 * @param learningRate        Adam's step size
 * @param gamma               the discount
 * @param batchSize           transitions per gradient step
 * @param bufferCapacity      the replay buffer's capacity
 * @param learningStarts      environment steps before the first gradient step
 * @param trainFrequency      environment steps between bursts of gradient steps
 * @param gradientSteps       gradient steps per burst
 * @param targetUpdatePeriod  environment steps between target updates
 * @param tau                 the target update's weight (1 = copy the online network)
 * @param doubleQ             whether the target's action is the online network's argmax (van Hasselt et al. 2016)
 * @param epsilonStart        ε at the start
 * @param epsilonEnd          ε after the decay
 * @param explorationFraction the share of {@code totalSteps} over which ε decays linearly
 * @param explorationEpisodes if &gt; 0, ε decays over this many episodes instead (the fraction is then unused)
 * @param loss                the TD loss
 * @param maxGradNorm         the gradients' global L2 norm bound, 0 for none
 * @param seed                seeds the network initialization, the environment's episodes, ε-greedy and the sampler
 * @param totalSteps          environment steps in the run
 * @param evalEvery           environment steps between greedy evaluations, 0 for none
 * @param evalEpisodes        episodes per greedy evaluation
 * @param logEvery            environment steps per logging interval (curves and progress line)
 * @param checkpointEvery     a checkpoint is written at the first episode end after every this many steps, 0 for none
 */
public record DqnConfig(List<Integer> hidden, double learningRate, double gamma, int batchSize, int bufferCapacity,
                        long learningStarts, int trainFrequency, int gradientSteps, long targetUpdatePeriod,
                        double tau, boolean doubleQ, double epsilonStart, double epsilonEnd,
                        double explorationFraction, long explorationEpisodes, Loss loss, double maxGradNorm, long seed,
                        long totalSteps, long evalEvery, int evalEpisodes, long logEvery, long checkpointEvery) {

    /** The TD loss on {@code Q(s,a) − y}. */
    public enum Loss {
        /** Huber with δ = 1 (PyTorch's smooth L1, SB3's choice): linear beyond 1, robust to large errors. */
        HUBER,
        /** The mean squared error (CleanRL's choice). */
        MSE
    }

    public DqnConfig {
        hidden = List.copyOf(hidden);
        if (hidden.stream().anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden = " + hidden + ": every layer needs >= 1 unit");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " must be > 0");
        }
        unitInterval("gamma", gamma);
        atLeast("batchSize", batchSize, 1);
        atLeast("bufferCapacity", bufferCapacity, 1);
        atLeast("learningStarts", learningStarts, 0);
        atLeast("trainFrequency", trainFrequency, 1);
        atLeast("gradientSteps", gradientSteps, 1);
        atLeast("targetUpdatePeriod", targetUpdatePeriod, 1);
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " must be in (0, 1]");
        }
        unitInterval("epsilonStart", epsilonStart);
        unitInterval("epsilonEnd", epsilonEnd);
        unitInterval("explorationFraction", explorationFraction);
        atLeast("explorationEpisodes", explorationEpisodes, 0);
        if (loss == null) {
            throw new IllegalArgumentException("loss must be HUBER or MSE, not null");
        }
        if (!(maxGradNorm >= 0) || !Double.isFinite(maxGradNorm)) {
            throw new IllegalArgumentException("maxGradNorm = " + maxGradNorm + " must be >= 0 (0 = no clipping)");
        }
        atLeast("totalSteps", totalSteps, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalEpisodes", evalEpisodes, 1);
        atLeast("logEvery", logEvery, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
    }



    /** The CartPole-v1 settings (see the class comment). */
    public static DqnConfig defaults() {
        return new DqnConfig(List.of(256, 256), 2.3e-3, 0.99, 64, 100_000, 1_000, 256, 128, 10, 1.0, false, 1.0,
                0.04, 0.16, 0, Loss.HUBER, 10, 0, 50_000, 5_000, 20, 1_000, 10_000);
    }

    /** ε after {@code step} environment steps and {@code episodes} finished episodes: linear, then flat. */
    public double epsilon(long step, long episodes) {
        double progress = explorationEpisodes > 0 ? (double) episodes / explorationEpisodes
                : explorationFraction == 0 ? 1 : step / (explorationFraction * totalSteps);
        return epsilonStart + Math.min(1, progress) * (epsilonEnd - epsilonStart);
    }

    public int[] hiddenArray() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    public DqnConfig withHidden(int... widths) {
        return new DqnConfig(IntStream.of(widths).boxed().toList(), learningRate, gamma, batchSize, bufferCapacity,
                learningStarts, trainFrequency, gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart,
                epsilonEnd, explorationFraction, explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery,
                evalEpisodes, logEvery, checkpointEvery);
    }

    public DqnConfig withLearningRate(double v) {
        return new DqnConfig(hidden, v, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withGamma(double v) {
        return new DqnConfig(hidden, learningRate, v, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withBatchSize(int v) {
        return new DqnConfig(hidden, learningRate, gamma, v, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withBufferCapacity(int v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, v, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withLearningStarts(long v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, v, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    /** Every {@code frequency} environment steps, {@code steps} gradient steps. */
    public DqnConfig withTraining(int frequency, int steps) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, frequency,
                steps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    /** Every {@code period} environment steps, the target moves by {@code tau} toward the online network. */
    public DqnConfig withTargetUpdate(long period, double tau) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, period, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withDoubleQ(boolean v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, v, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    /** ε from {@code start} to {@code end} over the first {@code fraction} of the run's steps. */
    public DqnConfig withEpsilon(double start, double end, double fraction) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, start, end, fraction, 0, loss, maxGradNorm, seed,
                totalSteps, evalEvery, evalEpisodes, logEvery, checkpointEvery);
    }

    /** ε from {@code start} to {@code end} over the first {@code episodes} episodes. */
    public DqnConfig withEpsilonOverEpisodes(double start, double end, long episodes) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes = " + episodes + " must be >= 1");
        }
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, start, end, explorationFraction, episodes, loss,
                maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery, checkpointEvery);
    }

    public DqnConfig withLoss(Loss v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, v, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withMaxGradNorm(double v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, v, seed, totalSteps, evalEvery, evalEpisodes, logEvery, checkpointEvery);
    }

    public DqnConfig withSeed(long v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, v, totalSteps, evalEvery, evalEpisodes, logEvery,
                checkpointEvery);
    }

    public DqnConfig withTotalSteps(long v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, v, evalEvery, evalEpisodes, logEvery, checkpointEvery);
    }

    /** A greedy evaluation of {@code episodes} episodes every {@code every} steps ({@code every} 0: none). */
    public DqnConfig withEvaluation(long every, int episodes) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, every, episodes, logEvery, checkpointEvery);
    }

    public DqnConfig withLogEvery(long v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, v, checkpointEvery);
    }

    public DqnConfig withCheckpointEvery(long v) {
        return new DqnConfig(hidden, learningRate, gamma, batchSize, bufferCapacity, learningStarts, trainFrequency,
                gradientSteps, targetUpdatePeriod, tau, doubleQ, epsilonStart, epsilonEnd, explorationFraction,
                explorationEpisodes, loss, maxGradNorm, seed, totalSteps, evalEvery, evalEpisodes, logEvery, v);
    }
}
