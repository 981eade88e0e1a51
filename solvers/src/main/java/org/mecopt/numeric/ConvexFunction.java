package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;

/**
 * A convex, twice continuously differentiable function {@code R^n → R}, as the interior-point
 * method {@link InteriorPointSolver} sees it: an objective {@code f0} or an inequality constraint
 * {@code f_i(x) ≤ 0}.
 *
 * <p>Implementations write into caller-provided storage so that the solver allocates nothing per
 * iteration. The solver only evaluates points where every inequality constraint is finite, but a
 * function may return {@code NaN} or {@code +∞} outside its domain (for example {@code log} of a
 * negative number): for constraints the line search then shortens the step; a non-finite value at
 * an accepted point ends the solve with {@link org.mecopt.api.Status#NUMERICAL_ERROR}.
 *
 * <p>Convexity is the caller's promise; it is not checked. For linear constraints use
 * {@link ConvexProblem.Builder#linearInequality} instead: they need no Hessian and are faster.
 */
public interface ConvexFunction {

    /**
     * The value {@code f(x)}.
     *
     * @param x the point, length n, not modified
     */
    double value(double[] x);

    /**
     * Writes {@code ∇f(x)} into {@code gradient}.
     *
     * @param x        the point, length n, not modified
     * @param gradient output, length n, modified (every entry is overwritten)
     */
    void gradient(double[] x, double[] gradient);

    /**
     * Adds {@code scale · ∇²f(x)} to {@code hessian}: {@code hessian += scale ∇²f(x)}.
     *
     * <p>Adding (rather than overwriting) lets the solver accumulate
     * {@code ∇²f0 + Σ λ_i ∇²f_i} in one matrix without temporaries. The solver reads only the
     * upper triangle (entries {@code (i, j)} with {@code j ≥ i}) and mirrors it, so an
     * implementation may add just that half, saving half the work of a dense Hessian; adding the
     * lower half as well is harmless.
     *
     * @param x       the point, length n, not modified
     * @param scale   the factor, {@code ≥ 0} when called by the solver
     * @param hessian n × n, modified (added to, never cleared)
     */
    void addHessian(double[] x, double scale, DMatrixRMaj hessian);
}
