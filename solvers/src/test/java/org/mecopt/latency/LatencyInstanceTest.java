package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.channel.ChannelModel;
import org.mecopt.io.Json;

class LatencyInstanceTest {

    private static final LatencyGenerator.Config SMALL = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 3, 8, 2);

    @Test
    void latencyMatchesHandComputation() {
        // one user, one subcarrier, SINR = p G = 3 → R = B log2(4) = 2B
        LatencyInstance instance = new LatencyInstance(1e6, 5e9, true, List.of(new LatencyUser(1e3, 1e3, 1e9)),
                new double[][][] {{{3}}}, null);
        double rate = 2e6;
        assertEquals(rate, instance.rate(new double[][] {{1}}, 0), 1e-6);
        double a = 1e-3;                 // 1e6 cycles at 1 GHz
        double b = 1e3 / rate + 2e-4;    // transmit + 1e6 cycles at 5 GHz
        assertEquals(a / (a + b), instance.bestRatio(0, rate), 1e-15);
        assertEquals(a * b / (a + b), instance.bestLatency(0, rate), 1e-15);
        LatencySolution s = instance.solutionFor(new double[][] {{1}});
        assertEquals(a * b / (a + b), instance.objective(s), 1e-15);
        assertTrue(instance.violations(s).isEmpty());
        assertEquals(b, instance.withoutLocalComputing().bestLatency(0, rate), 1e-15);
    }

    @Test
    void interferenceLowersTheSinr() {
        double[][][] gain = {{{4, 1}, {2, 8}}};
        LatencyInstance instance = new LatencyInstance(1e6, 5e9, true,
                List.of(new LatencyUser(1e3, 1e3, 1e9), new LatencyUser(1e3, 1e3, 1e9)), gain, null);
        double[][] p = {{0.5, 1}};
        assertEquals(0.5 * 4 / (1 * 1 + 1), instance.sinr(p, 0, 0), 1e-15);
        assertEquals(8 / (0.5 * 2 + 1), instance.sinr(p, 0, 1), 1e-15);
    }

    @Test
    void violationsNameTheBrokenConstraint() {
        LatencyInstance instance = LatencyGenerator.generate(SMALL, 1);
        LatencySolution bad = new LatencySolution(new double[][] {{0.7, -0.1, 0.5}, {0.6, 0.2, 0.5}},
                new double[] {0.5, 0.5, 1.5}, new double[3]);
        assertEquals(List.of("user 0 uses power 1.2999999999999998 > 1", "power[0][1] = -0.1 must be >= 0 and finite",
                "offloadRatio[2] = 1.5 must be in [0, 1]"), instance.violations(bad));
        LatencySolution partial = new LatencySolution(new double[][] {{0.5, 0.5, 0.5}, {0.5, 0.5, 0.5}},
                new double[] {0.5, 1, 1}, new double[3]);
        assertEquals(List.of("offloadRatio[0] = 0.5 must be 1 without local computing"),
                instance.withoutLocalComputing().violations(partial));
    }

    @Test
    void badFieldsAreRejectedByName() {
        List<LatencyUser> users = List.of(new LatencyUser(1e3, 1e3, 1e9));
        assertEquals("users[0].cpuHz", assertThrows(InvalidInstanceException.class, () -> new LatencyInstance(1e6, 5e9, true,
                List.of(new LatencyUser(1e3, 1e3, -1)), new double[][][] {{{1}}}, null)).field());
        assertEquals("gain[0][0][0]", assertThrows(InvalidInstanceException.class,
                () -> new LatencyInstance(1e6, 5e9, true, users, new double[][][] {{{0}}}, null)).field());
        assertEquals("gain[1].length", assertThrows(InvalidInstanceException.class,
                () -> new LatencyInstance(1e6, 5e9, true, users, new double[][][] {{{1}}, {}}, null)).field());
        assertEquals("serverCpuHz", assertThrows(InvalidInstanceException.class,
                () -> new LatencyInstance(1e6, 0, true, users, new double[][][] {{{1}}}, null)).field());
        assertEquals("channelMagnitude[0][0][1]", assertThrows(InvalidInstanceException.class,
                () -> new LatencyInstance(1e6, 1, true, users, new double[][][] {{{1}}}, new double[][][] {{{1, -2}}})).field());
    }

    @Test
    void jsonRoundTripsWithAndWithoutMagnitudes() {
        LatencyInstance instance = LatencyGenerator.generate(SMALL, 4);
        assertNotNull(instance.channelMagnitude());
        assertEquals(8, instance.channelMagnitude()[0][0].length);
        String json = Json.writeInstance(instance);
        assertEquals(instance, Json.readInstance(json, LatencyInstance.class, "latency"));
        LatencyInstance bare = new LatencyInstance(instance.subcarrierBandwidthHz(), instance.serverCpuHz(), true,
                instance.users(), instance.gain(), null);
        String bareJson = Json.writeInstance(bare);
        assertTrue(!bareJson.contains("channelMagnitude"));
        assertNull(Json.readInstance(bareJson, LatencyInstance.class, "latency").channelMagnitude());
        assertEquals("gain", assertThrows(InvalidInstanceException.class, () -> Json.readInstance(
                "{\"problem\":\"latency\",\"subcarrierBandwidthHz\":1,\"serverCpuHz\":1,\"localComputing\":true,\"users\":[]}",
                LatencyInstance.class, "latency")).field());
    }

    @Test
    void generatorIsReproducibleAndSplitsTheBandwidth() {
        assertEquals(LatencyGenerator.generate(SMALL, 8), LatencyGenerator.generate(SMALL, 8));
        assertNotEquals(LatencyGenerator.generate(SMALL, 8), LatencyGenerator.generate(SMALL, 9));
        assertEquals(10e6, LatencyGenerator.generate(SMALL, 8).subcarrierBandwidthHz());
        assertTrue(!LatencyGenerator.generate(SMALL.withLocalComputing(false), 8).localComputing());
    }

    @Test
    void giniIndexMatchesItsDefinition() {
        assertEquals(0, Fairness.gini(new double[] {2, 2, 2}), 0);
        double[] x = {1, 2, 3, 10};
        double pairs = 0;
        for (double a : x) {
            for (double b : x) {
                pairs += Math.abs(a - b);
            }
        }
        assertEquals(pairs / (2 * 16 * 4), Fairness.gini(x), 1e-15);
    }

    @Test
    void sharedServerCpuSplitsTheServerEvenly() {
        LatencyInstance full = LatencyGenerator.generate(SMALL, 3);
        LatencyInstance shared = LatencyGenerator.generate(new LatencyGenerator.Config(SMALL.channel(), SMALL.users(),
                SMALL.aps(), SMALL.antennasPerAp(), SMALL.subcarriers(), SMALL.bandwidthHz(), SMALL.radiusM(),
                SMALL.pMaxDbm(), SMALL.noiseFigureDb(), SMALL.taskBits(), SMALL.cyclesPerBit(), SMALL.userCpuHz(),
                SMALL.serverCpuHz(), true, true), 3);
        assertTrue(!full.sharedServerCpu() && shared.sharedServerCpu());
        assertEquals(3 * full.serverTime(0), shared.serverTime(0), 1e-18);
        double rate = 1e7;
        assertTrue(shared.bestLatency(0, rate) > full.bestLatency(0, rate));
        assertEquals(shared, Json.readInstance(Json.writeInstance(shared), LatencyInstance.class, "latency"));
        // instances written before the field existed read as seed 001's model
        String old = Json.writeInstance(full).replace(",\n  \"sharedServerCpu\" : false", "");
        assertTrue(!old.contains("sharedServerCpu"), old.substring(0, 200));
        assertEquals(full, Json.readInstance(old, LatencyInstance.class, "latency"));
    }
}
