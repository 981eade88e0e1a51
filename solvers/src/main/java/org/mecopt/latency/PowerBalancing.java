package org.mecopt.latency;

import org.mecopt.api.Deadline;
import org.mecopt.api.InvalidInstanceException;

/**
 * A few sweeps that lower the max latency of a power allocation by rescaling each user's powers while
 * keeping how the user splits them over the subcarriers: the finishing step of the {@code cnn-lstm}
 * solver, usable after any heuristic.
 *
 * <p>Why: min-max latency is a weighted max-min rate problem (MODEL.md §2), at whose optimum the users
 * are balanced: no user finishes early with power that only interferes with the others. A prediction
 * that is close in shape is usually off in level, leaving one user the bottleneck while others have
 * slack. Each sweep aims at {@code t = T*(1 − δ)}, T* the best max latency so far, and visits the users
 * in turn (Gauss–Seidel, interference updated as it goes): a user gets the least scale of its powers
 * whose rate reaches {@link LatencyInstance#rateNeeded} for t under the current interference (Newton on
 * the rate {@code B Σ_n log2(1 + s q_n)} in {@code ln s}), at most what its power budget allows. Users with
 * slack so back off and the bottleneck users rise to their budget. A sweep that lowers the max latency
 * is kept and δ grows by half (to at most 10 %); one that does not is undone and δ shrinks to a third.
 * The result is checked against the input with a fresh evaluation: never worse, and feasible whenever
 * the input is.
 *
 * <p>It is a local improvement along the input's shapes, not a solver: the shapes (which subcarriers a
 * user favours) are the input's. Cost per sweep: O(N·K²) multiply-adds and about 5·N·K logarithms.
 */
public final class PowerBalancing {
    /** The first sweep's push below the current max latency. */
    static final double FIRST_PUSH = 0.01;
    private static final double MAX_PUSH = 0.1;
    private static final int NEWTON_STEPS = 4;
    /**
     * A user who can compute alone within the target keeps this total power (of its budget 1), and so
     * its shape, to rise again in a later sweep.
     */
    private static final double IDLE_POWER = 1e-6;

    private PowerBalancing() {
    }

    /**
     * The balanced powers; {@code power} is not modified.
     *
     * @param power {@code p[n][k] ≥ 0} with {@code Σ_n p[n][k] ≤ 1}
     * @param sweeps how many sweeps (0: a copy of {@code power})
     * @return powers whose max latency (with the best ratios) is at most that of {@code power}
     */
    public static double[][] balance(LatencyInstance instance, double[][] power, int sweeps) {
        return balance(instance, power, sweeps, Deadline.NEVER);
    }

    /**
     * {@link #balance(LatencyInstance, double[][], int)} that also stops, with the best sweep so far,
     * once {@code deadline} has passed (looked at before every sweep).
     */
    public static double[][] balance(LatencyInstance instance, double[][] power, int sweeps, Deadline deadline) {
        if (sweeps < 0) {
            throw new IllegalArgumentException("sweeps must be >= 0, got " + sweeps);
        }
        int n = instance.subcarrierCount();
        int k = instance.userCount();
        if (power.length != n) {
            throw new InvalidInstanceException("power.length", power.length, "must be the instance's N = " + n);
        }
        for (int c = 0; c < n; c++) {
            if (power[c].length != k) {
                throw new InvalidInstanceException("power[" + c + "].length", power[c].length, "must be the instance's K = " + k);
            }
        }
        double[][] p = LatencySolution.deepCopy(power);
        if (sweeps == 0) {
            return p;
        }
        double[][] interference = new double[n][k];
        interference(instance, p, interference);
        double bandwidth = instance.subcarrierBandwidthHz() / Math.log(2);
        double[] q = new double[n];
        double[][] kept = LatencySolution.deepCopy(p);
        double start = exactMaxLatency(instance, power);
        double best = start;
        boolean improved = false;
        double push = FIRST_PUSH;
        for (int sweep = 0; sweep < sweeps && !deadline.passed(); sweep++) {
            double target = best * (1 - push);
            for (int u = 0; u < k; u++) {
                double sum = 0;
                for (int c = 0; c < n; c++) {
                    sum += p[c][u];
                    q[c] = p[c][u] * instance.gain(c, u, u) / interference[c][u];
                }
                if (sum > 0) {
                    rescale(instance, p, interference, u, leastScale(q, bandwidth, instance.rateNeeded(u, target), 1 / sum, sum));
                }
            }
            double latency = maxLatency(instance, p, interference, bandwidth);
            if (latency < best) {
                best = latency;
                improved = true;
                push = Math.min(MAX_PUSH, push * 1.5);
                for (int c = 0; c < n; c++) {
                    System.arraycopy(p[c], 0, kept[c], 0, k);
                }
            } else {
                for (int c = 0; c < n; c++) {
                    System.arraycopy(kept[c], 0, p[c], 0, k);
                }
                interference(instance, p, interference);
                push /= 3;
            }
        }
        // the sweeps track interference incrementally: confirm with a fresh evaluation
        return !improved || exactMaxLatency(instance, kept) <= start ? kept : LatencySolution.deepCopy(power);
    }

    /** {@code Σ_{j≠u} p[c][j] G[c][u][j] + 1} for every subcarrier c and user u. */
    private static void interference(LatencyInstance instance, double[][] p, double[][] out) {
        int k = p[0].length;
        for (int c = 0; c < p.length; c++) {
            for (int u = 0; u < k; u++) {
                double v = 1;
                for (int j = 0; j < k; j++) {
                    if (j != u) {
                        v += p[c][j] * instance.gain(c, u, j);
                    }
                }
                out[c][u] = v;
            }
        }
    }

    /**
     * About the least scale {@code s ∈ (0, max]} of a user's powers (whose current total is {@code sum})
     * with {@code B Σ_n ln(1 + s q_n) ≥ need} (B in bit/s per nat): {@code max} when even that falls
     * short, and what leaves the user a total of {@link #IDLE_POWER} when nothing is needed.
     *
     * <p>Newton on {@code u = ln s}: the rate is convex and increasing in u, so after the first step
     * every iterate lies at or above the root and the user reaches its target, which Newton on s
     * itself (concave) would approach from below, leaving the user short and the sweep rejected.
     */
    private static double leastScale(double[] q, double bandwidth, double need, double max, double sum) {
        if (need == 0) {
            return Math.min(1, IDLE_POWER / sum); // an absolute floor: repeated idling does not compound
        }
        double atMax = 0;
        for (double v : q) {
            atMax += ln1p(max * v);
        }
        if (!(bandwidth * atMax > need)) {
            return max; // also when need is +∞
        }
        double s = Math.min(1, max);
        for (int i = 0; i < NEWTON_STEPS; i++) {
            double f = -need;
            double df = 0;
            for (double v : q) {
                double sv = s * v;
                f += bandwidth * ln1p(sv);
                df += bandwidth * sv / (1 + sv);
            }
            if (!(df > 0)) {
                break;
            }
            s = Math.min(max, s * Math.exp(-f / df)); // the root is below max: capping keeps s above it
        }
        return Math.min(max, s);
    }

    /** Multiplies user u's powers by s and updates the interference the others see. */
    private static void rescale(LatencyInstance instance, double[][] p, double[][] interference, int u, double s) {
        int k = p[0].length;
        for (int c = 0; c < p.length; c++) {
            double change = (s - 1) * p[c][u];
            p[c][u] *= s;
            double[] seen = interference[c];
            for (int j = 0; j < k; j++) {
                if (j != u) {
                    seen[j] += change * instance.gain(c, j, u);
                }
            }
        }
    }

    private static double maxLatency(LatencyInstance instance, double[][] p, double[][] interference, double bandwidth) {
        double max = 0;
        for (int u = 0; u < p[0].length; u++) {
            double sum = 0;
            for (int c = 0; c < p.length; c++) {
                sum += ln1p(p[c][u] * instance.gain(c, u, u) / interference[c][u]);
            }
            max = Math.max(max, instance.bestLatency(u, bandwidth * sum));
        }
        return max;
    }

    /**
     * {@code ln(1 + x)} through {@code Math.log}, which HotSpot compiles to an intrinsic, where
     * {@code Math.log1p} is a library call about four times slower; the sweeps spend most of their time
     * here. Its rounding for x below ~1e-8 (relative error up to ~1e-8/x · 1e-16) does not matter for
     * steering the sweeps, and the result is judged by {@link #exactMaxLatency}, which uses log1p.
     */
    private static double ln1p(double x) {
        return Math.log(1 + x);
    }

    /** The max latency with the best ratios, from scratch, as {@link LatencyInstance} computes it. */
    private static double exactMaxLatency(LatencyInstance instance, double[][] p) {
        double max = 0;
        for (int u = 0; u < instance.userCount(); u++) {
            max = Math.max(max, instance.bestLatency(u, instance.rate(p, u)));
        }
        return max;
    }
}
