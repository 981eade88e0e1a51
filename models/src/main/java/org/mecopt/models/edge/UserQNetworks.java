package org.mecopt.models.edge;

import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.env.EdgeFeatures;
import org.mecopt.models.rl.GumbelSoftmax;
import org.mecopt.models.rl.Mlp;

/**
 * The users' Q-networks of the user-side baselines (IDQN, VDN-L, VDN-G; seed 003 §VI-A) acting in
 * plain Java. Every user is an agent choosing one of the servers. Its observation is
 * <ul>
 *   <li>{@link Observation#LOCAL} (IDQN, VDN-L; "the state of the user"): its own 9-feature row of
 *       the state ({@link EdgeFeatures}) and a one-hot of its user index;</li>
 *   <li>{@link Observation#GLOBAL} (VDN-G; "the system state"): the same, followed by the whole
 *       {@code users × 9} state.</li>
 * </ul>
 * The user index matters because each index keeps its η row across episodes (the deployment is
 * fixed), so a user can learn where its task runs fast. The users' networks share their parameters,
 * the index one-hot letting each user's Q-function differ (what separate networks per user would
 * give, at a cost the machine can pay: one network evaluated on all users as one batch). Output:
 * one Q-value per server; the greedy action is the argmax.
 */
public final class UserQNetworks {
    /** What a user observes. */
    public enum Observation { LOCAL, GLOBAL }

    private final Mlp network;
    private final int users;
    private final int servers;
    private final Observation observation;

    public UserQNetworks(Mlp[] networks, int users, int servers, Observation observation) {
        if (networks.length != 1) {
            throw new IllegalArgumentException(networks.length + " user Q-networks: the users share one");
        }
        this.network = networks[0];
        this.users = users;
        this.servers = servers;
        this.observation = observation;
        int in = inputSize(users, observation);
        if (network.inputSize() != in || network.outputSize() != servers) {
            throw new IllegalArgumentException("a Q-network of " + network.inputSize() + " inputs and "
                    + network.outputSize() + " outputs does not fit " + users + " users and " + servers
                    + " servers with " + observation + " observations (expected " + in + " and " + servers + ")");
        }
    }

    /** Inputs of a user's network: its row, its index one-hot, and for GLOBAL the whole state. */
    static int inputSize(int users, Observation observation) {
        int local = EdgeFeatures.FEATURES + users;
        return observation == Observation.GLOBAL ? local + users * EdgeFeatures.FEATURES : local;
    }

    public int users() {
        return users;
    }

    public int servers() {
        return servers;
    }

    public Observation observation() {
        return observation;
    }

    Mlp[] networks() {
        return new Mlp[] {network};
    }

    /** User u's network input for a state ({@code users × 9}). */
    static double[] input(float[] state, int users, int u, Observation observation) {
        int f = EdgeFeatures.FEATURES;
        double[] x = new double[inputSize(users, observation)];
        for (int k = 0; k < f; k++) {
            x[k] = state[u * f + k];
        }
        x[f + u] = 1;
        if (observation == Observation.GLOBAL) {
            for (int i = 0; i < users * f; i++) {
                x[f + users + i] = state[i];
            }
        }
        return x;
    }

    /** The greedy allocation. */
    public int[] allocate(EdgeSystem system) {
        if (system.userCount() != users || system.serverCount() != servers) {
            throw new IllegalArgumentException("these Q-networks were trained for " + users + " users and " + servers
                    + " servers, the system has " + system.userCount() + " users and " + system.serverCount()
                    + " servers (train a model of its size: mecopt train qoe-edge)");
        }
        return act(ServerActors.state(system), 0, null);
    }

    /** ε-greedy actions (ε = 0 or {@code rng == null}: greedy). */
    int[] act(float[] state, double epsilon, UniformRandomProvider rng) {
        int[] a = new int[users];
        for (int u = 0; u < users; u++) {
            if (rng != null && epsilon > 0 && rng.nextDouble() < epsilon) {
                a[u] = rng.nextInt(servers);
            } else {
                a[u] = GumbelSoftmax.argmax(network.forward(input(state, users, u, observation)), 0, servers);
            }
        }
        return a;
    }
}
