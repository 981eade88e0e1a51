package org.mecopt.models.edge;

import static org.mecopt.models.rl.ConfigChecks.atLeast;
import static org.mecopt.models.rl.ConfigChecks.positiveFinite;
import static org.mecopt.models.rl.ConfigChecks.unitInterval;
import static org.mecopt.models.rl.ConfigChecks.widths;

import java.util.List;

/**
 * Hyper-parameters of the user-side baselines of seed 003 ({@link UserQTrainer}): IDQN, VDN with
 * local and with global observation. The paper gives ε = 0.15 and, for all its learners, Table IV's
 * Adam 1e-4; the users' network is smaller than Table IV's 3 × 256 (every update evaluates it on
 * batch × |U| user observations; docs/qoe-agents.md).
 *
 * @param algorithm       IDQN, VDN_L or VDN_G
 * @param hidden          hidden widths of the users' (shared) Q-network
 * @param learningRate    Adam's step
 * @param epsilon         ε of the ε-greedy exploration, per user and episode
 * @param batchSize       episodes per update
 * @param bufferSize      replay capacity (episodes)
 * @param warmupEpisodes  episodes stored before the first update
 * @param episodes        training episodes
 * @param logEvery        episodes per logging interval
 * @param evalEvery       episodes between greedy evaluations (0: only the final one)
 * @param evalSystems     systems per greedy evaluation
 * @param checkpointEvery episodes between checkpoints (0: only the final one)
 * @param seed            seeds initialization, exploration, sampler and systems
 */
public record UserQConfig(Algorithm algorithm, List<Integer> hidden, double learningRate, double epsilon,
                          int batchSize, int bufferSize, int warmupEpisodes, int episodes, int logEvery,
                          int evalEvery, int evalSystems, int checkpointEvery, long seed) {

    /** The user-side learners. */
    public enum Algorithm {
        /** Independent DQN: each user's Q-value regresses on the shared reward. */
        IDQN(UserQNetworks.Observation.LOCAL, false),
        /** VDN, local observations: the mean of the users' Q-values regresses on the reward per user. */
        VDN_L(UserQNetworks.Observation.LOCAL, true),
        /** VDN, global observations (every user sees the system state). */
        VDN_G(UserQNetworks.Observation.GLOBAL, true);

        private final UserQNetworks.Observation observation;
        private final boolean valueDecomposition;

        Algorithm(UserQNetworks.Observation observation, boolean valueDecomposition) {
            this.observation = observation;
            this.valueDecomposition = valueDecomposition;
        }

        public UserQNetworks.Observation observation() {
            return observation;
        }

        public boolean valueDecomposition() {
            return valueDecomposition;
        }

        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public UserQConfig {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must be given (idqn, vdn-l or vdn-g)");
        }
        hidden = widths("hidden", hidden);
        positiveFinite("learningRate", learningRate);
        unitInterval("epsilon", epsilon);
        atLeast("batchSize", batchSize, 1);
        atLeast("bufferSize", bufferSize, 1);
        atLeast("warmupEpisodes", warmupEpisodes, 1);
        atLeast("episodes", episodes, 1);
        atLeast("logEvery", logEvery, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalSystems", evalSystems, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
    }


    /** ε = 0.15 (the paper), Adam 1e-4 (Table IV), 64-64 ReLU, batch 32, 20 000 episodes, seed 1. */
    public static UserQConfig defaults(Algorithm algorithm) {
        return new UserQConfig(algorithm, List.of(64, 64), 1e-4, 0.15, 32, 20_000, 500, 20_000, 100, 2_000, 20,
                2_000, 1);
    }

    public UserQConfig withEpisodes(int n) {
        return new UserQConfig(algorithm, hidden, learningRate, epsilon, batchSize, bufferSize, warmupEpisodes, n,
                logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public UserQConfig withSeed(long s) {
        return new UserQConfig(algorithm, hidden, learningRate, epsilon, batchSize, bufferSize, warmupEpisodes,
                episodes, logEvery, evalEvery, evalSystems, checkpointEvery, s);
    }

    public UserQConfig withHidden(List<Integer> h) {
        return new UserQConfig(algorithm, h, learningRate, epsilon, batchSize, bufferSize, warmupEpisodes, episodes,
                logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public UserQConfig withLearningRate(double lr) {
        return new UserQConfig(algorithm, hidden, lr, epsilon, batchSize, bufferSize, warmupEpisodes, episodes,
                logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public UserQConfig withBatch(int batch, int buffer, int warmup) {
        return new UserQConfig(algorithm, hidden, learningRate, epsilon, batch, buffer, warmup, episodes, logEvery,
                evalEvery, evalSystems, checkpointEvery, seed);
    }

    public UserQConfig withSchedule(int logEvery, int evalEvery, int evalSystems, int checkpointEvery) {
        return new UserQConfig(algorithm, hidden, learningRate, epsilon, batchSize, bufferSize, warmupEpisodes,
                episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }
}
