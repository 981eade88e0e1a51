package org.mecopt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The solve template on a toy problem: minimize x subject to x ≥ 1, so x = 0 breaks the constraint
 * and x = NaN has no objective. Each status is claimed with and without violations.
 */
class SolveTemplateTest {

    /** min x s.t. x ≥ 1. */
    record AtLeastOne() implements Problem<Double> {
        @Override
        public String problemName() {
            return "toy";
        }

        @Override
        public double objective(Double x) {
            return x;
        }

        @Override
        public List<String> violations(Double x) {
            return x >= 1 || Double.isNaN(x) ? List.of() : List.of("x = " + x + " < 1");
        }
    }

    /** Claims whatever it is told, about the point it is told. */
    static final class Claimer extends ProblemSolver<AtLeastOne, Double> {
        static final SolverParameter<String> START = SolverParameter.choice("start", "auto",
                List.of("auto", "equal-power"), "where to start");
        static final SolverParameter<Integer> SWEEPS = SolverParameter.integer("sweeps", 3, 0, 10, "sweeps");
        private final Outcome<Double> claim;
        SolveContext seen;

        Claimer(Outcome<Double> claim) {
            super("toy", AtLeastOne.class);
            this.claim = claim;
        }

        @Override
        public String name() {
            return "claimer";
        }

        @Override
        public String guarantee() {
            return "whatever it is told";
        }

        @Override
        public List<SolverParameter<?>> parameters() {
            return List.of(START, SWEEPS);
        }

        @Override
        protected Outcome<Double> search(AtLeastOne problem, SolveContext context) {
            seen = context;
            return claim;
        }
    }

    private static Result<Double> claim(Status status, double x) {
        return new Claimer(Outcome.of(status, x).withBound(0.5)).solve(new AtLeastOne());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "UNSUPPORTED", mode = EnumSource.Mode.EXCLUDE)
    void aClaimWithoutViolationsStands(Status claimed) {
        Result<Double> r = claim(claimed, 2.0);
        assertEquals(claimed, r.status());
        assertEquals(2.0, r.objective());
        assertTrue(r.violations().isEmpty());
        assertEquals(claimed.hasFeasibleSolution(), r.hasFeasibleSolution());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "UNSUPPORTED", mode = EnumSource.Mode.EXCLUDE)
    void aClaimWithViolationsNeverStatesAFeasiblePoint(Status claimed) {
        Result<Double> r = claim(claimed, 0.0);
        Status expected = switch (claimed) {
            case OPTIMAL, LOCALLY_OPTIMAL, FEASIBLE -> Status.INFEASIBLE_POINT;
            case LIMIT_REACHED -> Status.LIMIT_REACHED_NO_SOLUTION;
            default -> claimed;
        };
        assertEquals(expected, r.status());
        assertEquals(List.of("x = 0.0 < 1"), r.violations());
        assertFalse(r.hasFeasibleSolution());
    }

    @ParameterizedTest
    @EnumSource(value = Status.class, names = "UNSUPPORTED", mode = EnumSource.Mode.EXCLUDE)
    void aNonFiniteObjectiveIsANumericalError(Status claimed) {
        Result<Double> r = claim(claimed, Double.NaN);
        assertEquals(Status.NUMERICAL_ERROR, r.status());
        assertEquals(Double.MAX_VALUE, r.objective());
        assertTrue(r.message().contains("objective is NaN"), r.message());
    }

    @Test
    void hasFeasibleSolutionForExactlyTheFirstFour() {
        for (Status s : Status.values()) {
            assertEquals(List.of(Status.OPTIMAL, Status.LOCALLY_OPTIMAL, Status.FEASIBLE, Status.LIMIT_REACHED).contains(s),
                    s.hasFeasibleSolution(), s.name());
        }
    }

    @Test
    void unsupportedHasNoSolutionNoObjectiveAndSaysWhy() {
        Result<Double> r = new Claimer(Outcome.unsupported("toy solves nothing")).solve(new AtLeastOne());
        assertEquals(Status.UNSUPPORTED, r.status());
        assertNull(r.solution());
        assertTrue(Double.isNaN(r.objective()));
        assertNull(r.bound());
        assertTrue(r.violations().isEmpty());
        assertEquals("toy solves nothing", r.message());
        assertFalse(r.hasFeasibleSolution());
    }

    @Test
    void aBoundCrossingTheObjectiveByRoundingIsClamped() {
        Result<Double> r = new Claimer(Outcome.of(Status.OPTIMAL, 2.0).withBound(2.0 * (1 + 1e-14))).solve(new AtLeastOne());
        assertEquals(2.0, r.bound());
        assertEquals(0.0, r.gap());
    }

    @Test
    void parametersAreValidatedAndTyped() {
        Claimer solver = new Claimer(Outcome.of(Status.FEASIBLE, 1.0));
        solver.solve(new AtLeastOne());
        assertEquals("auto", solver.seen.value(Claimer.START));
        assertEquals(3, solver.seen.value(Claimer.SWEEPS));
        solver.solve(new AtLeastOne(), SolverOptions.defaults().withParameter("start", "equal-power")
                .withParameter("sweeps", "0"));
        assertEquals("equal-power", solver.seen.value(Claimer.START));
        assertEquals(0, solver.seen.value(Claimer.SWEEPS));

        InvalidInstanceException typo = assertThrows(InvalidInstanceException.class, () -> solver.solve(new AtLeastOne(),
                SolverOptions.defaults().withParameter("start", "equal_power")));
        assertEquals("parameter start", typo.field());
        assertEquals("parameter start = equal_power must be one of [auto, equal-power]", typo.getMessage());
        InvalidInstanceException unknown = assertThrows(InvalidInstanceException.class, () -> solver.solve(
                new AtLeastOne(), SolverOptions.defaults().withParameter("strat", "auto")));
        assertEquals("parameter strat", unknown.field());
        assertTrue(unknown.getMessage().contains("is not a parameter of solver claimer; known: [start, sweeps]"),
                unknown.getMessage());
        InvalidInstanceException range = assertThrows(InvalidInstanceException.class, () -> solver.solve(
                new AtLeastOne(), SolverOptions.defaults().withParameter("sweeps", "11")));
        assertEquals("parameter sweeps = 11 must be an integer in [0, 10]", range.getMessage());
        // a solver reading a parameter it did not declare is its bug, not bad input (exit 1, not 2)
        assertThrows(IllegalStateException.class,
                () -> solver.seen.value(SolverParameter.integer("undeclared", 1, 0, 1, "")));
    }

    @Test
    void notSetOptionsFallBackToTheSolversDefaultsAndSetOnesAreLiteral() {
        Claimer solver = new Claimer(Outcome.of(Status.FEASIBLE, 1.0));
        solver.solve(new AtLeastOne());
        assertEquals(1e-4, solver.seen.relativeGap(1e-4));
        assertEquals(200, solver.seen.maxIterations(200));
        solver.solve(new AtLeastOne(), SolverOptions.defaults().withRelativeGap(1e-9).withMaxIterations(7));
        assertEquals(1e-9, solver.seen.relativeGap(1e-4));
        assertEquals(7, solver.seen.maxIterations(200));
        assertEquals(SolverOptions.defaults(), SolverOptions.defaults().withRelativeGap(1e-3).withRelativeGap(null));
    }

    @Test
    void theDeadlineSaturatesInsteadOfOverflowing() {
        assertEquals(Long.MAX_VALUE, SolveContext.deadline(System.nanoTime(), Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, SolveContext.deadline(Long.MAX_VALUE - 5, 1));
        assertEquals(1_000_000L + 5, SolveContext.deadline(5, 1));
        Claimer solver = new Claimer(Outcome.of(Status.FEASIBLE, 1.0));
        solver.solve(new AtLeastOne(), SolverOptions.defaults().withTimeLimitMillis(Long.MAX_VALUE));
        assertFalse(solver.seen.timeUp());
        assertTrue(solver.seen.boundedTimeLimitMillis() * 1_000_000L > 0);
    }

    @Test
    void aBoundTheSolutionItselfBeatsIsDroppedAndOptimalityWithdrawn() {
        Result<Double> r = new Claimer(Outcome.of(Status.OPTIMAL, 2.0).withBound(2.5)).solve(new AtLeastOne());
        assertEquals(Status.FEASIBLE, r.status(), "a lower bound above a feasible objective proves nothing");
        assertNull(r.bound());
        assertTrue(r.message().contains("bound 2.5 is beaten"), r.message());
        Result<Double> limit = new Claimer(Outcome.of(Status.LIMIT_REACHED, 2.0).withBound(2.5)).solve(new AtLeastOne());
        assertEquals(Status.LIMIT_REACHED, limit.status());
        assertNull(limit.bound());
        // an infeasible point may well lie below the optimum: its bound is kept
        Result<Double> infeasible = new Claimer(Outcome.of(Status.OPTIMAL, 0.0).withBound(0.5)).solve(new AtLeastOne());
        assertEquals(0.5, infeasible.bound());
    }

    @Test
    void theInjectedClockDrivesTheDeadlineAndTheSolveTime() {
        long[] now = {0};
        LongSupplier ticking = () -> now[0] += 1_000_000L; // one millisecond per reading
        Claimer solver = new Claimer(Outcome.of(Status.FEASIBLE, 1.0));
        solver.solve(new AtLeastOne(), SolverOptions.defaults().withTimeLimitMillis(3), ticking);
        assertFalse(solver.seen.timeUp(), "read at 2 ms");
        assertFalse(solver.seen.deadline().passed(), "read at 3 ms");
        assertTrue(solver.seen.deadline().passed(), "read at 4 ms");
        Result<Double> r = solver.solve(new AtLeastOne(), SolverOptions.defaults(), ticking);
        assertEquals(1.0, r.solveTimeMillis(), "two readings of the ticking clock, one millisecond apart");
    }

    @Test
    void deadlinesSaturateAndCountLooksInTests() {
        assertEquals(Long.MAX_VALUE, Deadline.at(Long.MAX_VALUE - 1, Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE - 5, Deadline.at(-5, Long.MAX_VALUE), "a negative clock reading: no overflow to saturate");
        assertEquals(-5 + 2_000_000L, Deadline.at(-5, 2));
        long[] now = {Long.MAX_VALUE - 10};
        assertFalse(Deadline.in(Long.MAX_VALUE, () -> now[0]++).passed(), "no limit near the clock's wrap");
        Deadline third = Deadline.afterChecks(3);
        assertFalse(third.passed());
        assertFalse(third.passed());
        assertTrue(third.passed());
        assertTrue(third.passed());
        assertFalse(Deadline.NEVER.passed());
    }
}
