package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;

/**
 * A {@link ConvexFunction} that adds its Hessian and a multiple of its gradient's outer product in
 * one pass, for the primal-dual Newton matrix, which needs {@code λ ∇²f + (−λ/f) ∇f ∇fᵀ} for every
 * nonlinear constraint.
 *
 * <p><b>Why.</b> Where {@code ∇²f} itself has a dense rank-one term along (most of) {@code ∇f},
 * the two dense rank-one updates of the n × n matrix merge into one. ICA's rate constraints are
 * such functions ({@code f = w − c − τ h(R̃(p))}: {@code ∇f = (−τh'∇R̃, 1)} and
 * {@code ∇²f = −τh''∇R̃∇R̃ᵀ} plus a block-diagonal term), and at K = 50 users the two updates of
 * each of the K constraints were half the assembly of the Newton matrix, itself half of each
 * Newton step. The {@link InteriorPointSolver} calls this method instead of
 * {@link #addHessian} (and leaves the function's row out of the outer products it forms itself)
 * in Phase II; Phase I keeps the separate form (its constraints are shifted by a slack variable).
 */
public interface FusedOuterHessian extends ConvexFunction {

    /**
     * Adds {@code scale · ∇²f(x) + outer · ∇f(x) ∇f(x)ᵀ} to {@code hessian}; as in
     * {@link ConvexFunction#addHessian}, adding the upper triangle suffices.
     *
     * @param x       the point, length n, not modified
     * @param scale   the Hessian's factor, {@code ≥ 0} when called by the solver
     * @param outer   the outer product's factor, {@code ≥ 0} when called by the solver
     * @param hessian n × n, modified (added to, never cleared)
     */
    void addHessianAndOuter(double[] x, double scale, double outer, DMatrixRMaj hessian);

    /**
     * The group whose {@link FusedOuterHessianGroup#addHessiansAndOuters} adds this constraint's
     * terms together with its fellow members', or null (the default) to be added on its own. The
     * solver uses the group only where all its members are declared consecutively, in order.
     */
    default FusedOuterHessianGroup group() {
        return null;
    }
}
