package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.vector.constrained.LagrangeSolution;
import org.hipparchus.optim.nonlinear.vector.constrained.LinearInequalityConstraint;
import org.hipparchus.optim.nonlinear.vector.constrained.SQPOptimizerS;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Status;

/** Random QPs compared with an independent reference, Hipparchus' SQP optimizer. */
class InteriorPointHipparchusTest {

    @Test
    void agreesWithHipparchusSqpOnRandomQps() {
        InteriorPointSolver solver = new InteriorPointSolver();
        int compared = 0;
        for (long seed = 0; seed < 40; seed++) {
            int n = 2 + (int) (seed % 5);
            int m = 2 * n;
            RandomQp qp = RandomQp.generate(seed, n, m, 0);
            InteriorPointResult r = solver.solve(qp.problem());
            assertEquals(Status.OPTIMAL, r.status(), r.message());

            double[][] p = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i][j] = qp.p().get(i, j);
                }
            }
            // Hipparchus' inequalities read C x ≥ d: pass −G x ≥ −h.
            double[][] c = new double[m][n];
            double[] d = new double[m];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[i][j] = -qp.g().get(i, j);
                }
                d[i] = -qp.h()[i];
            }
            LagrangeSolution ref;
            try {
                ref = new SQPOptimizerS().optimize(
                        new ObjectiveFunction(new org.hipparchus.optim.nonlinear.vector.constrained.QuadraticFunction(
                                p, qp.q(), 0)),
                        new LinearInequalityConstraint(c, d), new InitialGuess(new double[n]));
            } catch (RuntimeException e) {
                continue; // the reference failed; not a verdict on this solver
            }
            double[] xr = ref.getX().toArray();
            double maxViolation = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double v = -qp.h()[i];
                for (int j = 0; j < n; j++) {
                    v += qp.g().get(i, j) * xr[j];
                }
                maxViolation = Math.max(maxViolation, v);
            }
            if (maxViolation > 1e-6) {
                continue; // the reference did not reach a feasible point
            }
            compared++;
            double refValue = qp.objective(xr);
            // The interior-point value is a certified optimum: the reference cannot beat it.
            assertTrue(r.objective() <= refValue + 1e-6 * (1 + Math.abs(refValue)),
                    "seed " + seed + ": IPM " + r.objective() + " vs SQP " + refValue);
            assertEquals(refValue, r.objective(), 1e-5 * (1 + Math.abs(refValue)), "seed " + seed);
            for (int j = 0; j < n; j++) {
                assertEquals(xr[j], r.x()[j], 1e-3, "seed " + seed + " x_" + j);
            }
        }
        assertTrue(compared >= 30, "Hipparchus solved only " + compared + " of 40");
    }
}
