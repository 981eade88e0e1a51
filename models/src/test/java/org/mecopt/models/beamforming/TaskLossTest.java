package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.engine.Engine;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.models.learning.Djl;

/** NFL and EL: hand values, limits, slopes (against finite differences), and the tensor form against the scalar one. */
class TaskLossTest {

    @Test
    void handValues() {
        // NFL: x z / (x - z) below 0, identity above
        assertEquals(2.5, TaskLoss.NFL.value(2.5, 1), 0);
        assertEquals(-0.5, TaskLoss.NFL.value(-1, 1), 1e-15);          // 1·(-1)/(1+1)
        assertEquals(-2.0 / 3, TaskLoss.NFL.value(-1, 2), 1e-15);      // 2·(-1)/3
        assertEquals(-1.0 * 3 / 4, TaskLoss.NFL.value(-3, 1), 1e-15);
        // EL: x (e^{z/x} - 1) below 0
        assertEquals(Math.exp(-1) - 1, TaskLoss.EL.value(-1, 1), 1e-15);
        assertEquals(2 * (Math.exp(-0.5) - 1), TaskLoss.EL.value(-1, 2), 1e-15);
        assertEquals(0.7, TaskLoss.EL.value(0.7, 3), 0);
    }

    @ParameterizedTest
    @EnumSource(TaskLoss.class)
    void saturatesAtMinusDepthAndIsContinuousWithSlopeOneAtZero(TaskLoss loss) {
        for (double x : new double[] {0.1, 1, 5}) {
            assertEquals(-x, loss.infimum(x));
            assertEquals(-x, loss.value(-1e9 * x, x), 1e-6 * x, "limit at -inf");
            assertTrue(loss.value(-20 * x, x) > -x, "never reaches the infimum (in exact arithmetic at any z)");
            assertEquals(0, loss.value(0, x), 0);
            assertEquals(0, loss.value(-1e-12, x), 1e-11);
            assertEquals(1, loss.slope(0, x), 1e-12);
            assertEquals(1, loss.slope(1e-9, x), 0);
        }
    }

    @ParameterizedTest
    @EnumSource(TaskLoss.class)
    void slopesMatchFiniteDifferencesAndDecay(TaskLoss loss) {
        double x = 1.5;
        double previous = Double.POSITIVE_INFINITY;
        for (double z = 2; z >= -20; z -= 0.37) {
            double h = 1e-6;
            double numeric = (loss.value(z + h, x) - loss.value(z - h, x)) / (2 * h);
            assertEquals(numeric, loss.slope(z, x), 1e-6, "slope at " + z);
            assertTrue(loss.slope(z, x) <= previous + 1e-15, "the slope decays as the task is met more");
            previous = loss.slope(z, x);
        }
        // the closed forms of the slopes: NFL algebraic, EL exponential
        assertEquals(loss == TaskLoss.NFL ? x * x / ((x + 4) * (x + 4)) : Math.exp(-4 / x), loss.slope(-4, x), 1e-15);
    }

    @Property(tries = 200)
    void monotoneAndBetweenInfimumAndIdentity(@ForAll @DoubleRange(min = -1e4, max = 1e4) double z,
                                              @ForAll @DoubleRange(min = 0.01, max = 10) double x) {
        for (TaskLoss loss : TaskLoss.values()) {
            double v = loss.value(z, x);
            assertTrue(v >= -x && v <= Math.max(z, 0) + 1e-12, loss + "(" + z + ")");
            assertTrue(loss.value(z + 0.1, x) >= v);
            assertTrue(v >= z - 1e-9, "never below the identity: a met task gives back at most what it is met by");
        }
    }

    @ParameterizedTest
    @EnumSource(TaskLoss.class)
    void tensorFormEqualsScalarFormWithItsGradient(TaskLoss loss) {
        Djl.offline();
        double x = 0.8;
        float[] z = {-50f, -3f, -0.8f, -0.01f, 0f, 0.01f, 0.8f, 2f, 7f};
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray in = m.create(z);
            in.setRequiresGradient(true);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray v = loss.value(in, x);
                float[] values = v.toFloatArray();
                for (int k = 0; k < z.length; k++) {
                    assertEquals(loss.value(z[k], x), values[k], 1e-5, "value at " + z[k]);
                }
                gc.backward(v.sum());
            }
            float[] grad = in.getGradient().toFloatArray();
            for (int k = 0; k < z.length; k++) {
                if (z[k] != 0) { // at 0 both one-sided slopes are 1; the engine may split the kink between the branches
                    assertEquals(loss.slope(z[k], x), grad[k], 1e-5, "slope at " + z[k]);
                }
            }
        }
    }

    @Test
    void rejectsBadDepthAndNames() {
        assertThrows(InvalidInstanceException.class, () -> TaskLoss.NFL.value(1, 0));
        assertThrows(InvalidInstanceException.class, () -> TaskLoss.EL.value(1, Double.NaN));
        assertEquals(TaskLoss.EL, TaskLoss.parse("--rate-loss", "EL"));
        assertThrows(InvalidInstanceException.class, () -> TaskLoss.parse("--rate-loss", "mse"));
    }
}
