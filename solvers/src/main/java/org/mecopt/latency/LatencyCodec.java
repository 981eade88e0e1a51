package org.mecopt.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.api.Tensor;
import org.mecopt.api.TensorCodec;

/**
 * Latency instances and solutions as named tensors (K users, N subcarriers, L antennas). The names,
 * their order and shapes are the dataset format of {@code docs/datasets.md}, which the CNN-LSTM reads
 * back: never rename or reorder them.
 */
public final class LatencyCodec implements TensorCodec<LatencyInstance, LatencySolution> {

    /** {@code [N, K, K]}: the effective gain {@code gain[n][k][j]}, user k's own signal at j = k. */
    public static final String GAIN = "gain";
    /**
     * {@code [N, K, L]}: the channel magnitudes {@code |h[n][k][l]|}, which generated instances always
     * have; a row without it (or with it empty) reads back as an instance without magnitudes.
     */
    public static final String CHANNEL_MAGNITUDE = "channelMagnitude";
    /** {@code [K]}: task size Z in bits. */
    public static final String TASK_BITS = "taskBits";
    /** {@code [K]}: processing density C in cycles per bit. */
    public static final String CYCLES_PER_BIT = "cyclesPerBit";
    /** {@code [K]}: each user's local CPU in Hz. */
    public static final String USER_CPU_HZ = "userCpuHz";
    /** {@code [1]}: the bandwidth of one subcarrier in Hz. */
    public static final String SUBCARRIER_BANDWIDTH_HZ = "subcarrierBandwidthHz";
    /** {@code [1]}: the MEC server's CPU in Hz. */
    public static final String SERVER_CPU_HZ = "serverCpuHz";
    /** {@code [1]}: 1 when users may compute locally, else 0. */
    public static final String LOCAL_COMPUTING = "localComputing";
    /** {@code [1]}: 1 when the server CPU is split among the users; absent from older datasets (read as 0). */
    public static final String SHARED_SERVER_CPU = "sharedServerCpu";
    /** Label {@code [N, K]}: the power share {@code p[n][k]}. */
    public static final String POWER = "power";
    /** Label {@code [K]}: the offloaded fraction of each task. */
    public static final String OFFLOAD_RATIO = "offloadRatio";
    /** Label {@code [K]}: each user's latency in s. */
    public static final String LATENCY_S = "latencyS";

    private static final String FAMILY = "latency";

    @Override
    public Map<String, Tensor> features(LatencyInstance p) {
        List<LatencyUser> u = p.users();
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put(GAIN, Tensor.of(p.gain()));
        f.put(CHANNEL_MAGNITUDE, Tensor.of(p.channelMagnitude()));
        f.put(TASK_BITS, Tensor.of(u.stream().mapToDouble(LatencyUser::taskBits).toArray()));
        f.put(CYCLES_PER_BIT, Tensor.of(u.stream().mapToDouble(LatencyUser::cyclesPerBit).toArray()));
        f.put(USER_CPU_HZ, Tensor.of(u.stream().mapToDouble(LatencyUser::cpuHz).toArray()));
        f.put(SUBCARRIER_BANDWIDTH_HZ, Tensor.scalar(p.subcarrierBandwidthHz()));
        f.put(SERVER_CPU_HZ, Tensor.scalar(p.serverCpuHz()));
        f.put(LOCAL_COMPUTING, Tensor.scalar(p.localComputing() ? 1 : 0));
        f.put(SHARED_SERVER_CPU, Tensor.scalar(p.sharedServerCpu() ? 1 : 0));
        return f;
    }

    @Override
    public Map<String, Tensor> labels(LatencySolution s) {
        Map<String, Tensor> l = new LinkedHashMap<>();
        l.put(POWER, Tensor.of(s.power()));
        l.put(OFFLOAD_RATIO, Tensor.of(s.offloadRatio()));
        l.put(LATENCY_S, Tensor.of(s.latencyS()));
        return l;
    }

    @Override
    public LatencyInstance instance(Map<String, Tensor> f) {
        Tensor mag = f.get(CHANNEL_MAGNITUDE);
        double[][][] magnitude = mag == null || mag.data().length == 0 ? null : mag.cube();
        double[] z = feature(f, TASK_BITS).data();
        double[] c = feature(f, CYCLES_PER_BIT).data();
        double[] cpu = feature(f, USER_CPU_HZ).data();
        List<LatencyUser> users = new ArrayList<>();
        for (int k = 0; k < z.length; k++) {
            users.add(new LatencyUser(z[k], c[k], cpu[k]));
        }
        Tensor shared = f.get(SHARED_SERVER_CPU); // absent from datasets written before it existed
        return new LatencyInstance(feature(f, SUBCARRIER_BANDWIDTH_HZ).data()[0], feature(f, SERVER_CPU_HZ).data()[0],
                feature(f, LOCAL_COMPUTING).data()[0] != 0, users, feature(f, GAIN).cube(), magnitude,
                shared != null && shared.data().length > 0 && shared.data()[0] != 0);
    }

    /**
     * The solution of {@link #POWER} and, when present, {@link #OFFLOAD_RATIO} (else each user's best
     * ratio for its rate); latencies are recomputed from them, so a label read back evaluates exactly.
     */
    @Override
    public LatencySolution solution(LatencyInstance instance, Map<String, Tensor> labels) {
        double[][] power = power(labels);
        Tensor ratio = labels.get(OFFLOAD_RATIO);
        if (ratio == null) {
            return instance.solutionFor(power);
        }
        double[] rho = ratio.data().clone();
        double[] latency = new double[rho.length];
        for (int k = 0; k < rho.length; k++) {
            latency[k] = instance.latency(k, instance.rate(power, k), rho[k]);
        }
        return new LatencySolution(power, rho, latency);
    }

    /** The label {@code power[n][k]}. */
    public static double[][] power(Map<String, Tensor> labels) {
        return TensorCodec.require(labels, "label", POWER, FAMILY).matrix();
    }

    /** The label {@code offloadRatio[k]}. */
    public static double[] offloadRatio(Map<String, Tensor> labels) {
        return TensorCodec.require(labels, "label", OFFLOAD_RATIO, FAMILY).data().clone();
    }

    private static Tensor feature(Map<String, Tensor> f, String name) {
        return TensorCodec.require(f, "features", name, FAMILY);
    }
}
