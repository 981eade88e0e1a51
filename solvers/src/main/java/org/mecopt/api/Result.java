package org.mecopt.api;

import java.util.List;
import java.util.Objects;

/**
 * What a solver returns: the solution and everything the solver knows about it.
 *
 * <p>There is no public constructor: every result is made by the solve template
 * ({@link ProblemSolver#solve}), which evaluates the objective and re-checks feasibility with the
 * problem's own rules, so a returned status never claims more than the solution shows
 * ({@link Status#checked}).
 *
 * @param <S> the solution type
 */
public final class Result<S> {

    /** Relative distance within which a bound on the wrong side of the objective is rounding. */
    static final double ROUNDING = 1e-12;

    private final String problem;
    private final String solver;
    private final Status status;
    private final S solution;
    private final double objective;
    private final Double bound;
    private final long iterations;
    private final double solveTimeMillis;
    private final List<String> violations;
    private final String message;

    private Result(String problem, String solver, Status status, S solution, double objective, Double bound,
                   long iterations, double solveTimeMillis, List<String> violations, String message) {
        this.problem = problem;
        this.solver = solver;
        this.status = status;
        this.solution = solution;
        this.objective = objective;
        this.bound = bound;
        this.iterations = iterations;
        this.solveTimeMillis = solveTimeMillis;
        this.violations = List.copyOf(violations);
        this.message = message == null ? "" : message;
    }

    /**
     * Evaluates the outcome's solution on {@code problem} and assembles a result whose status is
     * what the check allows ({@link Status#checked}); an unsupported outcome has no solution. A
     * bound that the feasible solution itself beats (beyond {@link #ROUNDING}) is no bound: it is
     * dropped, and an OPTIMAL claim resting on it becomes FEASIBLE.
     */
    static <S> Result<S> checked(Problem<S> problem, String solver, Outcome<S> outcome, double elapsedMillis) {
        if (outcome.status() == Status.UNSUPPORTED) {
            return new Result<>(problem.problemName(), solver, Status.UNSUPPORTED, null, Double.NaN, null,
                    outcome.iterations(), elapsedMillis, List.of(), outcome.message());
        }
        S solution = outcome.solution();
        List<String> violations = problem.violations(solution);
        double objective = problem.objective(solution);
        String note = outcome.message();
        Status status = outcome.status().checked(!violations.isEmpty(), Double.isFinite(objective));
        if (!Double.isFinite(objective)) {
            note = (note.isEmpty() ? "" : note + "; ") + "objective is " + objective;
            objective = problem.minimize() ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        Double b = outcome.bound() == null || !Double.isFinite(outcome.bound()) ? null : outcome.bound();
        if (b != null && Math.abs(b - objective) <= ROUNDING * Math.abs(objective)
                && (problem.minimize() ? b > objective : b < objective)) {
            b = objective; // a bound computed along another path may cross an optimal objective by rounding
        }
        if (b != null && status.hasFeasibleSolution() && (problem.minimize() ? b > objective : b < objective)) {
            // a feasible point beats the "bound": whatever was computed, it proves nothing
            note = (note.isEmpty() ? "" : note + "; ") + "bound " + b + " is beaten by the solution's own objective "
                    + objective + ", so it is dropped" + (status == Status.OPTIMAL ? " and optimality is not claimed" : "");
            b = null;
            status = status == Status.OPTIMAL ? Status.FEASIBLE : status;
        }
        return new Result<>(problem.problemName(), solver, status, solution, objective, b, outcome.iterations(),
                elapsedMillis, violations, note);
    }

    /** The problem family's name. */
    public String problem() {
        return problem;
    }

    /** The solver's name. */
    public String solver() {
        return solver;
    }

    /** What is known about {@link #solution()}. */
    public Status status() {
        return status;
    }

    /**
     * The solution; null only when the status is {@link Status#UNSUPPORTED} (otherwise even a failed
     * solve returns its last iterate).
     */
    public S solution() {
        return solution;
    }

    /**
     * The problem's objective at {@link #solution()}; NaN only when UNSUPPORTED (there is no
     * solution to evaluate), and ±{@link Double#MAX_VALUE} (the worst value) when the objective was
     * not finite (NUMERICAL_ERROR).
     */
    public double objective() {
        return objective;
    }

    /**
     * A proven bound on the optimum (lower for minimization, upper for maximization), or null when
     * the solver knows none.
     */
    public Double bound() {
        return bound;
    }

    /** Solver iterations (nodes, passes, …; the solver's Javadoc says which). */
    public long iterations() {
        return iterations;
    }

    /** Wall time of the solve itself, excluding one-time loading (a model, a native library). */
    public double solveTimeMillis() {
        return solveTimeMillis;
    }

    /** The constraints {@link #solution()} violates; empty when it is feasible or there is none. */
    public List<String> violations() {
        return violations;
    }

    /** A short human-readable note (why a limit was hit, what broke, why unsupported), or empty. */
    public String message() {
        return message;
    }

    /** Whether {@link #solution()} may be used as a feasible point ({@link Status#hasFeasibleSolution()}). */
    public boolean hasFeasibleSolution() {
        return status.hasFeasibleSolution();
    }

    /**
     * The relative gap between objective and bound, {@code |objective − bound| / max(|objective|,
     * |bound|)}, or null without a bound. Defined for objectives of any sign (0 when both are 0).
     */
    public Double gap() {
        if (bound == null) {
            return null;
        }
        double scale = Math.max(Math.abs(objective), Math.abs(bound));
        return scale == 0 ? 0.0 : Math.abs(objective - bound) / scale;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Result<?> r && problem.equals(r.problem) && solver.equals(r.solver) && status == r.status
                && Objects.equals(solution, r.solution) && Double.compare(objective, r.objective) == 0
                && Objects.equals(bound, r.bound) && iterations == r.iterations
                && Double.compare(solveTimeMillis, r.solveTimeMillis) == 0 && violations.equals(r.violations)
                && message.equals(r.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(problem, solver, status, solution, objective, bound, iterations, violations, message);
    }

    @Override
    public String toString() {
        return "Result[problem=" + problem + ", solver=" + solver + ", status=" + status + ", objective=" + objective
                + ", bound=" + bound + ", iterations=" + iterations + ", solveTimeMillis=" + solveTimeMillis
                + ", violations=" + violations + ", message=" + message + ", solution=" + solution + "]";
    }
}
