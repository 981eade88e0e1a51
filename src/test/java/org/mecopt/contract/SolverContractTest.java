package org.mecopt.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.io.Json;

/**
 * The contract every registered solver keeps, learned ones included, on the small instances of
 * {@link Fixtures}: what a {@link Result} states agrees with what the problem's own rules say of
 * its solution. A new solver is covered by registering it; a new family by adding its fixtures.
 */
class SolverContractTest {

    /** Relative rounding a bound may show on the wrong side of the objective. */
    private static final double BOUND_ROUNDING = 1e-9;
    /** Short limit of the time-limit check, and how far past it a solve may end (one iteration, a GC pause). */
    private static final long SHORT_LIMIT_MILLIS = 20;
    private static final double TIME_SLACK_MILLIS = 1_500;
    /** The limit of the ticking-clock check, in readings of the clock. */
    private static final long TICKING_LIMIT_MILLIS = 5;
    /** Readings a solve may take after the one past its deadline (nested loops, each looking on its way out). */
    private static final long READINGS_AFTER_DEADLINE = 8;
    /** The largest relative gap any solver certifies by default (sigmoidal's). */
    private static final double LARGEST_DEFAULT_GAP = 1e-4;

    static Stream<Arguments> solversAndInstances() {
        return SolverRegistry.all().stream().flatMap(solver -> Fixtures.instances(solver.problemName()).stream()
                .map(instance -> Arguments.of(solver.problemName() + "/" + solver.name(), solver, instance)));
    }

    static Stream<Arguments> solvers() {
        return SolverRegistry.all().stream().map(s -> Arguments.of(s.problemName() + "/" + s.name(), s));
    }

    @Test
    void everyRegisteredFamilyHasFixturesAndTheLearnedSolverIsRegistered() {
        for (String problem : SolverRegistry.problems()) {
            assertFalse(Fixtures.instances(problem).isEmpty(), "no contract fixtures for problem family " + problem);
        }
        assertTrue(SolverRegistry.find("latency", "cnn-lstm").isPresent(), "models' solver must be on the classpath");
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("solversAndInstances")
    void theResultAgreesWithTheProblemsOwnCheck(String label, Solver<?, ?> solver, Fixtures.Instance instance) {
        Problem<?> problem = instance.problem();
        String before = Json.writeInstance(problem);
        Result<?> r = assertDoesNotThrow(() -> solve(solver, problem, Fixtures.options(solver, problem)),
                "a valid instance is answered, never thrown (UNSUPPORTED when outside the domain)");
        assertEquals(before, Json.writeInstance(problem), "the instance was modified");
        assertEquals(solver.name(), r.solver());
        assertEquals(solver.problemName(), r.problem());
        assertTrue(r.solveTimeMillis() >= 0);
        assertEquals(r.status().hasFeasibleSolution(), r.hasFeasibleSolution());
        if (r.status() == Status.UNSUPPORTED) {
            assertNull(r.solution());
            assertTrue(Double.isNaN(r.objective()));
            assertNull(r.bound());
            assertTrue(r.violations().isEmpty());
            assertFalse(r.message().isBlank(), "an unsupported result says why");
            return;
        }
        assertEquals(violations(problem, r.solution()), r.violations(), "violations re-evaluate from the solution");
        if (r.status() != Status.NUMERICAL_ERROR) {
            assertEquals(objective(problem, r.solution()), r.objective(), 0, "the objective re-evaluates from the solution");
        }
        if (!r.violations().isEmpty()) {
            assertFalse(r.hasFeasibleSolution(), r.status() + " with violations " + r.violations());
        }
        if (r.hasFeasibleSolution()) {
            assertTrue(r.violations().isEmpty());
            assertTrue(Double.isFinite(r.objective()));
        }
        if (r.bound() != null && r.hasFeasibleSolution()) {
            double slack = BOUND_ROUNDING * Math.max(1, Math.abs(r.objective()));
            if (problem.minimize()) {
                assertTrue(r.bound() <= r.objective() + slack, "lower bound " + r.bound() + " above " + r.objective());
            } else {
                assertTrue(r.bound() >= r.objective() - slack, "upper bound " + r.bound() + " below " + r.objective());
            }
        }
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("solversAndInstances")
    void theSameSeedGivesTheSameResult(String label, Solver<?, ?> solver, Fixtures.Instance instance) {
        SolverOptions options = Fixtures.options(solver, instance.problem()).withSeed(7);
        assertEquals(withoutTime(solve(solver, instance.problem(), options), instance.problem()),
                withoutTime(solve(solver, instance.problem(), options), instance.problem()));
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("solversAndInstances")
    void theTimeLimitHolds(String label, Solver<?, ?> solver, Fixtures.Instance instance) {
        SolverOptions options = Fixtures.options(solver, instance.problem()).withTimeLimitMillis(SHORT_LIMIT_MILLIS);
        Result<?> r = solve(solver, instance.problem(), options);
        assertTrue(r.solveTimeMillis() <= SHORT_LIMIT_MILLIS + TIME_SLACK_MILLIS,
                r.solveTimeMillis() + " ms for a limit of " + SHORT_LIMIT_MILLIS + " ms");
        if (!r.violations().isEmpty()) {
            assertFalse(r.hasFeasibleSolution(), "status and violations agree at the limit too: " + r.status());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void anUnknownParameterIsRejectedByName(String label, Solver<?, ?> solver) {
        Problem<?> problem = Fixtures.instances(solver.problemName()).get(0).problem();
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> solve(solver, problem,
                Fixtures.options(solver, problem).withParameter("no-such-parameter", "1")));
        assertEquals("parameter no-such-parameter", e.field());
        assertTrue(e.getMessage().contains("known: " + solver.parameters().stream().map(SolverParameter::name).toList()),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("solvers")
    void aBadParameterValueIsRejectedByName(String label, Solver<?, ?> solver) {
        Problem<?> problem = Fixtures.instances(solver.problemName()).get(0).problem();
        for (SolverParameter<?> p : solver.parameters()) {
            InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> solve(solver, problem,
                    Fixtures.options(solver, problem).withParameter(p.name(), "not-a-value")), p.name());
            assertTrue(e.getMessage().contains(p.name()) && e.getMessage().contains("not-a-value"), e.getMessage());
        }
    }

    @Test
    void instancesOutsideASolversDomainAreReportedNotThrown() {
        Problem<?> twoCarriers = Fixtures.instances("latency").get(2).problem();
        Result<?> exact = solve(SolverRegistry.find("latency", "exact-single-carrier").orElseThrow(), twoCarriers,
                SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, exact.status());
        Problem<?> small = Fixtures.instances("latency").get(1).problem();
        Result<?> learned = solve(SolverRegistry.find("latency", "cnn-lstm").orElseThrow(), small, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, learned.status());
        assertTrue(learned.message().contains("bundled model covers K=10, N=4"), learned.message());
        Problem<?> paper = Fixtures.instances("latency").get(0).problem();
        assertEquals(Status.FEASIBLE, solve(SolverRegistry.find("latency", "cnn-lstm").orElseThrow(), paper,
                SolverOptions.defaults()).status(), "the bundled model covers the default setting");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Result<?> solve(Solver<?, ?> solver, Problem<?> problem, SolverOptions options) {
        return ((Solver) solver).solve(problem, options);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static double objective(Problem problem, Object solution) {
        return problem.objective(solution);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<String> violations(Problem problem, Object solution) {
        return problem.violations(solution);
    }

    /** Every field of the result's JSON but the wall time (solution arrays compared by value). */
    private static ObjectNode withoutTime(Result<?> r, Problem<?> problem) {
        ObjectNode tree = Json.resultTree(r, problem.minimize());
        tree.remove("solveTimeMillis");
        return tree;
    }

    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("solversAndInstances")
    void aHugeTimeLimitChangesNothing(String label, Solver<?, ?> solver, Fixtures.Instance instance) {
        SolverOptions options = Fixtures.options(solver, instance.problem());
        assertEquals(withoutTime(solve(solver, instance.problem(), options), instance.problem()),
                withoutTime(solve(solver, instance.problem(), options.withTimeLimitMillis(Long.MAX_VALUE)),
                        instance.problem()), "a limit of Long.MAX_VALUE ms is no limit, not a deadline in the past");
    }

    /**
     * Time moves only when the solver reads the clock, by a millisecond a reading, so the limit is
     * a number of readings and the check does not depend on the machine: once a reading is past
     * the deadline, the solve ends within {@link #READINGS_AFTER_DEADLINE} more (each enclosing
     * loop looks once on its way out), and a solve that saw its deadline pass claims no local optimum.
     */
    @ParameterizedTest(name = "{0} on {2}")
    @MethodSource("solversAndInstances")
    void theSolveEndsWithinAFewReadingsOnceTheDeadlineHasPassed(String label, Solver<?, ?> solver,
                                                                 Fixtures.Instance instance) {
        long[] readings = {0};
        Result<?> r = solveOnClock(solver, instance.problem(),
                Fixtures.options(solver, instance.problem()).withTimeLimitMillis(TICKING_LIMIT_MILLIS),
                () -> ++readings[0] * 1_000_000L);
        assertTrue(readings[0] <= TICKING_LIMIT_MILLIS + 1 + READINGS_AFTER_DEADLINE, label + " read the clock "
                + readings[0] + " times for a limit of " + TICKING_LIMIT_MILLIS + " readings");
        assertTrue(r.solveTimeMillis() <= TICKING_LIMIT_MILLIS + READINGS_AFTER_DEADLINE, r.solveTimeMillis() + " ms");
        if (r.status() == Status.LOCALLY_OPTIMAL) {
            // a proven OPTIMAL stands whenever it was found; a local claim may rest on a step the deadline cut short
            assertTrue(readings[0] <= TICKING_LIMIT_MILLIS + 2, r.status() + " claimed after the deadline was seen ("
                    + readings[0] + " readings)");
        }
    }

    /**
     * Certificates hold across solvers: no bound is beaten by another solver's feasible objective,
     * and no feasible objective beats an OPTIMAL one by more than the largest default gap of any
     * solver (1e-4). (An OPTIMAL without a bound is optimal for a restricted problem its solver
     * names, like kkt's fixed assignment, and is not compared.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("instances")
    void certificatesAgreeAcrossSolvers(String label, Fixtures.Instance instance) {
        Problem<?> problem = instance.problem();
        List<Result<?>> results = SolverRegistry.all().stream().filter(s -> s.problemName().equals(problem.problemName()))
                .<Result<?>>map(s -> solve(s, problem, Fixtures.options(s, problem))).toList();
        double sign = problem.minimize() ? 1 : -1;
        for (Result<?> r : results) {
            assertFalse(r.status() == Status.INFEASIBLE, r.solver() + ": every fixture has a feasible point");
            for (Result<?> other : results) {
                if (!other.hasFeasibleSolution()) {
                    continue;
                }
                double slack = BOUND_ROUNDING * Math.max(1, Math.abs(other.objective()));
                if (r.bound() != null) {
                    assertTrue(sign * (r.bound() - other.objective()) <= slack, r.solver() + "'s bound " + r.bound()
                            + " is beaten by " + other.solver() + "'s " + other.objective());
                    if (r.status() == Status.OPTIMAL) {
                        assertTrue(sign * (r.objective() - other.objective())
                                <= LARGEST_DEFAULT_GAP * Math.abs(r.objective()) + slack, r.solver() + " OPTIMAL at "
                                + r.objective() + " is beaten by " + other.solver() + "'s " + other.objective());
                    }
                }
            }
        }
    }

    static Stream<Arguments> instances() {
        return SolverRegistry.problems().stream().flatMap(p -> Fixtures.instances(p).stream())
                .map(i -> Arguments.of(i.name(), i));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Result<?> solveOnClock(Solver<?, ?> solver, Problem<?> problem, SolverOptions options,
                                          LongSupplier clock) {
        assertTrue(solver instanceof ProblemSolver, solver.name() + " does not use the solve template");
        return ((ProblemSolver) solver).solve(problem, options, clock);
    }
}
