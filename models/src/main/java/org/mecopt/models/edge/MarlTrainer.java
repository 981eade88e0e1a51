package org.mecopt.models.edge;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.env.EdgeFeatures;
import org.mecopt.models.rl.Dqn;
import org.mecopt.models.rl.ReplayBatch;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.models.rl.TrainingLog;

/**
 * Trains seed 003's server-side task allocation (§V-E, Algorithm 1) on {@link EdgeAllocationEnv}:
 * MADDPG or MAMaxEnt ({@link MarlConfig}); networks and updates in {@link MarlNetworks}, the loop,
 * seeds, curves and checkpoints in {@link EdgeTrainingLoop}.
 *
 * <p>Why written here: no Java library offers multi-agent actor-critics (RL.md). Each episode (one
 * step: users are redrawn every episode) every server acts on its observation with a Gumbel-softmax
 * sample of its actor (Algorithm 2); the transition stores the state, the connections and the joint
 * soft action. After {@code warmupEpisodes} (T_c), every episode updates the critic(s) on one batch;
 * every {@code actorEvery} (λ = 15) episodes the actors and the soft targets on the same batch;
 * every {@code temperatureEvery} (λ_S = 5) the temperatures (MAMaxEnt).
 */
public final class MarlTrainer {
    public static final List<String> METRICS = List.of("criticLoss", "actorLoss", "meanQ", "entropy", "omega");

    /** What a run produced. */
    public record Result(EdgeModel model, EdgeModel best, TrainingLog log, EdgeCurves curves, int episodes,
                         double seconds, double lastEvaluation, double bestEvaluation) {
    }

    private MarlTrainer() {
    }

    /** The seed-003 environment of {@code users} users on deployment {@code deploymentSeed}. */
    public static EdgeAllocationEnv environment(int users, long deploymentSeed) {
        return EdgeTrainingLoop.environment(users, deploymentSeed);
    }

    /**
     * Trains from scratch into {@code outDir}, or, with {@code resume} and a checkpoint there,
     * continues it (same configuration but for the number of episodes).
     *
     * @param deploymentSeed the fixed deployment (links, η per user index) of the systems
     */
    public static Result train(int users, long deploymentSeed, MarlConfig config, Path outDir, boolean resume,
                               double maxSeconds, RlProgress progress) throws IOException {
        try (Loop loop = new Loop(users, deploymentSeed, config)) {
            EdgeTrainingLoop.Result r = loop.run(outDir, resume, maxSeconds, progress);
            return new Result(r.model(), r.best(), r.log(), r.curves(), r.episodes(), r.seconds(), r.lastEvaluation(),
                    r.bestEvaluation());
        }
    }

    private static final class Loop extends EdgeTrainingLoop {
        private static final long NOISE = 14;
        private final MarlConfig config;
        private final MarlNetworks networks;
        private ServerActors actors;

        Loop(int users, long deploymentSeed, MarlConfig config) {
            super(users, deploymentSeed, new Schedule(config.episodes(), config.warmupEpisodes(), config.batchSize(),
                    config.bufferSize(), config.logEvery(), config.evalEvery(), config.evalSystems(),
                    config.checkpointEvery(), config.seed()), users * SERVERS, config.toString());
            this.config = config;
            this.networks = new MarlNetworks(users, EdgeFeatures.FEATURES, servers, config,
                    Dqn.mix(config.seed(), NOISE, 0));
            this.actors = new ServerActors(networks.policies(), users, servers);
        }

        @Override
        String title() {
            return config.algorithm().name();
        }

        @Override
        List<String> metrics() {
            return METRICS;
        }

        @Override
        int[] explore(float[] state, int[] connected, double[] stored) {
            return actors.act(state, connected, config.gumbelTemperature(), exploration, stored);
        }

        @Override
        boolean update(ReplayBatch b) {
            int[] connected = connected(b);
            float[] states = states(b);
            MarlBatch batch = new MarlBatch(b.size(), states, connected, b.actions(), b.rewards(), b.terminated(),
                    states, connected);
            double[] critic = networks.updateCritics(batch);
            metric(0, critic[0]);
            metric(2, critic[1]);
            boolean changed = false;
            if (episode % config.actorEvery() == 0) {
                double[] actor = networks.updateActors(batch);
                metric(1, actor[0]);
                metric(3, actor[1]);
                actors = new ServerActors(networks.policies(), users, servers);
                changed = true;
            }
            if (config.maxEnt() && episode % config.temperatureEvery() == 0) {
                networks.updateTemperature(batch);
                double mean = 0;
                for (double w : networks.omegas()) {
                    mean += w / servers;
                }
                metric(4, mean);
            }
            return changed;
        }

        @Override
        EdgeModel model() {
            return EdgeModel.of(config.algorithm().cliName(), deploymentSeed, actors);
        }

        @Override
        void saveNetworks(DataOutputStream out) throws IOException {
            networks.save(out);
        }

        @Override
        void loadNetworks(DataInputStream in) throws IOException {
            networks.load(in);
            actors = new ServerActors(networks.policies(), users, servers);
        }

        @Override
        Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("config", config);
            m.put("finalOmega", networks.omegas());
            return m;
        }

        @Override
        public void close() {
            networks.close();
        }
    }

    /** The servers of seed 003's system (the action width per user). */
    static final int SERVERS = 7;
}
