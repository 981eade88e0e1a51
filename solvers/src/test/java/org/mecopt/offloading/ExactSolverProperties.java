package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/** Solver invariants on hundreds of random small instances, against brute-force enumeration. */
class ExactSolverProperties {

    private final ExactSolver exact = new ExactSolver();

    @Property(tries = 400)
    void exactMatchesBruteForce(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int m,
                                @ForAll @IntRange(min = 1, max = 3) int n) {
        OffloadingInstance instance = Instances.random(seed, m, n);
        double optimum = Instances.bruteForceOptimum(instance);
        Result<OffloadingSolution> r = exact.solve(instance);
        assertEquals(Status.OPTIMAL, r.status());
        assertTrue(r.violations().isEmpty());
        assertEquals(optimum, r.objective(), 1e-9 * optimum);
        assertNotNull(r.bound());
        assertTrue(r.bound() <= optimum * (1 + 1e-12), "bound " + r.bound() + " above optimum " + optimum);
    }

    @Property(tries = 300)
    void heuristicsAreFeasibleAndNoBetterThanOptimal(@ForAll long seed, @ForAll @IntRange(min = 1, max = 7) int m,
                                                     @ForAll @IntRange(min = 1, max = 3) int n) {
        OffloadingInstance instance = Instances.random(seed, m, n);
        double optimum = Instances.bruteForceOptimum(instance);
        for (AssignmentSolver solver : new AssignmentSolver[] {new LocalSearchSolver(), new GreedySolver(), new RoaSolver()}) {
            Result<OffloadingSolution> r = solver.solve(instance, SolverOptions.defaults().withSeed(seed));
            assertTrue(r.status().hasFeasibleSolution(), solver.name() + " " + r.status() + " " + r.violations());
            assertTrue(r.objective() >= optimum * (1 - 1e-12), solver.name() + " beat the optimum");
            if (r.bound() != null) {
                assertTrue(r.bound() <= optimum * (1 + 1e-12), solver.name() + " bound above the optimum");
            }
        }
    }

    @Property(tries = 100)
    void relaxationBoundIsValidOnPaperSizedInstances(@ForAll @IntRange(min = 0, max = 100_000) int seed) {
        OffloadingInstance instance = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, seed);
        double optimum = exact.solve(instance).objective();
        Result<OffloadingSolution> ls = new LocalSearchSolver().solve(instance);
        assertTrue(ls.bound() <= optimum * (1 + 1e-12));
        assertTrue(ls.gap() < 0.05, "relaxation gap " + ls.gap());
    }
}
