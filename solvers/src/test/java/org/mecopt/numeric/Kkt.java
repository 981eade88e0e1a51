package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ejml.data.DMatrixRMaj;

/** Checks the KKT conditions of a convex program at a returned point, from its own definitions. */
final class Kkt {
    private Kkt() {
    }

    /**
     * Asserts primal feasibility, λ ≥ 0, complementary slackness {@code |λ_i f_i| ≤ tol} and
     * stationarity {@code ‖∇f0 + Σλ_i∇f_i + Aᵀν‖ ≤ tol}, recomputed from the problem (not taken
     * from the solver's own residuals).
     */
    static void check(ConvexProblem problem, InteriorPointResult r, double tol) {
        int n = problem.dimension();
        int m = problem.inequalityCount();
        double[] x = r.x();
        double[] f = new double[m];
        problem.inequalityValues(x, f);
        double[] grad = new double[n];
        problem.objective().gradient(x, grad);
        double[] gi = new double[n];
        for (int i = 0; i < m; i++) {
            assertTrue(f[i] <= tol, "f_" + i + "(x) = " + f[i]);
            assertTrue(r.lambda()[i] >= 0, "lambda_" + i + " = " + r.lambda()[i]);
            assertEquals(0, r.lambda()[i] * f[i], tol, "complementary slackness " + i);
            problem.inequalityGradient(i, x, gi);
            for (int j = 0; j < n; j++) {
                grad[j] += r.lambda()[i] * gi[j];
            }
        }
        DMatrixRMaj a = problem.equalityMatrix();
        double[] res = new double[problem.equalityCount()];
        problem.equalityResiduals(x, res);
        for (int i = 0; i < res.length; i++) {
            assertEquals(0, res[i], tol, "equality " + i);
            for (int j = 0; j < n; j++) {
                grad[j] += a.get(i, j) * r.nu()[i];
            }
        }
        double norm = 0;
        for (double g : grad) {
            norm += g * g;
        }
        assertTrue(Math.sqrt(norm) <= tol, "stationarity residual " + Math.sqrt(norm));
    }
}
