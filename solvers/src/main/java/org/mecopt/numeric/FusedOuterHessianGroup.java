package org.mecopt.numeric;

import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * Consecutive {@link FusedOuterHessian} constraints of one problem that add their terms of the
 * Newton matrix in one call: {@code Σ_q (scale_q ∇²f_q(x) + outer_q ∇f_q ∇f_qᵀ)} over the members.
 *
 * <p><b>Why.</b> At ICA's K = 50, N = 4 each of the K rate constraints adds a dense rank-one
 * term to the upper triangle of the (NK+1)² matrix: K passes over a matrix too large for the
 * first-level cache, a third of each Newton step. A group can add all of them row by row
 * instead, each row of the matrix staying in cache while all members' terms are added to it.
 * The solver calls {@link #addHessiansAndOuters} instead of the members' own
 * {@link FusedOuterHessian#addHessianAndOuter} when it finds the members declared consecutively
 * in this order (see {@link FusedOuterHessian#group()}); otherwise it calls the members one by one.
 * An implementation must give the same sums as those calls in order; ICA's gives the same bits
 * (each entry receives the same terms in the same order).
 */
public interface FusedOuterHessianGroup {

    /** The members, in the order in which they are declared (consecutively) in the problem. */
    List<? extends FusedOuterHessian> members();

    /**
     * Adds {@code Σ_q (scales[q] ∇²f_q(x) + outers[q] ∇f_q(x) ∇f_q(x)ᵀ)} over the members q in
     * order; as in {@link ConvexFunction#addHessian}, adding the upper triangle suffices.
     *
     * @param x       the point, length n, not modified
     * @param scales  one factor per member, {@code ≥ 0} when called by the solver, not modified
     * @param outers  one factor per member, {@code ≥ 0} when called by the solver, not modified
     * @param hessian n × n, modified (added to, never cleared)
     */
    void addHessiansAndOuters(double[] x, double[] scales, double[] outers, DMatrixRMaj hessian);
}
