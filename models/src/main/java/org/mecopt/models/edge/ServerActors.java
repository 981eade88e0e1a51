package org.mecopt.models.edge;

import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.env.EdgeFeatures;
import org.mecopt.models.rl.GumbelSoftmax;
import org.mecopt.models.rl.Mlp;

/**
 * The servers' trained actors acting in plain Java ({@link Mlp}, batch 1): each server h reads its
 * observation (eq. (18): its connected users' rows of the state, zeros elsewhere; plus a server
 * one-hot for a parameter-shared actor) and outputs {@code users × servers} logits; user u's
 * server is the argmax of row u of its connected server's output (eq. (21)). Immutable.
 */
public final class ServerActors {
    private final Mlp[] actors;
    private final int users;
    private final int servers;
    private final boolean shared;
    private final int features = EdgeFeatures.FEATURES;

    /**
     * @param actors one actor shared by all servers (its input ends with the server one-hot), or one
     *               per server
     */
    public ServerActors(Mlp[] actors, int users, int servers) {
        if (actors.length != 1 && actors.length != servers) {
            throw new IllegalArgumentException(actors.length + " actors: expected 1 (shared) or " + servers);
        }
        this.actors = actors.clone();
        this.users = users;
        this.servers = servers;
        this.shared = actors.length == 1;
        int in = ActorInputs.size(users, features, servers, shared);
        for (Mlp a : actors) {
            if (a.inputSize() != in || a.outputSize() != users * servers) {
                throw new IllegalArgumentException("an actor of " + a.inputSize() + " inputs and " + a.outputSize()
                        + " outputs does not fit " + users + " users and " + servers + " servers (expected " + in
                        + " and " + users * servers + ")");
            }
        }
    }

    public int users() {
        return users;
    }

    public int servers() {
        return servers;
    }

    public boolean shared() {
        return shared;
    }

    Mlp[] actors() {
        return actors.clone();
    }

    /** The state as floats and each user's connected server. */
    static float[] state(EdgeSystem system) {
        double[] s = EdgeFeatures.state(system);
        float[] f = new float[s.length];
        for (int i = 0; i < s.length; i++) {
            f[i] = (float) s[i];
        }
        return f;
    }

    static int[] connected(EdgeSystem system) {
        int[] c = new int[system.userCount()];
        for (int u = 0; u < c.length; u++) {
            c[u] = system.users().get(u).connectedServer();
        }
        return c;
    }

    /** Server h's logits for the state. */
    double[] logits(float[] state, int[] connected, int h) {
        float[] in = new float[ActorInputs.size(users, features, servers, shared)];
        ActorInputs.write(state, 0, connected, 0, users, features, servers, shared, h, in, 0);
        double[] x = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            x[i] = in[i];
        }
        return actors[shared ? 0 : h].forward(x);
    }

    /** The greedy allocation: per user the argmax of its connected server's logits. */
    public int[] allocate(EdgeSystem system) {
        check(system);
        return act(state(system), connected(system), 0, null, null);
    }

    private void check(EdgeSystem system) {
        if (system.userCount() != users || system.serverCount() != servers) {
            throw new IllegalArgumentException("these actors were trained for " + users + " users and " + servers
                    + " servers, the system has " + system.userCount() + " users and " + system.serverCount()
                    + " servers (train a model of its size: mecopt train qoe-edge)");
        }
    }

    /**
     * Acts on a state: with {@code rng}, each user's row is a Gumbel-softmax sample at
     * {@code temperature} written into {@code joint} ({@code users × servers}) and its argmax executed;
     * without, the greedy argmax (and {@code joint}, if given, the plain softmax).
     */
    int[] act(float[] state, int[] connected, double temperature, UniformRandomProvider rng, double[] joint) {
        int[] allocation = new int[users];
        double[] row = joint == null ? new double[users * servers] : joint;
        for (int h = 0; h < servers; h++) {
            boolean any = false;
            for (int u = 0; u < users && !any; u++) {
                any = connected[u] == h;
            }
            if (!any) {
                continue;
            }
            double[] logits = logits(state, connected, h);
            for (int u = 0; u < users; u++) {
                if (connected[u] != h) {
                    continue;
                }
                allocation[u] = rng == null ? GumbelSoftmax.argmax(logits, u * servers, servers)
                        : GumbelSoftmax.sample(logits, u * servers, servers, temperature, rng, row);
                if (rng == null && joint != null) {
                    GumbelSoftmax.sample(logits, u * servers, servers, 1, null, row);
                }
            }
        }
        return allocation;
    }
}
