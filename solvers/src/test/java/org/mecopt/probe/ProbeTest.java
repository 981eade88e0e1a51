package org.mecopt.probe;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.api.*;
import org.mecopt.latency.*;
import org.mecopt.offloading.*;
import org.mecopt.qoe.*;

class ProbeTest {
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void all(Problem<?> p, String family) {
        for (Solver s : SolverRegistry.all()) {
            if (!s.problemName().equals(family) || s.name().equals("kkt") || s.name().equals("cnn-lstm")) continue;
            try {
                Result r = s.solve(p, SolverOptions.defaults().withTimeLimitMillis(5000));
                System.out.println("PROBE " + family + " " + s.name() + " " + r.status() + " obj=" + r.objective() + " bound=" + r.bound() + " gap=" + r.gap() + " msg=" + r.message() + " viol=" + r.violations());
            } catch (Throwable t) {
                System.out.println("PROBE " + family + " " + s.name() + " THROWS " + t);
            }
        }
    }

    @Test
    void probe() {
        OffloadingInstance base = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 3);
        double[][] g = base.channelGain();
        for (int n = 0; n < g[0].length; n++) g[0][n] = 4.9e-324;
        System.out.println("PROBE --- offloading gain 4.9e-324");
        all(new OffloadingInstance(base.bandwidthHz(), base.noiseW(), base.devices(), base.servers(), g), "offloading");
        System.out.println("PROBE --- offloading cpu MAX");
        all(base.withServerCpu(Double.MAX_VALUE), "offloading");
        System.out.println("PROBE --- offloading cpu 1e300 cycles 1e300");
        List<Device> big = new ArrayList<>();
        for (Device d : base.devices()) big.add(new Device(d.inputBits(), 1e300, d.txPowerW()));
        all(new OffloadingInstance(base.bandwidthHz(), base.noiseW(), big, base.servers(), base.channelGain()), "offloading");

        LatencyInstance lat = LatencyGenerator.generate(LatencyGenerator.Config.PAPER.with(org.mecopt.channel.ChannelModel.CELLFREE, 4, 16, 1), 5);
        System.out.println("PROBE --- latency server cpu 1e-300");
        all(new LatencyInstance(lat.subcarrierBandwidthHz(), 1e-300, true, lat.users(), lat.gain(), null, false), "latency");
        List<LatencyUser> sub = new ArrayList<>();
        for (LatencyUser u : lat.users()) sub.add(new LatencyUser(4.9e-324, u.cyclesPerBit(), u.cpuHz()));
        System.out.println("PROBE --- latency subnormal task bits");
        all(new LatencyInstance(lat.subcarrierBandwidthHz(), lat.serverCpuHz(), true, sub, lat.gain(), null, false), "latency");
        List<LatencyUser> huge = new ArrayList<>();
        for (LatencyUser u : lat.users()) huge.add(new LatencyUser(1e200, u.cyclesPerBit(), u.cpuHz()));
        System.out.println("PROBE --- latency task bits 1e200");
        all(new LatencyInstance(lat.subcarrierBandwidthHz(), lat.serverCpuHz(), true, huge, lat.gain(), null, false), "latency");
        double[][][] gg = lat.gain();
        for (int k = 0; k < gg[0].length; k++) for (int j = 0; j < gg[0].length; j++) gg[0][k][j] = 4.9e-324;
        System.out.println("PROBE --- latency subnormal gains");
        all(new LatencyInstance(lat.subcarrierBandwidthHz(), lat.serverCpuHz(), true, lat.users(), gg, null, false), "latency");
        System.out.println("PROBE --- latency subnormal gains no local");
        all(new LatencyInstance(lat.subcarrierBandwidthHz(), lat.serverCpuHz(), false, lat.users(), gg, null, false), "latency");

        QoeInstance q = QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(8), 4);
        List<QoeUser> small = new ArrayList<>();
        for (QoeUser u : q.users()) small.add(new QoeUser(u.fixedLatencyS(), u.workloadCycles(), 1e-12, u.steepnessPerS(), u.midpointS()));
        System.out.println("PROBE --- qoe maxQoe 1e-12");
        all(new QoeInstance(q.capacityHz(), small), "qoe");
        List<QoeUser> steep = new ArrayList<>();
        for (QoeUser u : q.users()) steep.add(new QoeUser(u.fixedLatencyS(), u.workloadCycles(), u.maxQoe(), 1e18, u.midpointS()));
        System.out.println("PROBE --- qoe steepness 1e18");
        all(new QoeInstance(q.capacityHz(), steep), "qoe");
        List<QoeUser> subw = new ArrayList<>();
        for (QoeUser u : q.users()) subw.add(new QoeUser(u.fixedLatencyS(), 4.9e-324, u.maxQoe(), u.steepnessPerS(), u.midpointS()));
        System.out.println("PROBE --- qoe subnormal workloads");
        all(new QoeInstance(q.capacityHz(), subw), "qoe");
    }
}
