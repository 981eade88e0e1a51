package org.mecopt.api;

import java.util.List;

/**
 * What a solver returns: the solution and everything the solver knows about it.
 *
 * <p>Build results with {@link #checked}, which evaluates the objective and re-checks feasibility
 * with the problem's own rules, so a returned status never claims more than the solution shows.
 *
 * @param problem problem family name
 * @param solver solver name
 * @param status what is known about {@code solution}
 * @param solution the solution (never null: even a failed solve returns its last iterate)
 * @param objective the problem's objective at {@code solution}, never NaN
 * @param bound a proven bound on the optimum (lower for minimization, upper for maximization),
 *     or null when the solver knows none
 * @param iterations solver iterations (nodes, passes, …; the solver's Javadoc says which)
 * @param solveTimeMillis wall time of the solve itself, excluding one-time library loading
 * @param violations the constraints {@code solution} violates; empty when feasible
 * @param message a short human-readable note (why a limit was hit, what broke), or empty
 */
public record Result<S>(String problem, String solver, Status status, S solution, double objective,
                        Double bound, long iterations, double solveTimeMillis, List<String> violations,
                        String message) {

    /** Relative distance within which a bound on the wrong side of the objective is rounding. */
    static final double ROUNDING = 1e-12;

    public Result {
        violations = List.copyOf(violations);
        message = message == null ? "" : message;
    }

    /**
     * Evaluates {@code solution} on {@code problem} and assembles a result whose status is
     * downgraded to INFEASIBLE when the problem's own check finds a violation, and to
     * NUMERICAL_ERROR when the objective is not a number.
     *
     * @param startNanos {@link System#nanoTime()} taken when the solve started
     */
    public static <S> Result<S> checked(Problem<S> problem, String solver, Status claimed, S solution,
                                        Double bound, long iterations, long startNanos, String message) {
        double elapsed = (System.nanoTime() - startNanos) / 1e6;
        List<String> violations = problem.violations(solution);
        double objective = problem.objective(solution);
        Status status = claimed;
        String note = message == null ? "" : message;
        if (!violations.isEmpty() && status != Status.NUMERICAL_ERROR) {
            status = Status.INFEASIBLE;
        }
        if (!Double.isFinite(objective)) {
            note = (note.isEmpty() ? "" : note + "; ") + "objective is " + objective;
            status = Status.NUMERICAL_ERROR;
            objective = problem.minimize() ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        Double b = bound == null || !Double.isFinite(bound) ? null : bound;
        if (b != null && Math.abs(b - objective) <= ROUNDING * Math.abs(objective)
                && (problem.minimize() ? b > objective : b < objective)) {
            b = objective; // a bound computed along another path may cross an optimal objective by rounding
        }
        return new Result<>(problem.problemName(), solver, status, solution, objective, b, iterations,
                elapsed, violations, note);
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
}
