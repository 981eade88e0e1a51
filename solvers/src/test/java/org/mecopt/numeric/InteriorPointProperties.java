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
