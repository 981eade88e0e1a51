package org.mecopt.offloading;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;
import org.mecopt.api.Range;

/**
 * Seeded random offloading instances with the distributions of seed 004 §IV-A as defaults. The
 * same config and seed give the same instance on any machine and thread.
 */
public final class OffloadingGenerator {
    private OffloadingGenerator() {
    }

    /**
     * Generator settings; every field can be overridden. Ranges are uniform {@code [min, max]}.
     *
     * @param devices M
     * @param servers N
     * @param maxTasks Mmax of every server
     * @param cyclesPerBitMin when > 0, workloads are {@code C = κ S} with κ uniform in
     *     {@code [cyclesPerBitMin, cyclesPerBitMax]} (seed 004 Fig. 5) instead of the cycles range
     * @param cpuMinHz lower end of the server CPU range; set both ends equal for homogeneous servers
     */
    public record Config(int devices, int servers, int maxTasks,
                         double inputBitsMin, double inputBitsMax,
                         double cyclesMin, double cyclesMax,
                         double cyclesPerBitMin, double cyclesPerBitMax,
                         double txPowerW, double bandwidthHz, double noiseW,
                         double gainMin, double gainMax,
                         double cpuMinHz, double cpuMaxHz) {

        /** The paper's setting: M=9, N=3, Mmax=3, S~U[200,500] kbit, C~U[5e8,2e9], F~U[5,9] GHz. */
        public static final Config PAPER = new Config(9, 3, 3, 200e3, 500e3, 5e8, 2e9, 0, 0,
                0.1, 1e6, 1e-9, 0.5, 2.0, 5e9, 9e9);

        public Config {
            Check.atLeast("devices", devices, 1);
            Check.atLeast("servers", servers, 1);
            Check.atLeast("maxTasks", maxTasks, 1);
            if ((long) servers * maxTasks < devices) {
                throw new org.mecopt.api.InvalidInstanceException("maxTasks", maxTasks,
                        "too small: servers × maxTasks = " + (long) servers * maxTasks + " < devices = " + devices);
            }
            range("inputBits", inputBitsMin, inputBitsMax, OffloadingRanges.INPUT_BITS);
            range("cycles", cyclesMin, cyclesMax, OffloadingRanges.CYCLES);
            if (cyclesPerBitMin != 0 || cyclesPerBitMax != 0) {
                // C = κ S must land in the cycles range for any S of the input range
                range("cyclesPerBit", cyclesPerBitMin, cyclesPerBitMax, new Range(
                        OffloadingRanges.CYCLES.min() / inputBitsMin, OffloadingRanges.CYCLES.max() / inputBitsMax));
            }
            OffloadingRanges.TX_POWER_W.check("txPowerW", txPowerW);
            OffloadingRanges.BANDWIDTH_HZ.check("bandwidthHz", bandwidthHz);
            OffloadingRanges.NOISE_W.check("noiseW", noiseW);
            range("gain", gainMin, gainMax, OffloadingRanges.CHANNEL_GAIN);
            range("cpu", cpuMinHz, cpuMaxHz, OffloadingRanges.CPU_HZ);
        }

        /** Requires {@code [min, max]} to be an interval inside the instance's {@code range}. */
        private static void range(String name, double min, double max, Range range) {
            range.check(name + "Min", min);
            range.check(name + "Max", max);
            Check.ordered(name + "Min", min, name + "Max", max);
        }

        public Config withSize(int m, int n, int mmax) {
            return new Config(m, n, mmax, inputBitsMin, inputBitsMax, cyclesMin, cyclesMax, cyclesPerBitMin,
                    cyclesPerBitMax, txPowerW, bandwidthHz, noiseW, gainMin, gainMax, cpuMinHz, cpuMaxHz);
        }

        public Config withCpu(double minHz, double maxHz) {
            return new Config(devices, servers, maxTasks, inputBitsMin, inputBitsMax, cyclesMin, cyclesMax,
                    cyclesPerBitMin, cyclesPerBitMax, txPowerW, bandwidthHz, noiseW, gainMin, gainMax, minHz, maxHz);
        }

        public Config withCyclesPerBit(double min, double max) {
            return new Config(devices, servers, maxTasks, inputBitsMin, inputBitsMax, cyclesMin, cyclesMax,
                    min, max, txPowerW, bandwidthHz, noiseW, gainMin, gainMax, cpuMinHz, cpuMaxHz);
        }



    }

    /** The instance for {@code config} and {@code seed}. */
    public static OffloadingInstance generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        List<Device> devices = new ArrayList<>(config.devices());
        for (int m = 0; m < config.devices(); m++) {
            double bits = uniform(rng, config.inputBitsMin(), config.inputBitsMax());
            double cycles = config.cyclesPerBitMin() > 0
                    ? bits * uniform(rng, config.cyclesPerBitMin(), config.cyclesPerBitMax())
                    : uniform(rng, config.cyclesMin(), config.cyclesMax());
            devices.add(new Device(bits, cycles, config.txPowerW()));
        }
        List<Server> servers = new ArrayList<>(config.servers());
        for (int n = 0; n < config.servers(); n++) {
            servers.add(new Server(uniform(rng, config.cpuMinHz(), config.cpuMaxHz()), config.maxTasks()));
        }
        double[][] gain = new double[config.devices()][config.servers()];
        for (double[] row : gain) {
            for (int n = 0; n < row.length; n++) {
                row[n] = uniform(rng, config.gainMin(), config.gainMax());
            }
        }
        return new OffloadingInstance(config.bandwidthHz(), config.noiseW(), devices, servers, gain);
    }

    private static double uniform(UniformRandomProvider rng, double min, double max) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }
}
