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
import java.util.List;
import org.mecopt.models.learning.Djl;

/**
 * DDPG's four networks (actor μ, critic Q and their targets), the two optimizers and one gradient
 * step on a replay batch. The actor maps an observation to an action in {@code [-1, 1]^d} (tanh
 * output); the critic takes the observation and that normalized action side by side. The targets
 * start as copies and follow by soft updates; they never see a gradient.
 *
 * <p>Gradients are cleared at the start of every update, for both networks: the actor's loss runs
 * through the critic, so its backward pass fills the critic's gradients too, and the engine would
 * add them to the next critic step's.
 */
final class ActorCritic implements AutoCloseable {
    private static final String MAGIC = "mecopt-ddpg-networks-1";

    /** What one gradient step measured. */
    record Losses(double critic, double actor, double meanQ) {
    }

    private final NDManager manager;
    private final ParameterStore store;
    private final Block actor;
    private final Block critic;
    private final Block targetActor;
    private final Block targetCritic;
    private final Adam actorOptimizer;
    private final Adam criticOptimizer;
    private final int observationSize;
    private final int actionSize;
    private final double gamma;
    private final double tau;

    ActorCritic(int observationSize, int actionSize, DdpgConfig config) {
        Djl.offline();
        Networks.oneEngineThread();
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.gamma = config.gamma();
        this.tau = config.tau();
        int[] hidden = config.hidden().stream().mapToInt(Integer::intValue).toArray();
        manager = NDManager.newBaseManager();
        store = new ParameterStore(manager, false);
        Engine.getInstance().setRandomSeed(Long.hashCode(config.seed()));
        int criticInput = observationSize + actionSize;
        actor = Networks.initialize(Networks.mlp(observationSize, hidden, actionSize, Mlp.Output.TANH), manager,
                observationSize);
        critic = Networks.initialize(Networks.mlp(criticInput, hidden, 1, Mlp.Output.IDENTITY), manager, criticInput);
        targetActor = Networks.initialize(Networks.mlp(observationSize, hidden, actionSize, Mlp.Output.TANH), manager,
                observationSize);
        targetCritic = Networks.initialize(Networks.mlp(criticInput, hidden, 1, Mlp.Output.IDENTITY), manager,
                criticInput);
        Polyak.update(targetActor, actor, 1);
        Polyak.update(targetCritic, critic, 1);
        Gradients.freeze(targetActor);
        Gradients.freeze(targetCritic);
        actorOptimizer = new Adam(config.actorLearningRate());
        criticOptimizer = new Adam(config.criticLearningRate());
    }

    /** The actor as plain Java, for acting: outputs in {@code [-1, 1]^d}. */
    Mlp policy() {
        return Mlp.of(actor, Mlp.Output.TANH);
    }

    /** One DDPG gradient step: the critic, then the actor, then both targets. */
    Losses update(ReplayBatch batch) {
        try (NDManager m = manager.newSubManager()) {
            NDArray observations = m.create(batch.observations(), new Shape(batch.size(), observationSize));
            NDArray actions = m.create(batch.actions(), new Shape(batch.size(), actionSize));
            NDArray y = targets(batch, m);
            double[] criticLoss = updateCritic(observations, actions, y);
            double actorLoss = updateActor(observations);
            Polyak.update(targetActor, actor, tau);
            Polyak.update(targetCritic, critic, tau);
            return new Losses(criticLoss[0], actorLoss, criticLoss[1]);
        }
    }

    /**
     * The critic's regression targets {@code y = r + γ·(1 − terminated)·Q'(s', μ'(s'))}: a transition
     * cut by the time limit is not terminated and bootstraps; a terminal one does not.
     */
    NDArray targets(ReplayBatch batch, NDManager m) {
        NDArray next = m.create(batch.nextObservations(), new Shape(batch.size(), observationSize));
        NDArray nextActions = forward(targetActor, next, false);
        NDArray nextQ = forward(targetCritic, NDArrays.concat(new NDList(next, nextActions), 1), false);
        float[] continues = new float[batch.size()];
        boolean[] terminated = batch.terminated();
        for (int i = 0; i < continues.length; i++) {
            continues[i] = terminated[i] ? 0 : (float) gamma;
        }
        NDArray rewards = m.create(batch.rewards(), new Shape(batch.size(), 1));
        return rewards.add(m.create(continues, new Shape(batch.size(), 1)).mul(nextQ));
    }

    /** Minimizes the squared TD error; returns the loss and the mean Q of the batch. */
    double[] updateCritic(NDArray observations, NDArray actions, NDArray y) {
        clearGradients();
        NDArray q;
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            q = forward(critic, NDArrays.concat(new NDList(observations, actions), 1), true);
            loss = q.sub(y).square().mean();
            gc.backward(loss);
        }
        criticOptimizer.step(critic, 1); // outside the collector: no graph records the parameter writes
        return new double[] {loss.getFloat(), q.mean().getFloat()};
    }

    /** Ascends Q(s, μ(s)) in the actor's parameters only; returns the actor's loss −mean Q. */
    double updateActor(NDArray observations) {
        clearGradients();
        NDArray loss;
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray action = forward(actor, observations, true);
            loss = forward(critic, NDArrays.concat(new NDList(observations, action), 1), true).mean().neg();
            gc.backward(loss);
        }
        actorOptimizer.step(actor, 1);
        return loss.getFloat();
    }

    private void clearGradients() {
        Gradients.clear(List.of(actor, critic));
    }

    private NDArray forward(Block block, NDArray input, boolean training) {
        return Gradients.forward(store, block, input, training);
    }

    /** The four networks' parameters and both optimizers' states. */
    void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        for (Block b : new Block[] {actor, critic, targetActor, targetCritic}) {
            BlockParameters.save(b, out);
        }
        actorOptimizer.save(out);
        criticOptimizer.save(out);
    }

    /** Restores what {@link #save} wrote from networks of the same shapes. */
    void load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not DDPG networks (header " + magic + ")");
        }
        for (Block b : new Block[] {actor, critic, targetActor, targetCritic}) {
            BlockParameters.load(b, in);
        }
        actorOptimizer.load(in, actor);
        criticOptimizer.load(in, critic);
    }

    /** The blocks, for tests. */
    Block actor() {
        return actor;
    }

    Block critic() {
        return critic;
    }

    Block targetActor() {
        return targetActor;
    }

    Block targetCritic() {
        return targetCritic;
    }

    @Override
    public void close() {
        manager.close();
    }
}
