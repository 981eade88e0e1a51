package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.Deadline;
import org.mecopt.api.Status;

/**
 * {@link InteriorPointSolver#solve(ConvexProblem, double[], double[], Deadline)}: the same optimum
 * as the cold start (checked by the KKT conditions recomputed from the problem), from multipliers
 * near and far from the optimal ones, with inequalities only and with equalities.
 */
class InteriorPointWarmStartTest {

    @Test
    void warmStartsReachTheColdOptimum() {
        InteriorPointSolver solver = new InteriorPointSolver();
        for (long seed = 0; seed < 30; seed++) {
            RandomQp qp = RandomQp.generate(500 + seed, 8, 14, (int) (seed % 3));
            ConvexProblem problem = qp.problem();
            InteriorPointResult cold = solver.solve(problem, qp.interior());
            assertEquals(Status.OPTIMAL, cold.status(), cold.message());
            int m = problem.inequalityCount();
            double[] near = new double[m];
            double[] far = new double[m];
            for (int i = 0; i < m; i++) {
                near[i] = cold.lambda()[i] + 1e-3; // the previous solve's multipliers, kept positive
                far[i] = 100 * (1 + i % 3);
            }
            for (double[] lambda0 : new double[][] {near, far}) {
                InteriorPointResult warm = solver.solve(problem, qp.interior(), lambda0, Deadline.NEVER);
                assertEquals(Status.OPTIMAL, warm.status(), "seed " + seed + ": " + warm.message());
                Kkt.check(problem, warm, 1e-6);
                assertEquals(cold.objective(), warm.objective(), 1e-6 * (1 + Math.abs(cold.objective())), "seed " + seed);
            }
        }
    }

    @Test
    void badMultipliersAreRefusedByName() {
        RandomQp qp = RandomQp.generate(9, 4, 6, 0);
        ConvexProblem problem = qp.problem();
        InteriorPointSolver solver = new InteriorPointSolver();
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(problem, qp.interior(), new double[5], Deadline.NEVER));
        assertTrue(length.getMessage().contains("lambda0 has length 5"), length.getMessage());
        double[] zero = new double[problem.inequalityCount()];
        java.util.Arrays.fill(zero, 1);
        zero[2] = 0;
        IllegalArgumentException notPositive = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(problem, qp.interior(), zero, Deadline.NEVER));
        assertTrue(notPositive.getMessage().contains("lambda0[2]"), notPositive.getMessage());
        // and a cold solve after a refused warm one is unaffected
        assertEquals(Status.OPTIMAL, solver.solve(problem, qp.interior()).status());
    }
}
