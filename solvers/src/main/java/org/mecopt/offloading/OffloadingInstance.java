package org.mecopt.offloading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;

/**
 * Multi-user multi-server full offloading (seed 004, MODEL.md §1): assign each device to one
 * server and split each server's CPU among its tasks to minimize the average delay
 * {@code D = (1/M) Σ_m (S_m / R_{m,n(m)} + C_m / f_m)} with {@code R_mn = B log2(1 + P_m h_mn / σ²)},
 * at most {@code maxTasks} tasks and at most {@code cpuHz} cycles/s per server.
 *
 * <p>Immutable and validated at construction: a bad field throws {@link InvalidInstanceException}
 * naming it; every magnitude must lie in its {@link OffloadingRanges} range. An instance whose servers cannot take every device ({@code Σ maxTasks < M}) is
 * rejected too, since no assignment exists.
 *
 * @param bandwidthHz uplink bandwidth {@code B} in Hz
 * @param noiseW noise power {@code σ²} in W
 * @param devices the M devices
 * @param servers the N servers
 * @param channelGain {@code channelGain[m][n] = h_mn}, dimensionless power gain
 */
public record OffloadingInstance(double bandwidthHz, double noiseW, List<Device> devices, List<Server> servers,
                                 double[][] channelGain) implements Problem<OffloadingSolution> {

    /** Relative slack allowed on a server's CPU sum when a solution is checked. */
    public static final double CPU_TOLERANCE = 1e-9;

    public OffloadingInstance {
        OffloadingRanges.BANDWIDTH_HZ.check("bandwidthHz", bandwidthHz);
        OffloadingRanges.NOISE_W.check("noiseW", noiseW);
        devices = Check.elements("devices", devices);
        servers = Check.elements("servers", servers);
        Check.atLeast("devices.length", devices.size(), 1);
        Check.atLeast("servers.length", servers.size(), 1);
        for (int m = 0; m < devices.size(); m++) {
            Device d = devices.get(m);
            OffloadingRanges.INPUT_BITS.check("devices[" + m + "].inputBits", d.inputBits());
            OffloadingRanges.CYCLES.check("devices[" + m + "].cycles", d.cycles());
            OffloadingRanges.TX_POWER_W.check("devices[" + m + "].txPowerW", d.txPowerW());
        }
        long slots = 0;
        for (int n = 0; n < servers.size(); n++) {
            Server s = servers.get(n);
            OffloadingRanges.CPU_HZ.check("servers[" + n + "].cpuHz", s.cpuHz());
            Check.atLeast("servers[" + n + "].maxTasks", s.maxTasks(), 1);
            slots += s.maxTasks();
        }
        if (slots < devices.size()) {
            throw new InvalidInstanceException("servers[*].maxTasks (sum)", slots,
                    "must be >= the number of devices " + devices.size() + " (no assignment exists)");
        }
        Check.present("channelGain", channelGain);
        if (channelGain.length != devices.size()) {
            throw new InvalidInstanceException("channelGain.length", channelGain.length,
                    "must equal the number of devices " + devices.size());
        }
        double[][] copy = new double[channelGain.length][];
        for (int m = 0; m < channelGain.length; m++) {
            Check.present("channelGain[" + m + "]", channelGain[m]);
            if (channelGain[m].length != servers.size()) {
                throw new InvalidInstanceException("channelGain[" + m + "].length", channelGain[m].length,
                        "must equal the number of servers " + servers.size());
            }
            for (int n = 0; n < servers.size(); n++) {
                OffloadingRanges.CHANNEL_GAIN.check("channelGain[" + m + "][" + n + "]", channelGain[m][n]);
            }
            copy[m] = channelGain[m].clone();
        }
        channelGain = copy;
    }

    @Override
    public String problemName() {
        return "offloading";
    }

    /** A copy of the channel gains; use {@link #gain(int, int)} for single entries. */
    @Override
    public double[][] channelGain() {
        double[][] copy = new double[channelGain.length][];
        for (int m = 0; m < copy.length; m++) {
            copy[m] = channelGain[m].clone();
        }
        return copy;
    }

    public double gain(int m, int n) {
        return channelGain[m][n];
    }

    public int deviceCount() {
        return devices.size();
    }

    public int serverCount() {
        return servers.size();
    }

    /** Uplink rate {@code R_mn = B log2(1 + P_m h_mn / σ²)} in bit/s. */
    public double rate(int m, int n) {
        return bandwidthHz * Math.log1p(devices.get(m).txPowerW() * channelGain[m][n] / noiseW) / Math.log(2);
    }

    /** Transmission delay {@code S_m / R_mn} in s. */
    public double transmissionDelay(int m, int n) {
        return devices.get(m).inputBits() / rate(m, n);
    }

    /** A copy with every server's CPU set to {@code cpuHz} (for homogeneous-server sweeps). */
    public OffloadingInstance withServerCpu(double cpuHz) {
        return new OffloadingInstance(bandwidthHz, noiseW, devices,
                servers.stream().map(s -> new Server(cpuHz, s.maxTasks())).toList(), channelGain);
    }

    /** Average delay over devices; infinite when a device gets no CPU. */
    @Override
    public double objective(OffloadingSolution solution) {
        if (solution.devices() != deviceCount()) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int m = 0; m < deviceCount(); m++) {
            int n = solution.serverOf(m);
            if (n < 0 || n >= serverCount()) {
                return Double.POSITIVE_INFINITY;
            }
            sum += transmissionDelay(m, n) + devices.get(m).cycles() / solution.cpuOf(m);
        }
        return sum / deviceCount();
    }

    @Override
    public List<String> violations(OffloadingSolution solution) {
        List<String> out = new ArrayList<>();
        int[] assignment = solution.assignment();
        double[] cpu = solution.cpuHz();
        if (assignment.length != deviceCount()) {
            out.add("assignment.length = " + assignment.length + " must equal the number of devices " + deviceCount());
        }
        if (cpu.length != deviceCount()) {
            out.add("cpuHz.length = " + cpu.length + " must equal the number of devices " + deviceCount());
        }
        if (!out.isEmpty()) {
            return out;
        }
        int[] count = new int[serverCount()];
        double[] used = new double[serverCount()];
        for (int m = 0; m < deviceCount(); m++) {
            int n = assignment[m];
            if (n < 0 || n >= serverCount()) {
                out.add("assignment[" + m + "] = " + n + " must be in [0, " + serverCount() + ")");
                continue;
            }
            if (!(cpu[m] > 0) || !Double.isFinite(cpu[m])) {
                out.add("cpuHz[" + m + "] = " + cpu[m] + " must be > 0 and finite");
            }
            count[n]++;
            used[n] += cpu[m];
        }
        for (int n = 0; n < serverCount(); n++) {
            Server s = servers.get(n);
            if (count[n] > s.maxTasks()) {
                out.add("server " + n + " serves " + count[n] + " tasks > maxTasks " + s.maxTasks());
            }
            if (used[n] > s.cpuHz() * (1 + CPU_TOLERANCE)) {
                out.add("server " + n + " allocates " + used[n] + " Hz > cpuHz " + s.cpuHz());
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffloadingInstance i && bandwidthHz == i.bandwidthHz && noiseW == i.noiseW
                && devices.equals(i.devices) && servers.equals(i.servers)
                && Arrays.deepEquals(channelGain, i.channelGain);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * devices.hashCode() + servers.hashCode()) + Arrays.deepHashCode(channelGain);
    }

    @Override
    public String toString() {
        return "OffloadingInstance[M=" + deviceCount() + ", N=" + serverCount() + "]";
    }
}
