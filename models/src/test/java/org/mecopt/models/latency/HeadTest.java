package org.mecopt.models.latency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/** Decoding and repair of raw outputs, on hand-made outputs (no network). */
class HeadTest {
    static final LatencyGenerator.Config CONFIG = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 2, 8, 2);

    @Test
    void softmaxOutputWithinFloatRoundingIsFeasibleAsItComesOut() {
        LatencyInstance instance = LatencyGenerator.generate(CONFIG, 1);
        float[] y = {0.5f, 0.25f, 0.5000001f, 0.75f}; // [n][k]: user 0 sums to 1 + 1e-7
        Head.Prediction p = Head.SOFTMAX_SLACK.decode(y, 0, Head.Scale.none(4), instance);
        assertTrue(p.feasibleRaw());
        assertTrue(instance.violations(p.solution()).isEmpty());
        Head.Prediction over = Head.SOFTMAX_SLACK.decode(new float[] {0.9f, 0.1f, 0.9f, 0.1f}, 0, Head.Scale.none(4), instance);
        assertFalse(over.feasibleRaw());
        assertEquals(0.5, over.solution().power(0, 0), 1e-6); // scaled back to Σ = 1
        assertTrue(instance.violations(over.solution()).isEmpty());
    }

    @Test
    void regressionOutputIsDenormalizedThresholdedClippedAndScaled() {
        LatencyInstance instance = LatencyGenerator.generate(CONFIG, 2);
        // outputs: α[n][k] (4), p[n][k] (4), ρ[k] (2); p and ρ scaled to [0, 2] to test denormalization
        double[] min = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        double[] max = {1, 1, 1, 1, 2, 2, 2, 2, 2, 2};
        Head.Scale scale = new Head.Scale(min, max);
        float[] feasible = {1, 1, 0.9f, 0.8f, 0.2f, 0.1f, 0.25f, 0.3f, 0.2f, 0.35f};
        Head.Prediction ok = Head.REGRESSION.decode(feasible, 0, scale, instance);
        assertTrue(ok.feasibleRaw());
        assertArrayEquals(new double[] {0.4, 0.2}, ok.solution().power()[0], 1e-6);
        assertArrayEquals(new double[] {0.4, 0.7}, ok.solution().offloadRatio(), 1e-6);
        assertEquals(instance.objective(ok.solution()), max(ok.solution().latencyS()), 1e-15);

        // user 0: α off on subcarrier 0, p above 1 on subcarrier 1; user 1: powers summing to 1.6, ρ below 0
        float[] bad = {0.2f, 1, 1, 1, 0.3f, 0.4f, 0.8f, 0.4f, 0.3f, -0.1f};
        Head.Prediction r = Head.REGRESSION.decode(bad, 0, scale, instance);
        assertFalse(r.feasibleRaw());
        LatencySolution s = r.solution();
        assertEquals(0, s.power(0, 0));
        assertEquals(1, s.power(1, 0), 1e-12); // 1.6 clipped to 1
        assertEquals(0.5, s.power(0, 1), 1e-6); // 0.8 + 0.8 scaled down to sum 1
        assertEquals(0, s.ratio(1));
        assertTrue(instance.violations(s).isEmpty());
    }

    @Test
    void aUserLeftWithoutRateComputesLocally() {
        LatencyInstance instance = LatencyGenerator.generate(CONFIG, 3);
        Head.Scale scale = Head.Scale.none(10);
        float[] y = {0, 1, 0, 1, 0.5f, 0.5f, 0.5f, 0.5f, 0.6f, 0.6f}; // user 0 has α = 0 everywhere
        Head.Prediction r = Head.REGRESSION.decode(y, 0, scale, instance);
        assertFalse(r.feasibleRaw());
        assertEquals(0, r.solution().ratio(0));
        assertEquals(instance.localTime(0), r.solution().latencyS()[0], 1e-15);
        assertTrue(Double.isFinite(instance.objective(r.solution())));
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElseThrow();
    }
}
