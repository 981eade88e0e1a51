package org.mecopt.models.edge;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.models.learning.Djl;
import org.mecopt.models.rl.Adam;
import org.mecopt.models.rl.BlockParameters;
import org.mecopt.models.rl.DiscreteSacTemperature;
import org.mecopt.models.rl.GumbelSoftmax;
import org.mecopt.models.rl.Mlp;
import org.mecopt.models.rl.Networks;
import org.mecopt.models.rl.Polyak;

/**
 * The networks of the server-side learners and their updates: the servers' actors (one shared actor
 * with a server one-hot, or one per server), a centralized critic (two, twin, for MAMaxEnt) on the
 * system state and the joint soft action, their targets, Adam states and, for MAMaxEnt, the
 * per-server temperatures.
 *
 * <p>An actor outputs logits of {@code users × servers}; user u's action is the softmax of its row
 * (seed 003 Fig. 3) and the row of user u in the joint action is taken from u's connected server's
 * actor. Acting and the actor's gradient use Gumbel-softmax samples {@code softmax(logits + g)}
 * (openai/maddpg's treatment of discrete actions): their argmax is a sample of the policy.
 *
 * <p><b>Sharing across servers</b> (why: a literal per-server set of critics is ~1.7 h per run
 * here, RL.md). The reward is the system QoE, shared by all servers, and every server's critic in
 * the paper takes the same input (system state, joint action) and regresses on the same target, so
 * the seven critics estimate one function: here one centralized critic (or one twin pair) serves all
 * servers. One batch and one set of target actions per update serve every server; one backward pass
 * of {@code −Q(S, Ã) − Σ_h ω_h S^h} gives each actor exactly its MADDPG/MAMaxEnt gradient, since
 * actor h's parameters reach the loss only through its own users' rows and its own entropy.
 *
 * <p>Units: the reward is the system QoE divided by |U| (a mean QoE per user) and the entropy bonus
 * is {@code Σ_h ω_h S^h / |U|}, so every loss is the paper's divided by |U| (Adam is indifferent to
 * that scale; the critic's output layer is not).
 *
 * <p>Gradients are cleared before every update: the actor's loss runs through the critics and would
 * otherwise leave gradients in them for their next step.
 */
final class MarlNetworks implements AutoCloseable {
    private static final String MAGIC = "mecopt-edge-marl-networks-1";

    private final NDManager manager;
    private final ParameterStore store;
    private final int users;
    private final int features;
    private final int servers;
    private final boolean shared;
    private final int actorInput;
    private final Block[] actors;
    private final Block[] targetActors;
    private final Block[] critics;
    private final Block[] targetCritics;
    private final Adam[] actorOptimizers;
    private final Adam[] criticOptimizers;
    private final DiscreteSacTemperature temperature;
    private final double gamma;
    private final double tau;
    private final double gumbelTemperature;
    private final RestorableUniformRandomProvider noise;

    MarlNetworks(int users, int features, int servers, MarlConfig config, long noiseSeed) {
        Djl.offline();
        Networks.oneEngineThread();
        this.users = users;
        this.features = features;
        this.servers = servers;
        this.shared = config.sharedActor();
        this.gamma = config.gamma();
        this.tau = config.tau();
        this.gumbelTemperature = config.gumbelTemperature();
        this.actorInput = ActorInputs.size(users, features, servers, shared);
        int[] hidden = config.hiddenArray();
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
        int actorCount = shared ? 1 : servers;
        int out = users * servers;
        actors = new Block[actorCount];
        targetActors = new Block[actorCount];
        actorOptimizers = new Adam[actorCount];
        for (int k = 0; k < actorCount; k++) {
            actors[k] = Networks.initialize(Networks.mlp(actorInput, hidden, out, Mlp.Output.IDENTITY), manager,
                    actorInput);
            targetActors[k] = Networks.initialize(Networks.mlp(actorInput, hidden, out, Mlp.Output.IDENTITY), manager,
                    actorInput);
            Polyak.update(targetActors[k], actors[k], 1);
            frozen(targetActors[k]);
            actorOptimizers[k] = new Adam(config.networkLearningRate());
        }
        int criticCount = config.maxEnt() ? 2 : 1;
        int criticInput = users * features + users * servers;
        critics = new Block[criticCount];
        targetCritics = new Block[criticCount];
        criticOptimizers = new Adam[criticCount];
        for (int k = 0; k < criticCount; k++) {
            critics[k] = Networks.initialize(Networks.mlp(criticInput, hidden, 1, Mlp.Output.IDENTITY), manager,
                    criticInput);
            targetCritics[k] = Networks.initialize(Networks.mlp(criticInput, hidden, 1, Mlp.Output.IDENTITY), manager,
                    criticInput);
            Polyak.update(targetCritics[k], critics[k], 1);
            frozen(targetCritics[k]);
            criticOptimizers[k] = new Adam(config.networkLearningRate());
        }
        temperature = config.maxEnt()
                ? new DiscreteSacTemperature(servers, config.initialOmega(),
                        DiscreteSacTemperature.target(config.targetEntropyRatio(), servers),
                        config.temperatureLearningRate())
                : null;
        noise = RandomSource.XO_RO_SHI_RO_128_PP.create(noiseSeed);
    }

    private static void frozen(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(false);
        }
    }

    int actorInputSize() {
        return actorInput;
    }

    boolean sharedActor() {
        return shared;
    }

    /** The actors as plain Java (logits), for acting: one, or one per server. */
    Mlp[] policies() {
        Mlp[] p = new Mlp[actors.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = Mlp.of(actors[k], Mlp.Output.IDENTITY);
        }
        return p;
    }

    /** The current temperatures ω_h (empty for MADDPG). */
    double[] omegas() {
        return temperature == null ? new double[0] : temperature.omegas();
    }

    /** One critic update on {@code batch}. */
    double[] updateCritics(MarlBatch batch) {
        try (NDManager m = manager.newSubManager()) {
            int b = batch.size();
            NDArray states = m.create(batch.states(), new Shape(b, (long) users * features));
            NDArray actions = m.create(batch.actions(), new Shape(b, (long) users * servers));
            NDArray y = targets(batch, m);
            NDArray input = NDArrays.concat(new NDList(states, actions), 1);
            double loss = 0;
            double meanQ = 0;
            for (int k = 0; k < critics.length; k++) {
                clearGradients();
                NDArray q;
                NDArray l;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    q = forward(critics[k], input);
                    l = q.sub(y).square().mean();
                    gc.backward(l);
                }
                criticOptimizers[k].step(critics[k], 1);
                loss += l.getFloat() / critics.length;
                meanQ += q.mean().getFloat() / critics.length;
            }
            return new double[] {loss, meanQ};
        }
    }

    /**
     * The critics' regression target {@code y = r + γ(1 − terminated)(min_i Q'_i(S', Â') + Σ_h ω_h Ŝ'^h/|U|)},
     * Â' from the target actors' softmax (seed 003 eqs. (30)–(31), Algorithm 1 lines 7–10); a batch of
     * terminated transitions only (the edge system's one-step episodes) skips the target networks.
     */
    NDArray targets(MarlBatch batch, NDManager m) {
        int b = batch.size();
        NDArray rewards = m.create(batch.rewards(), new Shape(b, 1));
        boolean anyContinues = false;
        float[] continues = new float[b];
        for (int i = 0; i < b; i++) {
            continues[i] = batch.terminated()[i] ? 0 : (float) gamma;
            anyContinues |= !batch.terminated()[i];
        }
        if (!anyContinues) {
            return rewards;
        }
        NDArray next = m.create(batch.nextStates(), new Shape(b, (long) users * features));
        Joint joint = joint(targetActors, batch.nextStates(), batch.nextConnected(), b, m, false);
        NDArray input = NDArrays.concat(new NDList(next, joint.actions), 1);
        NDArray q = forward(targetCritics[0], input);
        for (int k = 1; k < targetCritics.length; k++) {
            q = NDArrays.minimum(q, forward(targetCritics[k], input));
        }
        if (temperature != null) {
            q = q.add(entropyBonus(joint.entropy, m).reshape(b, 1));
        }
        return rewards.add(m.create(continues, new Shape(b, 1)).mul(q));
    }

    /** {@code Σ_h ω_h S^h / |U|} per transition, from the per-server entropy sums {@code [servers, B]}. */
    private NDArray entropyBonus(NDArray entropy, NDManager m) {
        float[] w = new float[servers];
        for (int h = 0; h < servers; h++) {
            w[h] = (float) (temperature.omega(h) / users);
        }
        return entropy.mul(m.create(w, new Shape(servers, 1))).sum(new int[] {0});
    }

    /**
     * One actor update (MADDPG's gradient through the critic; MAMaxEnt adds {@code ω_h S^h} and uses
     * the smaller twin), then the soft target updates. Returns the actor loss and the mean entropy per
     * user of the policies.
     */
    double[] updateActors(MarlBatch batch) {
        try (NDManager m = manager.newSubManager()) {
            int b = batch.size();
            NDArray states = m.create(batch.states(), new Shape(b, (long) users * features));
            clearGradients();
            NDArray loss;
            Joint joint;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                joint = joint(actors, batch.states(), batch.connected(), b, m, true);
                NDArray input = NDArrays.concat(new NDList(states, joint.actions), 1);
                NDArray q = forward(critics[0], input);
                for (int k = 1; k < critics.length; k++) {
                    q = NDArrays.minimum(q, forward(critics[k], input));
                }
                loss = q.mean().neg();
                if (temperature != null) {
                    loss = loss.sub(entropyBonus(joint.entropy, m).mean());
                }
                gc.backward(loss);
            }
            for (int k = 0; k < actors.length; k++) {
                actorOptimizers[k].step(actors[k], 1);
            }
            clearGradients(); // the critics' gradients from this backward pass must not reach their next step
            for (int k = 0; k < actors.length; k++) {
                Polyak.update(targetActors[k], actors[k], tau);
            }
            for (int k = 0; k < critics.length; k++) {
                Polyak.update(targetCritics[k], critics[k], tau);
            }
            return new double[] {loss.getFloat(), meanEntropyPerUser(joint.entropy, batch)};
        }
    }

    /**
     * One temperature step (MAMaxEnt; Algorithm 1 lines 21–25): each server's mean entropy per user
     * under its current actor on the batch's states, against the target. Returns the mean entropy per
     * user over all servers.
     */
    double updateTemperature(MarlBatch batch) {
        if (temperature == null) {
            throw new IllegalStateException("MADDPG has no entropy temperature");
        }
        try (NDManager m = manager.newSubManager()) {
            int b = batch.size();
            Joint joint = joint(actors, batch.states(), batch.connected(), b, m, false);
            float[] sums = joint.entropy.toFloatArray(); // [servers, B]
            double[] perUser = new double[servers];
            int[] count = new int[servers];
            double total = 0;
            int all = 0;
            for (int h = 0; h < servers; h++) {
                double s = 0;
                for (int i = 0; i < b; i++) {
                    s += sums[h * b + i];
                }
                for (int i = 0; i < b * users; i++) {
                    count[h] += batch.connected()[i] == h ? 1 : 0;
                }
                perUser[h] = count[h] == 0 ? Double.NaN : s / count[h];
                total += s;
                all += count[h];
            }
            temperature.update(perUser);
            return total / all;
        }
    }

    private double meanEntropyPerUser(NDArray entropy, MarlBatch batch) {
        float[] sums = entropy.toFloatArray();
        double s = 0;
        for (float v : sums) {
            s += v;
        }
        return s / ((double) batch.size() * users);
    }

    /** The joint soft action {@code [B, users·servers]} and the per-server entropy sums {@code [servers, B]}. */
    private record Joint(NDArray actions, NDArray entropy) {
    }

    /**
     * Every server's actor on every state of the batch, assembled into the joint action: user u's row
     * from its connected server. {@code sample}: Gumbel-softmax (acting distribution, reparametrized);
     * otherwise the plain softmax (the target actions).
     */
    private Joint joint(Block[] nets, float[] states, int[] connected, int b, NDManager m, boolean sample) {
        NDArray logits;
        if (shared) {
            float[] in = new float[servers * b * actorInput];
            for (int h = 0; h < servers; h++) {
                for (int i = 0; i < b; i++) {
                    ActorInputs.write(states, i * users * features, connected, i * users, users, features, servers,
                            true, h, in, (h * b + i) * actorInput);
                }
            }
            logits = forward(nets[0], m.create(in, new Shape((long) servers * b, actorInput)));
        } else {
            NDList perServer = new NDList();
            for (int h = 0; h < servers; h++) {
                float[] in = new float[b * actorInput];
                for (int i = 0; i < b; i++) {
                    ActorInputs.write(states, i * users * features, connected, i * users, users, features, servers,
                            false, h, in, i * actorInput);
                }
                perServer.add(forward(nets[h], m.create(in, new Shape(b, actorInput))));
            }
            logits = NDArrays.concat(perServer, 0);
        }
        logits = logits.reshape(servers, b, users, servers);
        float[] mask = new float[servers * b * users];
        for (int h = 0; h < servers; h++) {
            for (int i = 0; i < b * users; i++) {
                mask[h * b * users + i] = connected[i] == h ? 1f : 0f;
            }
        }
        NDArray own = m.create(mask, new Shape(servers, b, users));
        NDArray z = logits;
        if (sample) {
            float[] g = GumbelSoftmax.noise(noise, servers * b * users * servers);
            z = logits.add(m.create(g, new Shape(servers, b, users, servers))).div((float) gumbelTemperature);
        }
        NDArray y = z.softmax(3);
        NDArray actions = y.mul(own.expandDims(3)).sum(new int[] {0}).reshape(b, (long) users * servers);
        NDArray logP = logits.logSoftmax(3);
        NDArray entropy = logP.exp().mul(logP).sum(new int[] {3}).neg().mul(own).sum(new int[] {2});
        return new Joint(actions, entropy);
    }

    private void clearGradients() {
        for (Block[] group : new Block[][] {actors, critics}) {
            for (Block block : group) {
                for (Pair<String, Parameter> p : block.getParameters()) {
                    try (NDArray gradient = p.getValue().getArray().getGradient()) {
                        gradient.subi(gradient);
                    }
                }
            }
        }
    }

    private NDArray forward(Block block, NDArray input) {
        return block.forward(store, new NDList(input), true).singletonOrThrow();
    }

    /** The networks, the optimizers, the temperatures and the noise stream. */
    void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        for (Block[] group : new Block[][] {actors, targetActors, critics, targetCritics}) {
            for (Block block : group) {
                BlockParameters.save(block, out);
            }
        }
        for (int k = 0; k < actors.length; k++) {
            actorOptimizers[k].save(out);
        }
        for (int k = 0; k < critics.length; k++) {
            criticOptimizers[k].save(out);
        }
        if (temperature != null) {
            temperature.save(out);
        }
        byte[] state = ((RandomProviderDefaultState) noise.saveState()).getState();
        out.writeInt(state.length);
        out.write(state);
    }

    void load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not edge MARL networks (header " + magic + ")");
        }
        for (Block[] group : new Block[][] {actors, targetActors, critics, targetCritics}) {
            for (Block block : group) {
                BlockParameters.load(block, in);
            }
        }
        for (int k = 0; k < actors.length; k++) {
            actorOptimizers[k].load(in, actors[k]);
        }
        for (int k = 0; k < critics.length; k++) {
            criticOptimizers[k].load(in, critics[k]);
        }
        if (temperature != null) {
            temperature.load(in);
        }
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        noise.restoreState(new RandomProviderDefaultState(state));
    }

    @Override
    public void close() {
        manager.close();
    }
}
