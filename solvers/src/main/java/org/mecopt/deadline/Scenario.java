package org.mecopt.deadline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * One episode's exogenous data, everything the dynamics need besides the actions: the users'
 * classes, each user's {@code Σ_m β_mk} (observed by the agents), the per-step K×K effective gains
 * {@code G_kj(t) = |g_k^H g_j|² / (σ² ‖g_k‖²)} (MODEL.md §4; SINR
 * {@code γ_k = η_k p_max G_kk / (Σ_{j≠k} η_j p_max G_kj + 1)}) and the task arrivals. A scenario is
 * what a trace stores and what a replay runs on; {@link ScenarioGenerator} draws one from a seed.
 * Immutable: arrays are copied in and never handed out.
 */
public final class Scenario {
    private final DeadlineEnergyConfig config;
    private final TaskClass[] classes;
    private final double[] sumBeta;
    private final double[][][] gain;
    private final List<Arrival> arrivals;
    /** {@code arrivalAt[k][t]}: index into {@link #arrivals} of user k's arrival at step t, or −1. */
    private final int[][] arrivalAt;

    /**
     * @param gain {@code gain[t−1][k][j]} for steps 1..T
     * @throws InvalidInstanceException naming the field when the data do not fit the configuration,
     *     or a user's next task would arrive before its current one ended
     */
    public Scenario(DeadlineEnergyConfig config, List<TaskClass> classes, double[] sumBeta, double[][][] gain,
                    List<Arrival> arrivals) {
        this.config = Check.present("constants", config);
        int k = config.users();
        int t = config.steps();
        Check.elements("users", classes);
        if (classes.size() != k || sumBeta.length != k) {
            throw new InvalidInstanceException("users", classes.size(), "must have one entry per user (K = " + k + ")");
        }
        this.classes = classes.toArray(TaskClass[]::new);
        this.sumBeta = sumBeta.clone();
        for (int u = 0; u < k; u++) {
            Check.positive("users[" + u + "].sumBeta", sumBeta[u]);
        }
        if (gain.length != t) {
            throw new InvalidInstanceException("gain", gain.length + " steps", "must have T = " + t + " steps");
        }
        this.gain = new double[t][k][];
        for (int s = 0; s < t; s++) {
            if (gain[s].length != k) {
                throw new InvalidInstanceException("gain[" + s + "]", gain[s].length + " rows", "must have K = " + k);
            }
            for (int u = 0; u < k; u++) {
                if (gain[s][u].length != k) {
                    throw new InvalidInstanceException("gain[" + s + "][" + u + "]", gain[s][u].length + " entries",
                            "must have K = " + k);
                }
                for (int j = 0; j < k; j++) {
                    double g = gain[s][u][j];
                    if (!(g >= 0) || !Double.isFinite(g) || (u == j && g == 0)) {
                        throw new InvalidInstanceException("gain[" + s + "][" + u + "][" + j + "]", g,
                                u == j ? "must be > 0 and finite" : "must be >= 0 and finite");
                    }
                }
                this.gain[s][u] = gain[s][u].clone();
            }
        }
        List<Arrival> sorted = new ArrayList<>(Check.elements("arrivals", arrivals));
        sorted.sort(Comparator.comparingInt(Arrival::user).thenComparingInt(Arrival::step));
        this.arrivals = List.copyOf(sorted);
        this.arrivalAt = new int[k][t + 2];
        for (int[] row : arrivalAt) {
            Arrays.fill(row, -1);
        }
        int[] busyUntil = new int[k];
        for (int i = 0; i < sorted.size(); i++) {
            Arrival a = sorted.get(i);
            if (a.user() >= k) {
                throw new InvalidInstanceException("arrivals[" + i + "].user", a.user(), "must be < K = " + k);
            }
            if (a.step() > t) {
                throw new InvalidInstanceException("arrivals[" + i + "].step", a.step(), "must be <= T = " + t);
            }
            if (a.step() <= busyUntil[a.user()]) {
                throw new InvalidInstanceException("arrivals[" + i + "].step", a.step(), "arrives while user "
                        + a.user() + "'s previous task may still run (until step " + busyUntil[a.user()] + ")");
            }
            busyUntil[a.user()] = a.step() - 1 + a.windowSteps(config.stepS());
            arrivalAt[a.user()][a.step()] = i;
        }
    }

    public DeadlineEnergyConfig config() {
        return config;
    }

    public int users() {
        return classes.length;
    }

    public int steps() {
        return gain.length;
    }

    public TaskClass taskClass(int user) {
        return classes[user];
    }

    public List<TaskClass> classes() {
        return List.of(classes);
    }

    /** {@code Σ_m β_mk} of user k (linear). */
    public double sumBeta(int user) {
        return sumBeta[user];
    }

    public double[] sumBeta() {
        return sumBeta.clone();
    }

    /** {@code G_kj} at step t (numbered from 1). */
    public double gain(int step, int k, int j) {
        return gain[step - 1][k][j];
    }

    /** Read-only access for the simulator's inner loop (the arrays are not copied; do not modify). */
    double[][] gainsAt(int step) {
        return gain[step - 1];
    }

    /** A copy of the gains of step t. */
    public double[][] gains(int step) {
        double[][] g = gain[step - 1];
        double[][] out = new double[g.length][];
        for (int i = 0; i < g.length; i++) {
            out[i] = g[i].clone();
        }
        return out;
    }

    /** The arrivals, by user then step. */
    public List<Arrival> arrivals() {
        return arrivals;
    }

    /** User k's arrival at step t, or null. */
    public Arrival arrival(int user, int step) {
        int i = step < arrivalAt[user].length ? arrivalAt[user][step] : -1;
        return i < 0 ? null : arrivals.get(i);
    }

    /** The arrivals of class c. */
    public int arrivals(TaskClass c) {
        int n = 0;
        for (Arrival a : arrivals) {
            n += classes[a.user()] == c ? 1 : 0;
        }
        return n;
    }

    /** The per-episode facts a policy may use at its start (no future fading or arrivals). */
    public EpisodeInfo info() {
        return new EpisodeInfo(config, List.of(classes), sumBeta);
    }
}
