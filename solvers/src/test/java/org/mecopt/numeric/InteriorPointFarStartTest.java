package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Status;

/**
 * Far, infeasible starts on random QCQPs (a random QP plus a small ball): the hard case for
 * Phase I. The problems are feasible, so INFEASIBLE is wrong; every OPTIMAL answer must satisfy
 * the KKT conditions; and all must be solved.
 */
class InteriorPointFarStartTest {

    @Test
    void farStartsGiveNoWrongAnswerAndMostlySolve() {
        InteriorPointSolver solver = new InteriorPointSolver();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        int trials = 300;
        for (long seed = 0; seed < trials; seed++) {
            Random rnd = new Random(seed);
            int n = 1 + rnd.nextInt(8);
            int m = rnd.nextInt(11);
            RandomQp qp = RandomQp.generate(seed, n, m, 0);
            double[] centre = qp.interior().clone();
            double radius2 = 0.05 + rnd.nextDouble();
            DMatrixRMaj twoI = CommonOps_DDRM.identity(n);
            CommonOps_DDRM.scale(2, twoI);
            double[] lin = new double[n];
            double cc = 0;
            for (int j = 0; j < n; j++) {
                lin[j] = -2 * centre[j];
                cc += centre[j] * centre[j];
            }
            ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(qp.p(), qp.q(), 0))
                    .linearInequalities(qp.g(), qp.h())
                    .subjectTo(new QuadraticFunction(twoI, lin, cc - radius2)).build();
            double[] far = new double[n];
            for (int j = 0; j < n; j++) {
                far[j] = centre[j] + 10 * rnd.nextGaussian();
            }
            InteriorPointResult r = solver.solve(problem, far);
            counts.merge(r.status(), 1, Integer::sum);
            // The ball is centred on a strictly feasible point of the polyhedron: feasible.
            assertTrue(r.status() != Status.INFEASIBLE, "seed " + seed + ": " + r.message());
            if (r.status() == Status.OPTIMAL) {
                Kkt.check(problem, r, 1e-6);
            }
        }
        int solved = counts.getOrDefault(Status.OPTIMAL, 0);
        // The primal-dual Phase I alone solved 10 of these 300; with the barrier retry, all.
        assertTrue(solved == trials, "solved " + solved + " of " + trials + ": " + counts);
    }
}
