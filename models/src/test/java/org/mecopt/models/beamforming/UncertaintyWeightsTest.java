package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

/**
 * The equilibrium of Kendall's weighting ({@code s = ln L}), the runaway it suffers on a negative
 * loss without the guard, and that the guard (the loss shifted by its infimum, the log-variance
 * bounded) keeps the weight finite — by gradient descent on the weight alone, as training does.
 */
class UncertaintyWeightsTest {
    private static final UncertaintyWeights WEIGHTS = new UncertaintyWeights(6);

    /** Gradient descent on the raw parameter of one task with a fixed loss. */
    private static double descend(double loss, int steps) {
        double raw = 0;
        for (int k = 0; k < steps; k++) {
            raw -= 0.5 * WEIGHTS.termSlopeInRaw(loss, raw);
        }
        return raw;
    }

    @Test
    void reachesTheLogOfAPositiveLoss() {
        for (double loss : new double[] {0.05, 0.3, 1, 4, 40}) {
            double s = WEIGHTS.logVariance(descend(loss, 20_000));
            assertEquals(Math.log(loss), s, 1e-6, "equilibrium at ln L for L = " + loss);
            assertEquals(0.5 * (1 + Math.log(loss)), WEIGHTS.term(loss, descend(loss, 20_000)), 1e-9);
        }
    }

    @Test
    void withoutTheGuardANegativeLossSendsTheWeightOff() {
        // Kendall's unguarded form on a negative loss (a met task's NFL value): s falls without bound
        double loss = TaskLoss.NFL.value(-3, 1); // -0.75
        double s = 0;
        for (int k = 0; k < 200; k++) {
            s -= 0.5 * (-0.5 * Math.exp(-s) * loss + 0.5); // d/ds of ½ e^{-s} L + ½ s
        }
        assertTrue(s < -1e6 || Double.isNaN(s) || Double.isInfinite(s), "runs off: s = " + s);
    }

    @Test
    void theGuardKeepsTheWeightFiniteForAMetTask() {
        for (double z : new double[] {-3, -1e3, -1e9}) {
            double shifted = TaskLoss.NFL.value(z, 1) - TaskLoss.NFL.infimum(1);
            assertTrue(shifted >= 0, "shifted loss is nonnegative");
            double raw = descend(shifted, 50_000);
            double s = WEIGHTS.logVariance(raw);
            assertTrue(Double.isFinite(raw), "raw parameter stays finite");
            assertTrue(s >= -6 && s <= 6, "log-variance within its bound: " + s);
            assertTrue(Math.exp(-s) <= Math.exp(6) + 1e-9);
            if (Math.log(shifted) > -5) {
                assertEquals(Math.log(shifted), s, 1e-4); // inside the bound, still Kendall's equilibrium
            }
        }
        // the bound keeps a gradient: a weight pushed to the floor comes back when its task's loss grows
        double raw = descend(1e-9, 5_000);
        double back = raw;
        for (int k = 0; k < 20_000; k++) {
            back -= 0.5 * WEIGHTS.termSlopeInRaw(2.0, back);
        }
        assertEquals(Math.log(2.0), WEIGHTS.logVariance(back), 1e-4);
    }

    @Test
    void tensorCombinationEqualsTheScalarTermsWithTheirGradient() {
        Djl.offline();
        double[][] losses = {{0.2, 1.5, 0.01}, {0.4, 0.5, 3.0}};
        float[] raw = {0.3f, -2f, 9f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray l = m.create(new float[] {0.2f, 1.5f, 0.01f, 0.4f, 0.5f, 3f}).reshape(2, 3);
            NDArray r = m.create(raw);
            r.setRequiresGradient(true);
            double expected = 0;
            double[] slope = new double[3];
            for (double[] row : losses) {
                for (int t = 0; t < 3; t++) {
                    expected += WEIGHTS.term(row[t], raw[t]) / 2;
                    slope[t] += WEIGHTS.termSlopeInRaw(row[t], raw[t]) / 2;
                }
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray v = WEIGHTS.combine(l, r);
                assertEquals(expected, v.getFloat(), 1e-5);
                gc.backward(v);
            }
            float[] g = r.getGradient().toFloatArray();
            for (int t = 0; t < 3; t++) {
                assertEquals(slope[t], g[t], 1e-5);
            }
            double[] w = WEIGHTS.weights(raw);
            assertEquals(0.5 * Math.exp(-WEIGHTS.logVariance(9)), w[2], 1e-12);
        }
    }
}
