package org.mecopt.numeric;

import org.mecopt.api.Status;

/**
 * What {@link InteriorPointSolver#solve} returns. The arrays are fresh copies owned by the caller.
 *
 * <p>Status: {@code OPTIMAL} — residuals ≤ feasibility tolerance and gap ≤ gap tolerance;
 * {@code INFEASIBLE} — Phase I found no strictly feasible point (its optimal {@code s ≥ 0});
 * {@code LIMIT_REACHED} — iteration limit, deadline ({@link InteriorPointSolver#solve(ConvexProblem, double[], org.mecopt.api.Deadline)}) or a stalled line search: {@code x} is the last iterate,
 * strictly inside the inequalities only if {@link #maxInequality()} {@code < 0} (not so when
 * Phase I ran out); {@code NUMERICAL_ERROR} — a non-finite value or an unsolvable Newton system;
 * nothing in the result may be trusted.
 *
 * @param status         see above; never {@code NaN} results with another status
 * @param x              the last iterate, length n
 * @param lambda         inequality multipliers {@code λ > 0} in {@link ConvexProblem}'s order;
 *                       for {@code INFEASIBLE}, Phase I's multipliers (a certificate: they sum to
 *                       ≈ 1 and {@code Σ λ_i f_i(x) > 0} for every x in the equality set)
 * @param nu             equality multipliers, length p
 * @param objective      {@code f0(x)}
 * @param gap            the surrogate duality gap {@code η̂ = −Σ λ_i f_i(x)}; when the dual
 *                       residual is ≈ 0, {@code objective − gap ≤ p* ≤ objective} (0 when m = 0)
 * @param primalResidual {@code ‖A x − b‖₂}
 * @param dualResidual   {@code ‖∇f0(x) + Σ λ_i ∇f_i(x) + Aᵀν‖₂}
 * @param maxInequality  {@code max_i f_i(x)}, {@code −∞} when m = 0
 * @param iterations     Newton iterations of Phase II
 * @param phaseOneIterations Newton iterations of Phase I (0 when the start was strictly feasible)
 * @param message        a short human-readable reason
 */
public record InteriorPointResult(Status status, double[] x, double[] lambda, double[] nu, double objective,
        double gap, double primalResidual, double dualResidual, double maxInequality, int iterations,
        int phaseOneIterations, String message) {

    /** True when x satisfies every inequality strictly and the equalities within {@code tolerance}. */
    public boolean isFeasible(double tolerance) {
        return maxInequality < 0 && primalResidual <= tolerance;
    }

    /** A lower bound {@code objective − gap} on p*, valid when the dual residual is ≈ 0. */
    public double lowerBound() {
        return objective - gap;
    }
}
