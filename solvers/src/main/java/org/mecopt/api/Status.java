package org.mecopt.api;

/**
 * What a solver knows about the solution it returns, one meaning per value.
 *
 * <p>MathOptInterface splits this in two: a termination status (why the solver stopped: OPTIMAL,
 * LOCALLY_SOLVED, INFEASIBLE, TIME_LIMIT, NUMERICAL_ERROR, …) and a primal status (what the returned
 * point is: FEASIBLE_POINT, INFEASIBLE_POINT, NO_SOLUTION, …). Most of the nine-by-six combinations
 * cannot occur for our solvers, and a user would have to read two fields to answer the only
 * question most scripts ask ("may I use this point?"). So we keep one enum, one value per
 * combination that does occur, and {@link #hasFeasibleSolution()} answers that question:
 * <table>
 *   <caption>Status and MathOptInterface's (termination, primal) pair</caption>
 *   <tr><th>Status</th><th>termination</th><th>primal</th></tr>
 *   <tr><td>OPTIMAL</td><td>OPTIMAL</td><td>FEASIBLE_POINT</td></tr>
 *   <tr><td>LOCALLY_OPTIMAL</td><td>LOCALLY_SOLVED</td><td>FEASIBLE_POINT</td></tr>
 *   <tr><td>FEASIBLE</td><td>(a heuristic's end, e.g. OTHER_LIMIT)</td><td>FEASIBLE_POINT</td></tr>
 *   <tr><td>LIMIT_REACHED</td><td>TIME_LIMIT, ITERATION_LIMIT, …</td><td>FEASIBLE_POINT</td></tr>
 *   <tr><td>LIMIT_REACHED_NO_SOLUTION</td><td>TIME_LIMIT, ITERATION_LIMIT, …</td><td>INFEASIBLE_POINT or NO_SOLUTION</td></tr>
 *   <tr><td>INFEASIBLE_POINT</td><td>(a heuristic's end, e.g. LOCALLY_INFEASIBLE)</td><td>INFEASIBLE_POINT</td></tr>
 *   <tr><td>INFEASIBLE</td><td>INFEASIBLE</td><td>NO_SOLUTION or INFEASIBILITY_CERTIFICATE</td></tr>
 *   <tr><td>NUMERICAL_ERROR</td><td>NUMERICAL_ERROR</td><td>UNKNOWN_RESULT_STATUS</td></tr>
 *   <tr><td>UNSUPPORTED</td><td>INVALID_MODEL / UNSUPPORTED (returned, never thrown)</td><td>NO_SOLUTION</td></tr>
 * </table>
 *
 * <p>The solve template ({@link ProblemSolver#solve}) re-checks every claim: a claimed OPTIMAL,
 * LOCALLY_OPTIMAL or FEASIBLE whose point violates a constraint becomes INFEASIBLE_POINT, a claimed
 * LIMIT_REACHED with violations becomes LIMIT_REACHED_NO_SOLUTION, and a non-finite objective
 * becomes NUMERICAL_ERROR (see {@link #checked}).
 */
public enum Status {
    /** Proven optimal within the solver's stated tolerance. */
    OPTIMAL,
    /** A stationary point of a non-convex problem: no improving direction, no global proof. */
    LOCALLY_OPTIMAL,
    /** Satisfies every constraint; optimality not proven. */
    FEASIBLE,
    /** A time or iteration limit stopped the solver; the returned point is feasible, the best found. */
    LIMIT_REACHED,
    /** A time or iteration limit stopped the solver before it found a feasible point. */
    LIMIT_REACHED_NO_SOLUTION,
    /**
     * No feasible solution was found; the returned point's violations are listed in
     * {@link Result#violations()} (e.g. the {@code goa} baseline overloading a server). Says
     * nothing about the problem, which may well have feasible points.
     */
    INFEASIBLE_POINT,
    /** Proven: the problem has no feasible point. */
    INFEASIBLE,
    /** The method broke down numerically; the solution must not be trusted. */
    NUMERICAL_ERROR,
    /**
     * A valid instance outside this solver's domain (e.g. {@code exact-single-carrier} with more
     * than one subcarrier); the result has no solution and the message says why.
     */
    UNSUPPORTED;

    /** True when the solution may be used as a feasible point of the problem. */
    public boolean hasFeasibleSolution() {
        return this == OPTIMAL || this == LOCALLY_OPTIMAL || this == FEASIBLE || this == LIMIT_REACHED;
    }

    /**
     * The status a result may state when a solver claims this one for a point with the given
     * check: claims of a feasible point are withdrawn when the point has violations, and a
     * non-finite objective is a numerical error whatever was claimed.
     */
    public Status checked(boolean hasViolations, boolean finiteObjective) {
        if (this == UNSUPPORTED) {
            return this;
        }
        if (!finiteObjective) {
            return NUMERICAL_ERROR;
        }
        if (!hasViolations) {
            return this;
        }
        return switch (this) {
            case OPTIMAL, LOCALLY_OPTIMAL, FEASIBLE -> INFEASIBLE_POINT;
            case LIMIT_REACHED -> LIMIT_REACHED_NO_SOLUTION;
            default -> this;
        };
    }
}
