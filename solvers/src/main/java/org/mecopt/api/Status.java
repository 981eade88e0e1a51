package org.mecopt.api;

/**
 * What a solver knows about the solution it returns.
 *
 * <p>OPTIMAL and FEASIBLE are both normal outcomes: FEASIBLE means the solution satisfies every
 * constraint but optimality was not proven (a heuristic, or a bound that did not close).
 */
public enum Status {
    /** Proven optimal within the solver's stated tolerance. */
    OPTIMAL,
    /** A stationary point of a non-convex problem: no improving direction, no global proof. */
    LOCALLY_OPTIMAL,
    /** Satisfies every constraint; optimality not proven. */
    FEASIBLE,
    /**
     * The returned solution violates a constraint (listed in {@link Result#violations()}), or the
     * problem itself has no feasible solution.
     */
    INFEASIBLE,
    /** A time or iteration limit stopped the solver; the solution, if any, is the best found. */
    LIMIT_REACHED,
    /** The method broke down numerically; the solution must not be trusted. */
    NUMERICAL_ERROR;

    /** True when the solution may be used as a feasible point of the problem. */
    public boolean hasFeasibleSolution() {
        return this == OPTIMAL || this == LOCALLY_OPTIMAL || this == FEASIBLE || this == LIMIT_REACHED;
    }
}
