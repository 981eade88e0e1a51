package org.mecopt.offloading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Tensor;
import org.mecopt.api.TensorCodec;

/**
 * Offloading instances and solutions as named tensors (M devices, N servers). The names, their order
 * and shapes are the dataset format of {@code docs/datasets.md}: never rename or reorder them.
 */
public final class OffloadingCodec implements TensorCodec<OffloadingInstance, OffloadingSolution> {

    /** {@code [M]}: each device's task input in bits. */
    public static final String INPUT_BITS = "inputBits";
    /** {@code [M]}: each device's workload in CPU cycles. */
    public static final String CYCLES = "cycles";
    /** {@code [M]}: each device's transmit power in W. */
    public static final String TX_POWER_W = "txPowerW";
    /** {@code [N]}: each server's CPU frequency in Hz. */
    public static final String SERVER_CPU_HZ = "serverCpuHz";
    /** {@code [N]}: each server's task limit. */
    public static final String SERVER_MAX_TASKS = "serverMaxTasks";
    /** {@code [M, N]}: the channel gain of device m to server n. */
    public static final String CHANNEL_GAIN = "channelGain";
    /** {@code [1]}: the uplink bandwidth in Hz. */
    public static final String BANDWIDTH_HZ = "bandwidthHz";
    /** {@code [1]}: the noise power in W. */
    public static final String NOISE_W = "noiseW";
    /** Label {@code [M]}: the 0-based server of each device. */
    public static final String ASSIGNMENT = "assignment";
    /** Label {@code [M]}: the CPU frequency each device gets on its server. */
    public static final String CPU_HZ = "cpuHz";

    private static final String FAMILY = "offloading";

    @Override
    public Map<String, Tensor> features(OffloadingInstance p) {
        List<Device> d = p.devices();
        List<Server> s = p.servers();
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put(INPUT_BITS, Tensor.of(d.stream().mapToDouble(Device::inputBits).toArray()));
        f.put(CYCLES, Tensor.of(d.stream().mapToDouble(Device::cycles).toArray()));
        f.put(TX_POWER_W, Tensor.of(d.stream().mapToDouble(Device::txPowerW).toArray()));
        f.put(SERVER_CPU_HZ, Tensor.of(s.stream().mapToDouble(Server::cpuHz).toArray()));
        f.put(SERVER_MAX_TASKS, Tensor.of(s.stream().mapToDouble(Server::maxTasks).toArray()));
        f.put(CHANNEL_GAIN, Tensor.of(p.channelGain()));
        f.put(BANDWIDTH_HZ, Tensor.scalar(p.bandwidthHz()));
        f.put(NOISE_W, Tensor.scalar(p.noiseW()));
        return f;
    }

    @Override
    public Map<String, Tensor> labels(OffloadingSolution s) {
        Map<String, Tensor> l = new LinkedHashMap<>();
        l.put(ASSIGNMENT, Tensor.of(s.assignment()));
        l.put(CPU_HZ, Tensor.of(s.cpuHz()));
        return l;
    }

    @Override
    public OffloadingInstance instance(Map<String, Tensor> f) {
        double[] bits = feature(f, INPUT_BITS).data();
        double[] cycles = feature(f, CYCLES).data();
        double[] tx = feature(f, TX_POWER_W).data();
        List<Device> devices = new ArrayList<>();
        for (int m = 0; m < bits.length; m++) {
            devices.add(new Device(bits[m], cycles[m], tx[m]));
        }
        double[] cpu = feature(f, SERVER_CPU_HZ).data();
        double[] maxTasks = feature(f, SERVER_MAX_TASKS).data();
        List<Server> servers = new ArrayList<>();
        for (int n = 0; n < cpu.length; n++) {
            servers.add(new Server(cpu[n], whole("features." + SERVER_MAX_TASKS + "[" + n + "]", maxTasks[n])));
        }
        return new OffloadingInstance(feature(f, BANDWIDTH_HZ).data()[0], feature(f, NOISE_W).data()[0], devices,
                servers, feature(f, CHANNEL_GAIN).matrix());
    }

    @Override
    public OffloadingSolution solution(OffloadingInstance instance, Map<String, Tensor> labels) {
        double[] server = TensorCodec.require(labels, "label", ASSIGNMENT, FAMILY).data();
        int[] assignment = new int[server.length];
        for (int m = 0; m < server.length; m++) {
            assignment[m] = whole("label." + ASSIGNMENT + "[" + m + "]", server[m]);
        }
        return new OffloadingSolution(assignment, TensorCodec.require(labels, "label", CPU_HZ, FAMILY).data().clone());
    }

    /**
     * The integer a tensor stores as a double. A fraction or NaN is refused, not truncated: a model's
     * broken prediction must not decode into a valid-looking assignment. Range is the instance's check.
     */
    private static int whole(String field, double value) {
        if (!(value == Math.rint(value)) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new InvalidInstanceException(field, value, "must be a whole number");
        }
        return (int) value;
    }

    private static Tensor feature(Map<String, Tensor> f, String name) {
        return TensorCodec.require(f, "features", name, FAMILY);
    }
}
