package org.mecopt.models.edge;

import static org.mecopt.models.rl.ConfigChecks.atLeast;
import static org.mecopt.models.rl.ConfigChecks.positiveFinite;
import static org.mecopt.models.rl.ConfigChecks.unitInterval;
import static org.mecopt.models.rl.ConfigChecks.widths;

import java.util.List;

/**
 * Hyper-parameters of the server-side learners of seed 003 (MADDPG and MAMaxEnt, {@link MarlTrainer}).
 * {@link #defaults} follows Table IV: 3 hidden layers of 256 ReLU units, Adam 1e-4 for the networks
 * and 1e-3 for the entropy temperature, actor and target updates every 15 steps, temperature every
 * 5, soft update τ = 0.005 (the paper's μ = 0.995), γ = 0.1, 20 000 episodes. The paper gives no
 * batch size, buffer size, warm-up or initial temperature; the values here are stated in
 * docs/qoe-agents.md. The initial ω = 0.2 is measured, not guessed: at |U| = 110 with ω = 0.01 the
 * bonus was too small against one user's effect on the mean QoE, the policies became deterministic
 * within 1 000 episodes (entropy 0.005 nats per user) and the saturated softmax stopped the actors'
 * gradient (greedy validation QoE 53 after 2 000 episodes against 65 with ω = 0.2).
 *
 * @param algorithm          MADDPG or MAMaxEnt
 * @param hidden             hidden widths of actors and critics
 * @param networkLearningRate Adam's step for actors and critics
 * @param temperatureLearningRate Adam's step for {@code log ω} (MAMaxEnt)
 * @param gamma              discount; with the edge system's one-step episodes every transition
 *                           terminates and γ does not enter the critic's target
 * @param tau                soft target update rate
 * @param actorEvery         environment steps between actor (and target) updates, λ
 * @param temperatureEvery   environment steps between temperature updates, λ_S
 * @param batchSize          transitions per update, one batch shared by all servers
 * @param bufferSize         replay capacity (transitions)
 * @param warmupEpisodes     episodes collected before the first update (T_c)
 * @param gumbelTemperature  temperature of the Gumbel-softmax actions (acting and the actor's gradient)
 * @param targetEntropyRatio MAMaxEnt's target entropy per user as a fraction of {@code log |H|}
 * @param initialOmega       MAMaxEnt's ω before the first update
 * @param sharedActor        one actor for all servers with a server one-hot appended to its input
 *                           (true), or one actor per server as in the paper (false)
 * @param episodes           training episodes (= environment steps: one step per episode)
 * @param logEvery           episodes per logging interval
 * @param evalEvery          episodes between greedy evaluations (0: only the final one)
 * @param evalSystems        systems per greedy evaluation (fixed across evaluations)
 * @param checkpointEvery    episodes between checkpoints (0: only the final one)
 * @param seed               seeds initialization, exploration, sampler and the episodes' systems
 */
public record MarlConfig(Algorithm algorithm, List<Integer> hidden, double networkLearningRate,
                         double temperatureLearningRate, double gamma, double tau, int actorEvery,
                         int temperatureEvery, int batchSize, int bufferSize, int warmupEpisodes,
                         double gumbelTemperature, double targetEntropyRatio, double initialOmega,
                         boolean sharedActor, int episodes, int logEvery, int evalEvery, int evalSystems,
                         int checkpointEvery, long seed) {

    /** The two server-side learners of seed 003. */
    public enum Algorithm {
        /** Deterministic actors trained by MADDPG on Gumbel-softmax actions, one critic. */
        MADDPG,
        /** MADDPG plus twin critics and an entropy bonus ω·S over each server's users (seed 003 §V-E). */
        MAMAXENT;

        public String cliName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MarlConfig {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm must be given (maddpg or mamaxent)");
        }
        hidden = widths("hidden", hidden);
        positiveFinite("networkLearningRate", networkLearningRate);
        positiveFinite("temperatureLearningRate", temperatureLearningRate);
        if (!(gamma >= 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma = " + gamma + " must be in [0, 1)");
        }
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " must be in (0, 1]");
        }
        atLeast("actorEvery", actorEvery, 1);
        atLeast("temperatureEvery", temperatureEvery, 1);
        atLeast("batchSize", batchSize, 1);
        atLeast("bufferSize", bufferSize, 1);
        atLeast("warmupEpisodes", warmupEpisodes, 1);
        positiveFinite("gumbelTemperature", gumbelTemperature);
        if (!(targetEntropyRatio > 0 && targetEntropyRatio < 1)) {
            throw new IllegalArgumentException("targetEntropyRatio = " + targetEntropyRatio
                    + " must be in (0, 1): a discrete entropy lies in [0, log |H|]");
        }
        positiveFinite("initialOmega", initialOmega);
        atLeast("episodes", episodes, 1);
        atLeast("logEvery", logEvery, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalSystems", evalSystems, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
    }



    /** Table IV's settings for {@code algorithm}, 20 000 episodes, seed 1. */
    public static MarlConfig defaults(Algorithm algorithm) {
        return new MarlConfig(algorithm, List.of(256, 256, 256), 1e-4, 1e-3, 0.1, 0.005, 15, 5, 256, 20_000, 500,
                1.0, 0.98, 0.2, true, 20_000, 100, 2_000, 20, 2_000, 1);
    }

    public boolean maxEnt() {
        return algorithm == Algorithm.MAMAXENT;
    }

    public int[] hiddenArray() {
        return hidden.stream().mapToInt(Integer::intValue).toArray();
    }

    public MarlConfig withEpisodes(int n) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, sharedActor, n, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withSeed(long s) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, s);
    }

    public MarlConfig withHidden(List<Integer> h) {
        return new MarlConfig(algorithm, h, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withUpdates(int actorEvery, int temperatureEvery) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withBatch(int batch, int buffer, int warmup) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batch, buffer, warmup, gumbelTemperature, targetEntropyRatio, initialOmega,
                sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withLearningRates(double networks, double temperature) {
        return new MarlConfig(algorithm, hidden, networks, temperature, gamma, tau, actorEvery, temperatureEvery,
                batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio, initialOmega,
                sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withEntropy(double ratio, double omega) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, ratio, omega, sharedActor,
                episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withSharedActor(boolean shared) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, shared, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }

    public MarlConfig withSchedule(int logEvery, int evalEvery, int evalSystems, int checkpointEvery) {
        return new MarlConfig(algorithm, hidden, networkLearningRate, temperatureLearningRate, gamma, tau, actorEvery,
                temperatureEvery, batchSize, bufferSize, warmupEpisodes, gumbelTemperature, targetEntropyRatio,
                initialOmega, sharedActor, episodes, logEvery, evalEvery, evalSystems, checkpointEvery, seed);
    }
}
