package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Status;

/** Random strictly convex QPs with random linear inequalities against an exact active-set enumeration. */
class InteriorPointProperties {
    private final InteriorPointSolver solver = new InteriorPointSolver();

    @Property(tries = 300)
    void matchesActiveSetEnumeration(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int n,
            @ForAll @IntRange(min = 0, max = 7) int m, @ForAll @IntRange(min = 0, max = 1) int eqs,
            @ForAll boolean infeasibleStart) {
        RandomQp qp = RandomQp.generate(seed, n, m, Math.min(eqs, n - 1));
        ConvexProblem problem = qp.problem();
        double[] start = null;
        if (infeasibleStart) {
            Random rnd = new Random(seed ^ 0x5DEECE66DL);
            start = new double[n];
            for (int j = 0; j < n; j++) {
                start[j] = 5 * rnd.nextGaussian();
            }
        }
        InteriorPointResult r = solver.solve(problem, start);
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        double[] exact = qp.activeSetOptimum();
        assertNotNull(exact, "the active-set enumeration found no KKT point");
        double best = qp.objective(exact);
        assertEquals(best, r.objective(), 1e-6 * (1 + Math.abs(best)));
        assertTrue(r.lowerBound() <= best + 1e-9, "objective − gap is a lower bound on p*");
        for (int j = 0; j < n; j++) {
            assertEquals(exact[j], r.x()[j], 1e-4);
        }
        Kkt.check(problem, r, 1e-6);
    }

    /**
     * Random QPs plus a ball constraint {@code ‖x − x_c‖² ≤ r²} near the optimum of the linear
     * part: the result satisfies the KKT conditions, recomputed here from
     * the problem, and no feasible random point beats it.
     */
    @Property(tries = 200)
    void quadraticallyConstrainedQpsSatisfyKkt(@ForAll long seed, @ForAll @IntRange(min = 1, max = 8) int n,
            @ForAll @IntRange(min = 0, max = 10) int m) {
        RandomQp qp = RandomQp.generate(seed, n, m, 0);
        Random rnd = new Random(seed * 31 + 7);
        // The generator's interior point is not exposed: find one by solving the linear part.
        InteriorPointResult linear = solver.solve(qp.problem());
        assertEquals(Status.OPTIMAL, linear.status(), linear.message());
        double[] centre = linear.x().clone();
        for (int j = 0; j < n; j++) {
            centre[j] += 0.1 * rnd.nextGaussian();
        }
        double radius2 = 0.05 + rnd.nextDouble();
        org.ejml.data.DMatrixRMaj twoI = org.ejml.dense.row.CommonOps_DDRM.identity(n);
        org.ejml.dense.row.CommonOps_DDRM.scale(2, twoI);
        double[] lin = new double[n];
        double cc = 0;
        for (int j = 0; j < n; j++) {
            lin[j] = -2 * centre[j];
            cc += centre[j] * centre[j];
        }
        QuadraticFunction ball = new QuadraticFunction(twoI, lin, cc - radius2);
        ConvexProblem problem = ConvexProblem.builder(n).minimize(new QuadraticFunction(qp.p(), qp.q(), 0))
                .linearInequalities(qp.g(), qp.h()).subjectTo(ball).build();
        // Start at the linear part's optimum, near the ball (Phase I runs when it is outside):
        // from far-away starts Phase I can crawl on a small ball (see InteriorPointSolver).
        InteriorPointResult r = solver.solve(problem, linear.x());
        if (r.status() == Status.INFEASIBLE) {
            return; // the ball may miss the polyhedron's interior; Phase I said so
        }
        assertEquals(Status.OPTIMAL, r.status(), r.message());
        Kkt.check(problem, r, 1e-6);
        double[] f = new double[problem.inequalityCount()];
        for (int k = 0; k < 200; k++) {
            double[] x = r.x().clone();
            for (int j = 0; j < n; j++) {
                x[j] += 0.3 * rnd.nextGaussian();
            }
            problem.inequalityValues(x, f);
            if (java.util.Arrays.stream(f).allMatch(v -> v <= 0)) {
                assertTrue(qp.objective(x) >= r.lowerBound() - 1e-9, "a feasible point beats the bound");
            }
        }
    }

    /** Shifting the objective by a constant moves the optimal value and nothing else. */
    @Property(tries = 50)
    void constantShiftOnlyMovesTheValue(@ForAll long seed, @ForAll @IntRange(min = -100, max = 100) int shift) {
        RandomQp qp = RandomQp.generate(seed, 3, 5, 0);
        ConvexProblem a = qp.problem();
        ConvexProblem b = ConvexProblem.builder(3).minimize(new QuadraticFunction(qp.p(), qp.q(), shift))
                .linearInequalities(qp.g(), qp.h()).build();
        InteriorPointResult ra = solver.solve(a);
        InteriorPointResult rb = solver.solve(b);
        assertEquals(Status.OPTIMAL, ra.status());
        assertEquals(Status.OPTIMAL, rb.status());
        assertEquals(ra.objective() + shift, rb.objective(), 1e-7 * (1 + Math.abs(shift)));
    }
}
