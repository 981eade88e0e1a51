package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.Deadline;
import org.mecopt.api.Status;

/**
 * The interior-point method looks at its deadline twice per Newton iteration (before it and after
 * assembling the Newton system), in Phase I and Phase II: a deadline that passes at look 2k + 1
 * stops it after exactly k iterations, where the same solve without a deadline needs many more.
 * Deterministic: the deadline counts looks, not time.
 */
class InteriorPointDeadlineTest {

    private static final RandomQp QP = RandomQp.generate(11, 12, 20, 2);

    @Test
    void phaseTwoStopsAtTheLookWhereTheDeadlinePassed() {
        InteriorPointResult free = new InteriorPointSolver().solve(QP.problem(), QP.interior());
        assertEquals(Status.OPTIMAL, free.status());
        assertTrue(free.iterations() > 6, "the reference solve needs more iterations than the deadline allows: "
                + free.iterations());
        InteriorPointResult stopped = new InteriorPointSolver().solve(QP.problem(), QP.interior(), Deadline.afterChecks(7));
        assertEquals(Status.LIMIT_REACHED, stopped.status());
        assertEquals("time limit", stopped.message());
        assertEquals(3, stopped.iterations(), "three steps taken, stopped at the seventh look");
        assertTrue(stopped.isFeasible(1e-6), "Phase II iterates stay strictly feasible, so the point is usable");
    }

    @Test
    void phaseOneStopsToo() {
        InteriorPointResult free = new InteriorPointSolver().solve(QP.problem());
        assertTrue(free.phaseOneIterations() > 3, "x = 0 is not strictly feasible here: " + free.phaseOneIterations());
        InteriorPointResult stopped = new InteriorPointSolver().solve(QP.problem(), null, Deadline.afterChecks(3));
        assertEquals(Status.LIMIT_REACHED, stopped.status());
        assertTrue(stopped.message().startsWith("time limit in Phase I"), stopped.message());
        assertEquals(1, stopped.phaseOneIterations());
    }

    @Test
    void aDeadlineThatNeverPassesChangesNothing() {
        InteriorPointResult plain = new InteriorPointSolver().solve(QP.problem(), QP.interior());
        InteriorPointResult never = new InteriorPointSolver().solve(QP.problem(), QP.interior(), Deadline.NEVER);
        assertEquals(plain.objective(), never.objective(), 0);
        assertEquals(plain.iterations(), never.iterations());
    }
}
