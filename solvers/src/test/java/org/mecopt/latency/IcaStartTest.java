package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;

/** {@link IcaSolver#startingFrom}: the caller's start is used, checked and repaired. */
class IcaStartTest {

    private static final SolverOptions GIVEN_ONLY = SolverOptions.defaults().withParameter("start", "equal-power")
            .withParameter("starts", "1");

    @Test
    void theGivenStartIsWhereTheIterationsBegin() {
        LatencyInstance instance = LatencyProperties.random(41, 4, 1, true);
        // the exact optimum of one subcarrier as the start: ICA may only keep or improve it
        double[][] optimum = new ExactSingleCarrierSolver().solve(instance).solution().power();
        double exact = instance.objective(instance.solutionFor(optimum));
        Result<LatencySolution> r = IcaSolver.startingFrom(i -> optimum).solve(instance, GIVEN_ONLY);
        assertTrue(r.objective() <= exact, r.objective() + " above its start " + exact);
        // from a poor start (all power on nothing but user 0) it must still improve on that start
        double[][] poor = new double[1][4];
        poor[0][0] = 1;
        poor[0][1] = 1e-3;
        poor[0][2] = 1e-3;
        poor[0][3] = 1e-3;
        double poorValue = instance.objective(instance.solutionFor(poor));
        Result<LatencySolution> fromPoor = IcaSolver.startingFrom(i -> poor).solve(instance, GIVEN_ONLY);
        assertTrue(fromPoor.objective() < poorValue && fromPoor.violations().isEmpty());
    }

    @Test
    void aStartOutsideTheBudgetsIsScaledIntoThemAndAWrongShapeIsNamed() {
        LatencyInstance instance = LatencyProperties.random(42, 3, 2, false);
        double[][] over = {{2, -1, 0.5}, {2, 3, 0.5}};
        Result<LatencySolution> r = IcaSolver.startingFrom(i -> over).solve(instance, GIVEN_ONLY);
        assertTrue(r.violations().isEmpty() && r.hasFeasibleSolution(), r.status() + " " + r.violations());
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> IcaSolver.startingFrom(i -> new double[3][3]).solve(instance));
        assertEquals("start.length", e.field());
    }
}
