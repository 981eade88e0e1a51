package org.mecopt.numeric;

/**
 * Settings of {@link InteriorPointSolver}.
 *
 * @param feasibilityTolerance bound on the primal residual {@code ‖A x − b‖₂} and the dual
 *                             residual {@code ‖∇f0 + Σ λ_i ∇f_i + Aᵀν‖₂} at termination
 *                             (absolute: scale the problem to O(1) numbers)
 * @param gapTolerance         bound on the surrogate duality gap {@code −Σ λ_i f_i(x)} at
 *                             termination (absolute)
 * @param maxIterations        Newton iterations allowed in each phase (Phase I, then Phase II)
 * @param mu                   the factor {@code μ > 1} in {@code t = μ m / η̂}
 * @param secondOrderCorrection whether Phase II corrects the Newton direction for the curvature of
 *                             nonlinear constraints that block the step, and locates the
 *                             feasibility boundary by bisection in its line search (see
 *                             {@link PrimalDualIteration}); off by default
 */
public record InteriorPointOptions(double feasibilityTolerance, double gapTolerance, int maxIterations,
        double mu, boolean secondOrderCorrection) {

    /** Without the second-order correction. */
    public InteriorPointOptions(double feasibilityTolerance, double gapTolerance, int maxIterations, double mu) {
        this(feasibilityTolerance, gapTolerance, maxIterations, mu, false);
    }

    public InteriorPointOptions {
        if (!(feasibilityTolerance > 0) || !(gapTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be > 0");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(mu > 1) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("mu must be > 1, got " + mu);
        }
    }

    /** Feasibility 1e-8, gap 1e-8, 100 iterations per phase, μ = 10 (Boyd &amp; Vandenberghe §11.7). */
    public static InteriorPointOptions defaults() {
        return new InteriorPointOptions(1e-8, 1e-8, 100, 10);
    }

    public InteriorPointOptions withFeasibilityTolerance(double value) {
        return new InteriorPointOptions(value, gapTolerance, maxIterations, mu, secondOrderCorrection);
    }

    public InteriorPointOptions withGapTolerance(double value) {
        return new InteriorPointOptions(feasibilityTolerance, value, maxIterations, mu, secondOrderCorrection);
    }

    public InteriorPointOptions withMaxIterations(int value) {
        return new InteriorPointOptions(feasibilityTolerance, gapTolerance, value, mu, secondOrderCorrection);
    }

    public InteriorPointOptions withMu(double value) {
        return new InteriorPointOptions(feasibilityTolerance, gapTolerance, maxIterations, value, secondOrderCorrection);
    }

    public InteriorPointOptions withSecondOrderCorrection(boolean value) {
        return new InteriorPointOptions(feasibilityTolerance, gapTolerance, maxIterations, mu, value);
    }
}
