package org.mecopt.latency;

import java.util.Collections;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;
import org.mecopt.channel.ChannelGenerator;
import org.mecopt.channel.ChannelModel;
import org.mecopt.channel.ChannelRealization;
import org.mecopt.channel.ThreeSlopePathLoss;

/**
 * Seeded {@code latency} instances of seed 001's setting (MODEL.md §2): a channel drawn by
 * {@link ChannelGenerator}, identical users, subcarrier bandwidth W/N. The same config and seed give
 * the same instance on any machine and thread.
 */
public final class LatencyGenerator {
    private LatencyGenerator() {
    }

    /**
     * @param channel cell-free APs or a centred BS
     * @param users K
     * @param aps M (APs, or BS antennas for bs-mmimo)
     * @param antennasPerAp L_m (cell-free)
     * @param subcarriers N
     * @param bandwidthHz total bandwidth W, split into N subcarriers of W/N
     * @param radiusM disk radius
     * @param pMaxDbm user power budget
     * @param noiseFigureDb receiver noise figure (noise density −174 dBm/Hz)
     * @param taskBits Z
     * @param cyclesPerBit C
     * @param userCpuHz f_k
     * @param serverCpuHz f_ser
     * @param localComputing false for "CF-mMIMO w/o local comp."
     * @param sharedServerCpu split f_ser evenly among the users instead of seed 001's full f_ser each
     */
    public record Config(ChannelModel channel, int users, int aps, int antennasPerAp, int subcarriers,
                         double bandwidthHz, double radiusM, double pMaxDbm, double noiseFigureDb,
                         double taskBits, double cyclesPerBit, double userCpuHz, double serverCpuHz,
                         boolean localComputing, boolean sharedServerCpu) {

        /** Seed 001: cell-free, K=10, M=64, N=4 (not stated; MODEL.md), W=20 MHz, 1 km, 10 dBm, 9 dB. */
        public static final Config PAPER = new Config(ChannelModel.CELLFREE, 10, 64, 1, 4, 20e6, 1000, 10, 9,
                1e3, 1e3, 1e9, 5e9, true, false);

        public Config {
            Check.present("channel", channel);
            Check.atLeast("users", users, 1);
            Check.atLeast("aps", aps, 1);
            Check.atLeast("antennasPerAp", antennasPerAp, 1);
            Check.atLeast("subcarriers", subcarriers, 1);
            LatencyRanges.SUBCARRIER_BANDWIDTH_HZ.check("bandwidthHz / subcarriers", bandwidthHz / subcarriers);
            Check.positive("radiusM", radiusM);
            LatencyRanges.TASK_BITS.check("taskBits", taskBits);
            LatencyRanges.CYCLES_PER_BIT.check("cyclesPerBit", cyclesPerBit);
            LatencyRanges.CPU_HZ.check("userCpuHz", userCpuHz);
            LatencyRanges.CPU_HZ.check("serverCpuHz", serverCpuHz);
        }

        public Config with(ChannelModel model, int k, int m, int n) {
            return new Config(model, k, m, antennasPerAp, n, bandwidthHz, radiusM, pMaxDbm, noiseFigureDb, taskBits,
                    cyclesPerBit, userCpuHz, serverCpuHz, localComputing, sharedServerCpu);
        }

        public Config withLocalComputing(boolean local) {
            return new Config(channel, users, aps, antennasPerAp, subcarriers, bandwidthHz, radiusM, pMaxDbm,
                    noiseFigureDb, taskBits, cyclesPerBit, userCpuHz, serverCpuHz, local, sharedServerCpu);
        }

        public double subcarrierBandwidthHz() {
            return bandwidthHz / subcarriers;
        }

        ChannelGenerator.Config channelConfig() {
            return new ChannelGenerator.Config(channel, users, aps, antennasPerAp, subcarriers, radiusM,
                    ThreeSlopePathLoss.NGO_2017, pMaxDbm, -174, noiseFigureDb, subcarrierBandwidthHz());
        }
    }

    /** The instance for {@code config} and {@code seed}, with its channel magnitudes. */
    public static LatencyInstance generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ChannelGenerator.Config channel = config.channelConfig();
        ChannelRealization h = ChannelGenerator.draw(channel, rng);
        double[][][] gain = ChannelGenerator.effectiveGains(h, channel.pMaxW(), channel.noiseW());
        List<LatencyUser> users = Collections.nCopies(config.users(),
                new LatencyUser(config.taskBits(), config.cyclesPerBit(), config.userCpuHz()));
        return new LatencyInstance(config.subcarrierBandwidthHz(), config.serverCpuHz(), config.localComputing(),
                users, gain, h.magnitudes(), config.sharedServerCpu());
    }
}
