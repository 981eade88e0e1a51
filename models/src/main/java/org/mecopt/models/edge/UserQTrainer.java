package org.mecopt.models.edge;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.BlockList;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.edge.env.EdgeFeatures;
import org.mecopt.models.learning.Djl;
import org.mecopt.models.rl.Adam;
import org.mecopt.models.rl.BlockParameters;
import org.mecopt.models.rl.Mlp;
import org.mecopt.models.rl.Networks;
import org.mecopt.models.rl.ReplayBatch;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.models.rl.TrainingLog;

/**
 * Trains the user-side baselines of seed 003 (§VI-A): IDQN and VDN (local or global observation), the
 * users as agents each choosing a server ε-greedily (ε = 0.15) from its Q-values
 * ({@link UserQNetworks}); the loop, seeds, curves and checkpoints are {@link EdgeTrainingLoop}'s.
 *
 * <p>Episodes are one step (users redrawn every episode), so a transition never bootstraps: the
 * targets are the reward, and no target network is needed (DQN's target network only stabilizes
 * bootstrapped targets). With the reward r = system QoE / |U|:
 * <ul>
 *   <li>IDQN: every user's {@code Q_u(o_u, a_u)} regresses on r on its own (independent learners on
 *       the shared reward, Tan 1993 / Tampuu et al. 2017);</li>
 *   <li>VDN (Sunehag et al. 2018): the team value is the sum of the users' values; in per-user units
 *       {@code mean_u Q_u(o_u, a_u)} regresses on r, so the credit is learned jointly.</li>
 * </ul>
 * Why the global observation is cheap here: the first layer's weights split into a part on the
 * user's own input and a part on the system state; the latter is computed once per episode of the
 * batch and added to every user's pre-activation (the same function as the plain concatenated input
 * that {@link Mlp} evaluates when acting).
 */
public final class UserQTrainer {
    public static final List<String> METRICS = List.of("loss", "meanQ");

    /** What a run produced. */
    public record Result(EdgeModel model, EdgeModel best, TrainingLog log, EdgeCurves curves, int episodes,
                         double seconds, double lastEvaluation, double bestEvaluation) {
    }

    private UserQTrainer() {
    }

    /** Trains (or resumes, see {@link MarlTrainer#train}) a user-side baseline. */
    public static Result train(int users, long deploymentSeed, UserQConfig config, Path outDir, boolean resume,
                               double maxSeconds, RlProgress progress) throws IOException {
        try (Loop loop = new Loop(users, deploymentSeed, config)) {
            EdgeTrainingLoop.Result r = loop.run(outDir, resume, maxSeconds, progress);
            return new Result(r.model(), r.best(), r.log(), r.curves(), r.episodes(), r.seconds(), r.lastEvaluation(),
                    r.bestEvaluation());
        }
    }

    private static final class Loop extends EdgeTrainingLoop {
        private final UserQConfig config;
        private final Learner learner;
        private UserQNetworks q;

        Loop(int users, long deploymentSeed, UserQConfig config) {
            super(users, deploymentSeed, new Schedule(config.episodes(), config.warmupEpisodes(), config.batchSize(),
                    config.bufferSize(), config.logEvery(), config.evalEvery(), config.evalSystems(),
                    config.checkpointEvery(), config.seed()), users, config.toString());
            this.config = config;
            this.learner = new Learner(users, servers, config);
            this.q = learner.policy();
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
            int[] a = q.act(state, config.epsilon(), exploration);
            for (int u = 0; u < a.length; u++) {
                stored[u] = a[u];
            }
            return a;
        }

        @Override
        boolean update(ReplayBatch b) {
            double[] r = learner.update(states(b), b.actions(), b.rewards(), b.size());
            metric(0, r[0]);
            metric(1, r[1]);
            q = learner.policy();
            return true;
        }

        @Override
        EdgeModel model() {
            return EdgeModel.of(config.algorithm().cliName(), deploymentSeed, q);
        }

        @Override
        void saveNetworks(DataOutputStream out) throws IOException {
            learner.save(out);
        }

        @Override
        void loadNetworks(DataInputStream in) throws IOException {
            learner.load(in);
            q = learner.policy();
        }

        @Override
        Map<String, Object> manifest() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("config", config);
            return m;
        }

        @Override
        public void close() {
            learner.close();
        }
    }

    /** The users' shared Q-network in the engine, its optimizer and the regression step. */
    static final class Learner implements AutoCloseable {
        private final NDManager manager;
        private final ParameterStore store;
        private final SequentialBlock network;
        private final Adam optimizer;
        private final int users;
        private final int servers;
        private final UserQConfig.Algorithm algorithm;
        private final int localInput;

        Learner(int users, int servers, UserQConfig config) {
            Djl.offline();
            Networks.oneEngineThread();
            this.users = users;
            this.servers = servers;
            this.algorithm = config.algorithm();
            this.localInput = EdgeFeatures.FEATURES + users;
            manager = NDManager.newBaseManager();
            store = new ParameterStore(manager, false);
            Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
            int in = UserQNetworks.inputSize(users, algorithm.observation());
            network = Networks.initialize(Networks.mlp(in, config.hidden().stream().mapToInt(Integer::intValue)
                    .toArray(), servers, Mlp.Output.IDENTITY), manager, in);
            optimizer = new Adam(config.learningRate());
        }

        UserQNetworks policy() {
            return new UserQNetworks(new Mlp[] {Mlp.of(network, Mlp.Output.IDENTITY)}, users, servers,
                    algorithm.observation());
        }

        /**
         * One regression step on a batch of {@code b} episodes: states {@code [b, users·9]}, the users'
         * chosen servers {@code [b, users]} and rewards {@code [b]}. Returns the loss and the mean Q.
         */
        double[] update(float[] states, float[] actions, float[] rewards, int b) {
            int f = EdgeFeatures.FEATURES;
            float[] local = new float[b * users * localInput];
            float[] chosen = new float[b * users * servers];
            for (int i = 0; i < b; i++) {
                for (int u = 0; u < users; u++) {
                    int row = (i * users + u) * localInput;
                    System.arraycopy(states, (i * users + u) * f, local, row, f);
                    local[row + f + u] = 1;
                    chosen[(i * users + u) * servers + (int) actions[i * users + u]] = 1;
                }
            }
            for (Pair<String, Parameter> p : network.getParameters()) {
                try (NDArray g = p.getValue().getArray().getGradient()) {
                    g.subi(g);
                }
            }
            try (NDManager m = manager.newSubManager()) {
                NDArray loss;
                NDArray qa;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    // the first linear layer by hand (its weight split between own input and state), the rest as built
                    BlockList layers = network.getChildren();
                    Block first = layers.valueAt(0);
                    NDArray w = first.getParameters().get("weight").getArray();
                    NDArray bias = first.getParameters().get("bias").getArray();
                    NDArray x = m.create(local, new Shape((long) b * users, localInput));
                    NDArray h = x.matMul(w.get(new NDIndex(":, 0:" + localInput)).transpose());
                    if (algorithm.observation() == UserQNetworks.Observation.GLOBAL) {
                        NDArray s = m.create(states, new Shape(b, (long) users * f));
                        NDArray g = s.matMul(w.get(new NDIndex(":, " + localInput + ":")).transpose());
                        long width = g.getShape().get(1);
                        h = h.reshape(b, users, width).add(g.reshape(b, 1, width)).reshape((long) b * users, width);
                    }
                    h = h.add(bias);
                    for (int k = 1; k < layers.size(); k++) {
                        h = layers.valueAt(k).forward(store, new NDList(h), true).singletonOrThrow();
                    }
                    qa = h.mul(m.create(chosen, new Shape((long) b * users, servers))).sum(new int[] {1})
                            .reshape(b, users);
                    NDArray r = m.create(rewards, new Shape(b, 1));
                    loss = algorithm.valueDecomposition()
                            ? qa.mean(new int[] {1}, true).sub(r).square().mean()
                            : qa.sub(r).square().mean();
                    gc.backward(loss);
                }
                optimizer.step(network, 1);
                return new double[] {loss.getFloat(), qa.mean().getFloat()};
            }
        }

        void save(DataOutputStream out) throws IOException {
            BlockParameters.save(network, out);
            optimizer.save(out);
        }

        void load(DataInputStream in) throws IOException {
            BlockParameters.load(network, in);
            optimizer.load(in, network);
        }

        @Override
        public void close() {
            manager.close();
        }
    }
}
