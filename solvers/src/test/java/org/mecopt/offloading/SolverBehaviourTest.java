package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;

class SolverBehaviourTest {

    private static final OffloadingInstance PAPER = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 3);

    /**
     * A search that closes at its incumbent reports the incumbent's total as the bound; summed in
     * another order than the objective it can sit 1.1e-12 above it (20×4, maxTasks 8, seed 1000 came
     * back FEASIBLE without a bound). Such rounding is capped; a real excess is left to the check.
     */
    @Test
    void aBoundRoundedAboveTheIncumbentIsCappedNotDropped() {
        int[] assignment = {0, 0, 0, 1, 1, 1, 2, 2, 2};
        AssignmentCosts c = new AssignmentCosts(PAPER);
        double objective = PAPER.objective(KktAllocation.solution(PAPER, assignment));
        double total = objective * PAPER.deviceCount();
        Double rounded = AssignmentSolver.claim(PAPER, assignment, Status.OPTIMAL, total * (1 + 1.1e-12)).bound();
        assertEquals(objective, rounded);
        Double wrong = AssignmentSolver.claim(PAPER, assignment, Status.OPTIMAL, total * (1 + 1e-6)).bound();
        assertTrue(wrong > objective, "a real excess must reach the result check untouched");
        assertTrue(Math.abs(c.total(assignment) - total) <= 1e-12 * total);
    }

    /** At a loose requested gap the root relaxation bound certifies 100 × 10 without branching. */
    @Test
    void aLooseGapIsCertifiedByTheRootRelaxationOnLargeInstances() {
        for (int maxTasks : new int[] {10, 15}) {
            OffloadingInstance big = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(100, 10, maxTasks), 1000);
            Result<OffloadingSolution> r = new ExactSolver().solve(big, SolverOptions.defaults().withRelativeGap(1e-4));
            assertEquals(Status.OPTIMAL, r.status(), r.message());
            assertTrue(r.gap() <= 1e-4, "gap " + r.gap());
            for (String other : List.of("greedy", "local-search")) {
                Result<OffloadingSolution> o = SolverRegistry.get(OffloadingInstance.class, other).solve(big);
                assertTrue(r.bound() <= o.objective(), other + " " + o.objective() + " below the bound " + r.bound());
            }
        }
        // where the optimum is proven, the root bound stays below it
        for (int seed = 0; seed < 5; seed++) {
            OffloadingInstance small = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(12, 3, 6), seed);
            Result<OffloadingSolution> loose = new ExactSolver().solve(small, SolverOptions.defaults().withRelativeGap(1e-4));
            Result<OffloadingSolution> tight = new ExactSolver().solve(small);
            assertEquals(Status.OPTIMAL, tight.status());
            assertTrue(loose.bound() <= tight.objective() * (1 + 1e-12), loose.bound() + " > optimum " + tight.objective());
            assertTrue(loose.objective() <= tight.objective() * (1 + 1e-4));
        }
    }

    @Test
    void registryFindsEveryOffloadingSolver() {
        assertEquals(List.of("exact", "goa", "greedy", "kkt", "local-search", "roa"),
                SolverRegistry.forProblem("offloading").stream().map(Solver::name).toList());
        assertTrue(SolverRegistry.find("offloading", "nope").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SolverRegistry.get(OffloadingInstance.class, "nope"));
        assertTrue(e.getMessage().contains("known: [exact"), e.getMessage());
    }

    @Test
    void goaReportsTheCapacityItIgnores() {
        // every device hears server 0 best, so GOA overloads it
        double[][] gain = new double[9][3];
        for (double[] row : gain) {
            row[0] = 2;
            row[1] = 1;
            row[2] = 1;
        }
        OffloadingInstance skewed = new OffloadingInstance(1e6, 1e-9, PAPER.devices(), PAPER.servers(), gain);
        Result<OffloadingSolution> r = new GoaSolver().solve(skewed);
        assertEquals(Status.INFEASIBLE_POINT, r.status());
        assertEquals(List.of("server 0 serves 9 tasks > maxTasks 3"), r.violations());
    }

    @Test
    void roaIsSeededAndRespectsCapacity() {
        Result<OffloadingSolution> a = new RoaSolver().solve(PAPER, SolverOptions.defaults().withSeed(5));
        Result<OffloadingSolution> b = new RoaSolver().solve(PAPER, SolverOptions.defaults().withSeed(5));
        assertEquals(a.solution(), b.solution());
        assertTrue(a.violations().isEmpty());
    }

    @Test
    void kktNeedsAValidAssignment() {
        KktSolver kkt = new KktSolver();
        assertEquals("assignment", assertThrows(InvalidInstanceException.class, () -> kkt.solve(PAPER)).field());
        assertEquals("assignment[2]", assertThrows(InvalidInstanceException.class, () -> kkt.solve(PAPER,
                SolverOptions.defaults().withParameter("assignment", "0,0,x,1,1,1,2,2,2"))).field());
        Result<OffloadingSolution> r = kkt.solve(PAPER, SolverOptions.defaults().withParameter("assignment", "0,0,0,0,1,1,2,2,2"));
        assertEquals(Status.INFEASIBLE_POINT, r.status());
    }

    @Test
    void localSearchOnAThousandDevicesIsWithinOnePercentOfItsBound() {
        OffloadingInstance big = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(1000, 20, 50), 11);
        Result<OffloadingSolution> r = new LocalSearchSolver().solve(big);
        assertTrue(r.violations().isEmpty());
        assertNotNull(r.gap());
        assertTrue(r.gap() < 0.01, "gap " + r.gap());
        assertTrue(r.objective() <= new GreedySolver().solve(big).objective());
    }

    @Test
    void exactStopsAtItsTimeLimitWithAValidBound() {
        OffloadingInstance hard = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(60, 6, 10), 2);
        Result<OffloadingSolution> r = new ExactSolver().solve(hard, SolverOptions.defaults().withTimeLimitMillis(50));
        assertTrue(r.violations().isEmpty());
        assertNotNull(r.bound());
        assertTrue(r.bound() <= r.objective());
        if (r.status() == Status.LIMIT_REACHED) {
            assertFalse(r.message().isEmpty());
        } else {
            assertEquals(Status.OPTIMAL, r.status());
        }
    }

    @Test
    void optionsRejectNonsense() {
        assertEquals("timeLimitMillis", assertThrows(InvalidInstanceException.class,
                () -> SolverOptions.defaults().withTimeLimitMillis(0)).field());
        assertEquals("relativeGap", assertThrows(InvalidInstanceException.class,
                () -> SolverOptions.defaults().withRelativeGap(-1)).field());
    }
}
