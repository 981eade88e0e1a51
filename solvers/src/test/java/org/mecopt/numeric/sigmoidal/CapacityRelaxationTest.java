package org.mecopt.numeric.sigmoidal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The node relaxation against a brute-force maximization of the same envelopes. */
class CapacityRelaxationTest {

    /** An envelope as a (concave, non-decreasing) function, for the brute force. */
    private record EnvelopeFunction(Sigmoid f, ConcaveEnvelope e) implements Sigmoid {
        @Override
        public double value(double x) {
            return e.value(f, x);
        }

        @Override
        public double derivative(double x) {
            return x < e.w() ? e.slope() : f.derivative(x);
        }
    }

    @Test
    void matchesBruteForceOnRandomEnvelopes() {
        Random rnd = new Random(42);
        for (int trial = 0; trial < 40; trial++) {
            int n = 2 + rnd.nextInt(2);
            Sigmoid[] f = new Sigmoid[n];
            ConcaveEnvelope[] env = new ConcaveEnvelope[n];
            List<Sigmoid> g = new ArrayList<>();
            double[] l = new double[n];
            double[] u = new double[n];
            for (int i = 0; i < n; i++) {
                f[i] = new Logistic(0.5 + rnd.nextDouble(), 0.5 + 3 * rnd.nextDouble(), 8 * rnd.nextDouble());
                l[i] = rnd.nextDouble() < 0.5 ? 0 : 3 * rnd.nextDouble();
                u[i] = l[i] + 1 + 8 * rnd.nextDouble();
                env[i] = ConcaveEnvelope.of(f[i], l[i], u[i], f[i].inflectionPoint(l[i], u[i]));
                g.add(new EnvelopeFunction(f[i], env[i]));
            }
            double sumL = 0;
            for (double v : l) {
                sumL += v;
            }
            double capacity = sumL + 15 * rnd.nextDouble();
            CapacityRelaxation.Solution s = new CapacityRelaxation(f, capacity, 1e-12, 0).solve(env, 0);
            BruteForce.Best reference = BruteForce.maximize(new SigmoidalProgram(g, l, u, capacity), n == 2 ? 4000 : 300);
            assertTrue(s.upperBound() >= reference.value() - 1e-12, "bound below the relaxation optimum");
            assertEquals(reference.value(), s.upperBound(), 1e-7);
            assertTrue(s.relaxedValue() <= s.upperBound() + 1e-15);
            double sum = 0;
            for (int i = 0; i < n; i++) {
                assertTrue(s.x()[i] >= l[i] && s.x()[i] <= u[i]);
                sum += s.x()[i];
            }
            assertTrue(sum <= capacity * (1 + 1e-12));
        }
    }

    @Test
    void tiesAreFilledWholeSoAtMostOneVariableIsPartial() {
        Sigmoid[] f = Collections.nCopies(10, (Sigmoid) new Logistic(1, 1, 5)).toArray(new Sigmoid[0]);
        ConcaveEnvelope[] env = new ConcaveEnvelope[10];
        for (int i = 0; i < 10; i++) {
            env[i] = ConcaveEnvelope.of(f[i], 0, 30, 5);
        }
        CapacityRelaxation.Solution s = new CapacityRelaxation(f, 30, 1e-12, 0).solve(env, 0);
        int partial = 0;
        for (int i = 0; i < 10; i++) {
            double x = s.x()[i];
            if (x > 1e-12 && x < env[i].w() - 1e-9) {
                partial++;
            }
            if (i > 0) {
                assertTrue(s.x()[i - 1] >= x - 1e-12, "earlier users are filled first");
            }
        }
        assertTrue(partial <= 1, partial + " partial users");
        // the tie price is the chord slope of the identical users (the search stops on the dual gap)
        assertEquals(env[0].slope(), s.price(), 1e-5 * env[0].slope());
        assertNull(new CapacityRelaxation(f, 1, 1e-12, 0).solve(new ConcaveEnvelope[] {
            ConcaveEnvelope.of(f[0], 2, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5),
            ConcaveEnvelope.of(f[0], 0, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5),
            ConcaveEnvelope.of(f[0], 0, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5), ConcaveEnvelope.of(f[0], 0, 3, 5),
            ConcaveEnvelope.of(f[0], 0, 3, 5)}, 0), "Σ l = 2 > C = 1 is infeasible");
    }
}
