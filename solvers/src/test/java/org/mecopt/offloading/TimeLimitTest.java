package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * The assignment searches look at the clock inside their loops. The clock advances one millisecond
 * per reading, so a limit is a number of readings and nothing here depends on the machine's speed.
 */
class TimeLimitTest {

    private static final OffloadingInstance LARGE = OffloadingGenerator.generate(
            OffloadingGenerator.Config.PAPER.withSize(300, 20, 20), 7);

    private static LongSupplier ticking(long[] readings) {
        return () -> ++readings[0] * 1_000_000L;
    }

    @Test
    void branchAndBoundStopsWithinABatchOfNodesOfItsDeadline() {
        long[] readings = {0};
        Result<OffloadingSolution> r = new ExactSolver().solve(LARGE, SolverOptions.defaults().withTimeLimitMillis(20),
                ticking(readings));
        assertEquals(Status.LIMIT_REACHED, r.status(), r.message());
        assertTrue(r.bound() != null && r.bound() <= r.objective());
        // the local search reads twice per pass, the tree once per 4 096 nodes
        assertTrue(r.iterations() <= 4096L * 20, r.iterations() + " nodes for 20 readings");
        assertTrue(readings[0] <= 20 + 1 + 8, readings[0] + " readings"); // as the contract suite allows
    }

    @Test
    void localSearchStopsBetweenPasses() {
        long[] readings = {0};
        Result<OffloadingSolution> r = new LocalSearchSolver().solve(LARGE,
                SolverOptions.defaults().withTimeLimitMillis(2), ticking(readings));
        assertEquals(Status.LIMIT_REACHED, r.status(), r.message());
        assertEquals(1, r.iterations(), "one improvement pass, then the deadline");
        Result<OffloadingSolution> free = new LocalSearchSolver().solve(LARGE);
        assertTrue(free.iterations() > 1, "the same search without a limit takes " + free.iterations() + " passes");
    }
}
