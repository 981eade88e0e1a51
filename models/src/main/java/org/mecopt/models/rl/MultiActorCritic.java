package org.mecopt.models.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.models.learning.Djl;

/**
 * MADDPG's networks and one gradient step on a batch of joint transitions: the actors (one shared
 * or one per agent), the centralized critics (one shared or one per agent) on the global state and
 * all agents' actions, their targets, one {@link Adam} per network.
 *
 * <p>A joint transition is stored in a {@link ReplayBuffer} as: observation = the global state
 * ({@code S} entries) followed by every agent's observation ({@code O} each); action = every agent's
 * normalized action in {@code [0, 1]^A}, in agent order; rewards = one per agent; terminated = the
 * episode ended in a terminal state (a time limit's truncation bootstraps).
 *
 * <p>The critic update regresses {@code Q_c(s, a)} on {@code y_c = r_c + γ(1 − terminated)
 * Q'_c(s', μ'(o'_1) … μ'(o'_K))}, where a shared critic's {@code r} is the team reward (the mean over
 * agents; the agents' rewards are equal there). The actor update follows
 * {@link MaddpgConfig.ActorGradient}: with {@code PER_AGENT}, agent i's actor ascends
 * {@code Q_{c(i)}(s, a_1 … μ_i(o_i) … a_K)} (a mask keeps the other agents' actions from the buffer,
 * so only agent i's action carries a gradient); with {@code JOINT}, every critic is evaluated on all
 * current actions. {@link Adam#step} consumes a network's gradients; the actor update's backward
 * pass also fills the critics', which are cleared before the next critic update ({@link Gradients}).
 */
final class MultiActorCritic implements AutoCloseable {
    private static final String MAGIC = "mecopt-maddpg-networks-1";

    /** What one gradient step measured (means over the critics). */
    record Losses(double critic, double actor, double meanQ) {
    }

    private final NDManager manager;
    private final ParameterStore store;
    private final List<Block> actors = new ArrayList<>();
    private final List<Block> critics = new ArrayList<>();
    private final List<Block> targetActors = new ArrayList<>();
    private final List<Block> targetCritics = new ArrayList<>();
    private final List<Adam> actorOptimizers = new ArrayList<>();
    private final List<Adam> criticOptimizers = new ArrayList<>();
    private final MaddpgConfig config;
    private final int agents;
    private final int stateSize;
    private final int observationSize;
    private final int actionSize;
    private final int actorInput;

    MultiActorCritic(int agents, int stateSize, int observationSize, int actionSize, MaddpgConfig config) {
        Djl.offline();
        Networks.oneEngineThread();
        this.config = config;
        this.agents = agents;
        this.stateSize = stateSize;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.actorInput = observationSize + (config.agentId() ? agents : 0);
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
        int[] actorHidden = config.actorHidden().stream().mapToInt(Integer::intValue).toArray();
        int[] criticHidden = config.criticHidden().stream().mapToInt(Integer::intValue).toArray();
        int criticInput = stateSize + agents * actionSize;
        for (int i = 0; i < (config.sharedActor() ? 1 : agents); i++) {
            actors.add(actor(actorHidden));
            actorOptimizers.add(new Adam(config.actorLearningRate()));
        }
        for (int i = 0; i < (config.sharedCritic() ? 1 : agents); i++) {
            critics.add(critic(criticHidden, criticInput));
            criticOptimizers.add(new Adam(config.criticLearningRate()));
        }
        for (Block a : actors) {
            Block t = actor(actorHidden);
            Polyak.update(t, a, 1);
            Gradients.freeze(t);
            targetActors.add(t);
        }
        for (Block c : critics) {
            Block t = critic(criticHidden, criticInput);
            Polyak.update(t, c, 1);
            Gradients.freeze(t);
            targetCritics.add(t);
        }
    }

    private Block actor(int[] hidden) {
        return Networks.initialize(Networks.mlp(actorInput, hidden, actionSize, Mlp.Output.SIGMOID,
                config.layerNorm()), manager, actorInput);
    }

    private Block critic(int[] hidden, int in) {
        return Networks.initialize(Networks.mlp(in, hidden, 1, Mlp.Output.IDENTITY, config.layerNorm()), manager, in);
    }

    /** The actors as plain Java (one shared, or one per agent). */
    List<Mlp> policies() {
        return actors.stream().map(a -> Mlp.of(a, Mlp.Output.SIGMOID)).toList();
    }

    /** One gradient step: the critic(s), then the actor(s), then every target. */
    Losses update(ReplayBatch batch) {
        try (NDManager m = manager.newSubManager()) {
            int b = batch.size();
            NDArray state = m.create(slice(batch.observations(), b, 0, stateSize), new Shape(b, stateSize));
            NDArray actions = m.create(batch.actions(), new Shape(b, (long) agents * actionSize));
            NDArray[] y = targets(batch, m);
            double[] critic = updateCritics(state, actions, y);
            double actor = updateActors(batch, m, state, actions);
            for (int i = 0; i < actors.size(); i++) {
                Polyak.update(targetActors.get(i), actors.get(i), config.tau());
            }
            for (int i = 0; i < critics.size(); i++) {
                Polyak.update(targetCritics.get(i), critics.get(i), config.tau());
            }
            return new Losses(critic[0], actor, critic[1]);
        }
    }

    /** Columns {@code [from, from + width)} of a row-major float matrix with rows of {@code rowSize}. */
    private static float[] slice(float[] rows, int count, int from, int width) {
        int rowSize = rows.length / count;
        float[] out = new float[count * width];
        for (int r = 0; r < count; r++) {
            System.arraycopy(rows, r * rowSize + from, out, r * width, width);
        }
        return out;
    }

    /**
     * Every agent's action under {@code nets} (online or target actors) for the observations packed
     * in {@code packed} (rows of state + observations), as a {@code (B, K·A)} array.
     */
    private NDArray act(List<Block> nets, float[] packed, int b, NDManager m, boolean training) {
        int rowSize = stateSize + agents * observationSize;
        if (nets.size() == 1) {
            // one batch of B·K rows (observation, one-hot id); row b·K + i's output is agent i's action
            float[] in = new float[b * agents * actorInput];
            for (int r = 0; r < b; r++) {
                for (int i = 0; i < agents; i++) {
                    int row = (r * agents + i) * actorInput;
                    System.arraycopy(packed, r * rowSize + stateSize + i * observationSize, in, row, observationSize);
                    if (config.agentId()) {
                        in[row + observationSize + i] = 1;
                    }
                }
            }
            NDArray out = Gradients.forward(store, nets.get(0), m.create(in, new Shape((long) b * agents, actorInput)),
                    training);
            return out.reshape(b, (long) agents * actionSize);
        }
        NDList outs = new NDList();
        for (int i = 0; i < agents; i++) {
            float[] in = slice(packed, b, stateSize + i * observationSize, observationSize);
            outs.add(Gradients.forward(store, nets.get(i), m.create(in, new Shape(b, observationSize)), training));
        }
        return NDArrays.concat(outs, 1);
    }

    /** The critics' regression targets, one {@code (B, 1)} array per critic. */
    private NDArray[] targets(ReplayBatch batch, NDManager m) {
        int b = batch.size();
        NDArray nextState = m.create(slice(batch.nextObservations(), b, 0, stateSize), new Shape(b, stateSize));
        NDArray nextActions = act(targetActors, batch.nextObservations(), b, m, false);
        NDArray nextInput = NDArrays.concat(new NDList(nextState, nextActions), 1);
        float[] rewards = batch.rewards();
        boolean[] terminated = batch.terminated();
        float[] continues = new float[b];
        for (int r = 0; r < b; r++) {
            continues[r] = terminated[r] ? 0 : (float) config.gamma();
        }
        NDArray discount = m.create(continues, new Shape(b, 1));
        NDArray[] y = new NDArray[critics.size()];
        for (int c = 0; c < y.length; c++) {
            float[] r = new float[b];
            for (int row = 0; row < b; row++) {
                if (critics.size() == 1) {
                    double sum = 0;
                    for (int i = 0; i < agents; i++) {
                        sum += rewards[row * agents + i];
                    }
                    r[row] = (float) (sum / agents);
                } else {
                    r[row] = rewards[row * agents + c];
                }
            }
            NDArray nextQ = Gradients.forward(store, targetCritics.get(c), nextInput, false);
            y[c] = m.create(r, new Shape(b, 1)).add(discount.mul(nextQ));
        }
        return y;
    }

    /** Minimizes every critic's squared TD error; returns the mean loss and the mean Q. */
    private double[] updateCritics(NDArray state, NDArray actions, NDArray[] y) {
        // the last actor update's backward pass filled the critics' gradients; the actors' own were
        // consumed by their Adam steps, so only the critics need clearing (fewer engine calls)
        Gradients.clear(critics);
        NDArray input = NDArrays.concat(new NDList(state, actions), 1);
        NDArray[] losses = new NDArray[critics.size()];
        NDArray[] qs = new NDArray[critics.size()];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int c = 0; c < critics.size(); c++) {
                qs[c] = Gradients.forward(store, critics.get(c), input, true);
                losses[c] = qs[c].sub(y[c]).square().mean();
                total = total == null ? losses[c] : total.add(losses[c]);
            }
            gc.backward(total); // the critics share no parameter: each gets its own loss's gradient
        }
        double loss = 0;
        double meanQ = 0;
        for (int c = 0; c < critics.size(); c++) {
            Block critic = critics.get(c);
            criticOptimizers.get(c).step(critic, Adam.clipScale(critic, config.maxGradNorm()));
            loss += losses[c].getFloat() / critics.size();
            meanQ += qs[c].mean().getFloat() / critics.size();
        }
        return new double[] {loss, meanQ};
    }

    /** Ascends the critics' values of the actors' actions in the actors' parameters; returns the actor loss. */
    private double updateActors(ReplayBatch batch, NDManager m, NDArray state, NDArray bufferActions) {
        // every gradient is zero here: the critics' Adam steps consumed theirs, the actors' were
        // consumed by the last actor step and no critic pass since reached them
        int b = batch.size();
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray mu = act(actors, batch.observations(), b, m, true);
            if (config.actorGradient() == MaddpgConfig.ActorGradient.JOINT) {
                NDArray input = NDArrays.concat(new NDList(state, mu), 1);
                NDArray sum = null;
                for (Block critic : critics) {
                    NDArray q = Gradients.forward(store, critic, input, true).mean();
                    sum = sum == null ? q : sum.add(q);
                }
                loss = sum.div(critics.size()).neg();
            } else {
                // agent i's input: the buffer's actions with agent i's block replaced by μ_i(o_i)
                NDList inputs = new NDList();
                for (int i = 0; i < agents; i++) {
                    float[] mask = new float[agents * actionSize];
                    java.util.Arrays.fill(mask, i * actionSize, (i + 1) * actionSize, 1f);
                    NDArray own = m.create(mask, new Shape(1, (long) agents * actionSize));
                    NDArray mixed = bufferActions.mul(own.neg().add(1)).add(mu.mul(own));
                    inputs.add(NDArrays.concat(new NDList(state, mixed), 1));
                }
                if (critics.size() == 1) {
                    loss = Gradients.forward(store, critics.get(0), NDArrays.concat(inputs, 0), true).mean().neg();
                } else {
                    NDArray sum = null;
                    for (int i = 0; i < agents; i++) {
                        NDArray q = Gradients.forward(store, critics.get(i), inputs.get(i), true).mean();
                        sum = sum == null ? q : sum.add(q);
                    }
                    loss = sum.div(agents).neg();
                }
            }
            gc.backward(loss);
        }
        for (int i = 0; i < actors.size(); i++) {
            Block actor = actors.get(i);
            actorOptimizers.get(i).step(actor, Adam.clipScale(actor, config.maxGradNorm()));
        }
        return loss.getFloat();
    }

    /** Every network's parameters and every optimizer's state. */
    void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        for (List<Block> group : List.of(actors, critics, targetActors, targetCritics)) {
            for (Block b : group) {
                BlockParameters.save(b, out);
            }
        }
        for (Adam a : actorOptimizers) {
            a.save(out);
        }
        for (Adam a : criticOptimizers) {
            a.save(out);
        }
    }

    /** Restores what {@link #save} wrote from networks of the same set-up. */
    void load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not MADDPG networks (header " + magic + ")");
        }
        for (List<Block> group : List.of(actors, critics, targetActors, targetCritics)) {
            for (Block b : group) {
                BlockParameters.load(b, in);
            }
        }
        for (int i = 0; i < actors.size(); i++) {
            actorOptimizers.get(i).load(in, actors.get(i));
        }
        for (int i = 0; i < critics.size(); i++) {
            criticOptimizers.get(i).load(in, critics.get(i));
        }
    }

    /** The critics' targets for {@code batch} as plain arrays, one per critic (for tests). */
    float[][] targetValues(ReplayBatch batch) {
        try (NDManager m = manager.newSubManager()) {
            NDArray[] y = targets(batch, m);
            float[][] out = new float[y.length][];
            for (int c = 0; c < y.length; c++) {
                out[c] = y[c].toFloatArray();
            }
            return out;
        }
    }

    /** For tests. */
    List<Block> targetActors() {
        return targetActors;
    }

    List<Block> targetCritics() {
        return targetCritics;
    }

    @Override
    public void close() {
        manager.close();
    }
}
