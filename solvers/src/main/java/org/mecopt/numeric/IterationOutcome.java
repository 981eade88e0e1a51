package org.mecopt.numeric;

/** How one run of an iteration ended; {@link InteriorPointSolver} maps it to a {@code Status}. */
enum IterationOutcome {
    /** The tolerances are met (in Phase I also: a positive lower bound on s certifies infeasibility). */
    CONVERGED,
    /** Phase I only: {@code s < 0} with {@code A x ≈ b}, a strictly feasible start for Phase II. */
    FEASIBLE_POINT,
    LIMIT,
    /** The line search found no acceptable step. */
    STALL,
    NUMERIC,
    SINGULAR,
    /** The deadline passed (looked at once per Newton iteration and per factorization attempt). */
    TIME
}
