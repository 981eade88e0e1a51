package org.mecopt.latency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.OptionalField;
import org.mecopt.api.Problem;

/**
 * Min-max latency in MEC-enabled cell-free massive MIMO (seed 001, MODEL.md §2). K users share N
 * subcarriers; user k puts power share {@code p[n][k] ≥ 0}, {@code Σ_n p[n][k] ≤ 1}, on subcarrier n and
 * offloads a share ρ_k of its task:
 * <pre>
 *   γ_{n,k} = p_{n,k} G[n][k][k] / (Σ_{j≠k} p_{n,j} G[n][k][j] + 1),   R_k = Σ_n B_sc log2(1 + γ_{n,k})
 *   τ_k = max( (1−ρ_k) Z_k C_k / f_k ,  ρ_k Z_k / R_k + ρ_k Z_k C_k / f_ser )
 * </pre>
 * and the objective is {@code max_k τ_k}. Every magnitude must lie in its {@link LatencyRanges} range. Channels enter only through the effective gains G, so
 * any channel model plugs in. With {@code localComputing = false} every ρ_k must be 1.
 *
 * <p>For a fixed rate the best ρ is closed-form (MODEL.md): with {@code a = Z C/f_k} and
 * {@code b = Z/R + Z C/f_ser}, {@code ρ* = a/(a+b)} and {@code τ* = ab/(a+b)}; see {@link #bestLatency}.
 *
 * @param subcarrierBandwidthHz {@code B_sc}
 * @param serverCpuHz {@code f_ser}, given in full to every offloading user (seed 001's model)
 * @param localComputing whether users may compute part of their task locally
 * @param users the K users
 * @param gain {@code gain[n][k][j]}, dimensionless; {@code gain[n][k][k]} is user k's own signal
 * @param channelMagnitude optional {@code |h[n][k][l]|} the gains were made from (learning features)
 * @param sharedServerCpu optional, default false: seed 001 gives every offloading user the whole
 *     {@code f_ser}; when true the server is split evenly, each of the K users computing its
 *     offloaded part at {@code f_ser / K} (a reserved share, so users stay independent)
 */
public record LatencyInstance(double subcarrierBandwidthHz, double serverCpuHz, boolean localComputing,
                              List<LatencyUser> users, double[][][] gain,
                              @OptionalField double[][][] channelMagnitude,
                              @OptionalField Boolean sharedServerCpu) implements Problem<LatencySolution> {

    /** Relative slack allowed on Σ_n p ≤ 1 and on ρ's bounds when a solution is checked. */
    public static final double TOLERANCE = 1e-9;

    public LatencyInstance {
        sharedServerCpu = Boolean.TRUE.equals(sharedServerCpu);
        LatencyRanges.SUBCARRIER_BANDWIDTH_HZ.check("subcarrierBandwidthHz", subcarrierBandwidthHz);
        LatencyRanges.CPU_HZ.check("serverCpuHz", serverCpuHz);
        users = Check.elements("users", users);
        Check.atLeast("users.length", users.size(), 1);
        for (int k = 0; k < users.size(); k++) {
            LatencyUser u = users.get(k);
            LatencyRanges.TASK_BITS.check("users[" + k + "].taskBits", u.taskBits());
            LatencyRanges.CYCLES_PER_BIT.check("users[" + k + "].cyclesPerBit", u.cyclesPerBit());
            LatencyRanges.CPU_HZ.check("users[" + k + "].cpuHz", u.cpuHz());
        }
        int k = users.size();
        Check.present("gain", gain);
        Check.atLeast("gain.length", gain.length, 1);
        double[][][] g = new double[gain.length][k][k];
        for (int n = 0; n < gain.length; n++) {
            checkLength("gain[" + n + "]", gain[n], k, "users");
            for (int u = 0; u < k; u++) {
                checkLength("gain[" + n + "][" + u + "]", gain[n][u], k, "users");
                for (int j = 0; j < k; j++) {
                    String field = "gain[" + n + "][" + u + "][" + j + "]";
                    g[n][u][j] = (u == j ? LatencyRanges.OWN_GAIN : LatencyRanges.CROSS_GAIN).check(field, gain[n][u][j]);
                }
            }
        }
        gain = g;
        if (channelMagnitude != null) {
            if (channelMagnitude.length != gain.length) {
                throw new InvalidInstanceException("channelMagnitude.length", channelMagnitude.length,
                        "must equal the number of subcarriers " + gain.length);
            }
            double[][][] h = new double[channelMagnitude.length][k][];
            for (int n = 0; n < h.length; n++) {
                checkLength("channelMagnitude[" + n + "]", channelMagnitude[n], k, "users");
                for (int u = 0; u < k; u++) {
                    Check.present("channelMagnitude[" + n + "][" + u + "]", channelMagnitude[n][u]);
                    if (channelMagnitude[n][u].length != channelMagnitude[0][0].length) {
                        throw new InvalidInstanceException("channelMagnitude[" + n + "][" + u + "].length",
                                channelMagnitude[n][u].length, "must equal channelMagnitude[0][0].length");
                    }
                    for (int l = 0; l < channelMagnitude[n][u].length; l++) {
                        LatencyRanges.CHANNEL_MAGNITUDE.check("channelMagnitude[" + n + "][" + u + "][" + l + "]",
                                channelMagnitude[n][u][l]);
                    }
                    h[n][u] = channelMagnitude[n][u].clone();
                }
            }
            channelMagnitude = h;
        }
    }

    /** An instance with seed 001's server model: every offloading user gets the whole {@code f_ser}. */
    public LatencyInstance(double subcarrierBandwidthHz, double serverCpuHz, boolean localComputing,
                           List<LatencyUser> users, double[][][] gain, double[][][] channelMagnitude) {
        this(subcarrierBandwidthHz, serverCpuHz, localComputing, users, gain, channelMagnitude, false);
    }

    private static void checkLength(String field, Object array, int expected, String what) {
        Check.present(field, array);
        int length = array instanceof double[][] a ? a.length : ((double[]) array).length;
        if (length != expected) {
            throw new InvalidInstanceException(field + ".length", length, "must equal the number of " + what + " " + expected);
        }
    }

    @Override
    public String problemName() {
        return "latency";
    }

    public int userCount() {
        return users.size();
    }

    public int subcarrierCount() {
        return gain.length;
    }

    /** {@code G[n][k][j]} without copying. */
    public double gain(int n, int k, int j) {
        return gain[n][k][j];
    }

    /** {@code G[n][k][·]}, the internal array itself: for the solvers of this package, which must not modify it. */
    double[] gainRow(int n, int k) {
        return gain[n][k];
    }

    @Override
    public double[][][] gain() {
        double[][][] copy = new double[gain.length][][];
        for (int n = 0; n < gain.length; n++) {
            copy[n] = LatencySolution.deepCopy(gain[n]);
        }
        return copy;
    }

    @Override
    public double[][][] channelMagnitude() {
        if (channelMagnitude == null) {
            return null;
        }
        double[][][] copy = new double[channelMagnitude.length][][];
        for (int n = 0; n < channelMagnitude.length; n++) {
            copy[n] = LatencySolution.deepCopy(channelMagnitude[n]);
        }
        return copy;
    }

    /** A copy that forbids local computing ("CF-mMIMO w/o local comp."). */
    public LatencyInstance withoutLocalComputing() {
        return new LatencyInstance(subcarrierBandwidthHz, serverCpuHz, false, users, gain, channelMagnitude,
                sharedServerCpu);
    }

    /** {@code a_k = Z_k C_k / f_k}: the time to compute the whole task locally. */
    public double localTime(int k) {
        LatencyUser u = users.get(k);
        return u.taskBits() * u.cyclesPerBit() / u.cpuHz();
    }

    /** {@code Z_k C_k / f_ser} (or {@code / (f_ser/K)} when shared): the server's compute time for the whole task. */
    public double serverTime(int k) {
        LatencyUser u = users.get(k);
        double cpu = sharedServerCpu ? serverCpuHz / users.size() : serverCpuHz;
        return u.taskBits() * u.cyclesPerBit() / cpu;
    }

    /** SINR of user k on subcarrier n under {@code power[n][·]}. */
    public double sinr(double[][] power, int n, int k) {
        double interference = 1;
        double[] g = gain[n][k];
        double[] p = power[n];
        for (int j = 0; j < g.length; j++) {
            if (j != k) {
                interference += p[j] * g[j];
            }
        }
        return p[k] * g[k] / interference;
    }

    /** Offloading rate {@code R_k} in bit/s. */
    public double rate(double[][] power, int k) {
        double sum = 0;
        for (int n = 0; n < gain.length; n++) {
            sum += Math.log1p(sinr(power, n, k));
        }
        return subcarrierBandwidthHz * sum / Math.log(2);
    }

    /** {@code τ_k} for a given rate and ratio. */
    public double latency(int k, double rate, double ratio) {
        double z = users.get(k).taskBits();
        double local = (1 - ratio) * localTime(k);
        double offload = ratio == 0 ? 0 : ratio * (z / rate + serverTime(k));
        return Math.max(local, offload);
    }

    /** The ratio that minimizes {@code τ_k} at this rate: {@code a/(a+b)}, or 1 without local computing. */
    public double bestRatio(int k, double rate) {
        if (!localComputing) {
            return 1;
        }
        double a = localTime(k);
        double b = users.get(k).taskBits() / rate + serverTime(k);
        // a + b = 0 only when both times underflow: every ratio then takes no time, and 0/0 must not be NaN
        return rate > 0 && a + b > 0 ? a / (a + b) : 0;
    }

    /** The least {@code τ_k} at this rate over all ratios. */
    public double bestLatency(int k, double rate) {
        return latency(k, rate, bestRatio(k, rate));
    }

    /**
     * The least rate with which user k can finish within {@code t} (0 when local computing alone
     * suffices, +∞ when no rate does). Inverts {@link #bestLatency}: {@code τ* ≤ t ⟺ R ≥ Z/(at/(a−t) − c)}.
     */
    public double rateNeeded(int k, double t) {
        double a = localTime(k);
        double c = serverTime(k);
        double z = users.get(k).taskBits();
        double budget;
        if (localComputing) {
            if (t >= a) {
                return 0;
            }
            double direct = a * t / (a - t);
            // a·t overflows for tasks of ~1e200 bits; dividing first is only the fallback, so that
            // normal instances keep their bits (labelled datasets are reproducible bit for bit)
            budget = (Double.isFinite(direct) ? direct : a * (t / (a - t))) - c;
        } else {
            budget = t - c;
        }
        return budget > 0 ? z / budget : Double.POSITIVE_INFINITY;
    }

    /** The solution made of {@code power} with every user's best ratio. */
    public LatencySolution solutionFor(double[][] power) {
        int k = userCount();
        double[] ratio = new double[k];
        double[] latency = new double[k];
        for (int u = 0; u < k; u++) {
            double r = rate(power, u);
            ratio[u] = bestRatio(u, r);
            latency[u] = latency(u, r, ratio[u]);
        }
        return new LatencySolution(power, ratio, latency);
    }

    /** Per-user latencies recomputed from the solution's power and ratios. */
    public double[] latencies(LatencySolution solution) {
        double[][] power = solution.power();
        double[] out = new double[userCount()];
        for (int k = 0; k < out.length; k++) {
            out[k] = latency(k, rate(power, k), solution.ratio(k));
        }
        return out;
    }

    /** The maximum latency in s (+∞ for a malformed solution). */
    @Override
    public double objective(LatencySolution solution) {
        if (!shapeOk(solution)) {
            return Double.POSITIVE_INFINITY;
        }
        return Arrays.stream(latencies(solution)).max().orElseThrow();
    }

    private boolean shapeOk(LatencySolution s) {
        double[][] p = s.power();
        if (p.length != subcarrierCount() || s.offloadRatio().length != userCount()) {
            return false;
        }
        return Arrays.stream(p).allMatch(row -> row.length == userCount());
    }

    @Override
    public List<String> violations(LatencySolution solution) {
        List<String> out = new ArrayList<>();
        if (!shapeOk(solution)) {
            out.add("power must be " + subcarrierCount() + "×" + userCount() + " and offloadRatio of length " + userCount());
            return out;
        }
        for (int k = 0; k < userCount(); k++) {
            double sum = 0;
            for (int n = 0; n < subcarrierCount(); n++) {
                double p = solution.power(n, k);
                if (!(p >= 0) || !Double.isFinite(p)) {
                    out.add("power[" + n + "][" + k + "] = " + p + " must be >= 0 and finite");
                }
                sum += p;
            }
            if (sum > 1 + TOLERANCE) {
                out.add("user " + k + " uses power " + sum + " > 1");
            }
            double r = solution.ratio(k);
            if (!(r >= 0 && r <= 1)) {
                out.add("offloadRatio[" + k + "] = " + r + " must be in [0, 1]");
            } else if (!localComputing && r < 1 - TOLERANCE) {
                out.add("offloadRatio[" + k + "] = " + r + " must be 1 without local computing");
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencyInstance i && subcarrierBandwidthHz == i.subcarrierBandwidthHz
                && serverCpuHz == i.serverCpuHz && localComputing == i.localComputing && users.equals(i.users)
                && sharedServerCpu.equals(i.sharedServerCpu)
                && Arrays.deepEquals(gain, i.gain) && Arrays.deepEquals(channelMagnitude, i.channelMagnitude);
    }

    @Override
    public int hashCode() {
        return users.hashCode() * 31 + Arrays.deepHashCode(gain);
    }

    @Override
    public String toString() {
        return "LatencyInstance[K=" + userCount() + ", N=" + subcarrierCount() + ", localComputing=" + localComputing + "]";
    }
}
