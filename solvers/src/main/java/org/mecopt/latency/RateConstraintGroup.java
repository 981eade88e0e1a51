package org.mecopt.latency;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.mecopt.numeric.FusedOuterHessianGroup;

/**
 * The K {@link LinearizedRateConstraint}s of one ICA subproblem, adding their terms of the
 * interior-point method's Newton matrix together, row by row.
 *
 * <p><b>Why.</b> Each user's constraint adds {@code a_k ∇R̃_k∇R̃_kᵀ} (dense, NK × NK) plus its
 * N diagonal blocks {@code s_nk G_nk G_nkᵀ}. Added one constraint after the other, that is K
 * passes over the upper triangle of the (NK+1)² matrix, which at K = 50, N = 4 (323 kB) does not
 * stay in the first-level cache: those passes were a third of each Newton step. Here each row of
 * the matrix receives all K users' terms while it is in cache, four users' rank-one terms per
 * pass along the row where no block term lies between them.
 *
 * <p><b>Same bits.</b> Every entry receives the same terms, computed the same way and added in
 * the same order (user 0's rank-one term, then its block term where the entry is in a block,
 * then user 1's, …), as when each constraint's {@link LinearizedRateConstraint#addHessianAndOuter}
 * is called in turn, so the interior-point iterates are unchanged (test
 * {@code FusedRateHessianTest} compares both with {@code ==}). The one difference: a rank-one
 * term that is exactly 0 is added here (as ±0) where the single call skips it, which can only
 * change the sign of an entry that is exactly 0, or, with an infinite or NaN factor (an iterate
 * that overflowed, which the interior-point method does not let through), give NaN where the
 * single call gave ±∞.
 */
final class RateConstraintGroup implements FusedOuterHessianGroup {
    private final LatencyInstance instance;
    private final int users;
    private final int subcarriers;
    private final LinearizedRateConstraint[] members;
    private List<LinearizedRateConstraint> memberList = List.of();
    /**
     * User q's gains on every subcarrier, {@code G_nq·} at {@code [nK, (n+1)K)}: in row i of
     * subcarrier n's block, user q's block term at column j is {@code s_nq · userGains[q][i] · userGains[q][j]}.
     */
    private final double[][] userGains;
    /** Work arrays: the members' rate gradients, rank-one, cross and block factors, and one row of the matrix. */
    private final double[][] gradients;
    private final double[] row;
    private final double[] rankOne;
    private final double[] cross;
    private final double[] blockScale;

    /** An empty group for {@code instance}'s users; {@link #setMembers} fills it. */
    RateConstraintGroup(LatencyInstance instance) {
        this.instance = instance;
        this.users = instance.userCount();
        this.subcarriers = instance.subcarrierCount();
        this.members = new LinearizedRateConstraint[users];
        int nk = users * subcarriers;
        this.gradients = new double[users][nk];
        this.row = new double[nk];
        this.userGains = new double[users][nk];
        for (int q = 0; q < users; q++) {
            for (int n = 0; n < subcarriers; n++) {
                System.arraycopy(instance.gainRow(n, q), 0, userGains[q], n * users, users);
            }
        }
        this.rankOne = new double[users];
        this.cross = new double[users];
        this.blockScale = new double[users * subcarriers];
    }

    /** The members, user k's constraint at index k, each built with this group. */
    void setMembers(LinearizedRateConstraint[] constraints) {
        if (constraints.length != users) {
            throw new IllegalArgumentException("expected " + users + " constraints, got " + constraints.length);
        }
        for (int k = 0; k < users; k++) {
            if (constraints[k].user() != k || constraints[k].group() != this) {
                throw new IllegalArgumentException("constraint " + k + " is not user " + k + "'s of this group");
            }
        }
        System.arraycopy(constraints, 0, members, 0, users);
        memberList = Collections.unmodifiableList(Arrays.asList(members));
    }

    @Override
    public List<LinearizedRateConstraint> members() {
        return memberList; // asked once per Newton step: no new list each time
    }

    @Override
    public void addHessiansAndOuters(double[] x, double[] scales, double[] outers, DMatrixRMaj hessian) {
        int nk = users * subcarriers;
        for (int q = 0; q < users; q++) {
            LinearizedRateConstraint member = members[q];
            LinearizedRateConstraint.Terms terms = member.terms(x, scales[q], outers[q]);
            System.arraycopy(member.rateGradient(), 0, gradients[q], 0, nk);
            rankOne[q] = terms.rankOne();
            cross[q] = terms.cross();
            for (int n = 0; n < subcarriers; n++) {
                blockScale[q * subcarriers + n] = member.blockScale(terms, n);
            }
        }
        int dim = hessian.numCols;
        double[] data = hessian.data;
        double[] acc = row;
        for (int i = 0; i < nk; i++) {
            int n = i / users;
            int blockEnd = (n + 1) * users;
            int start = i * dim;
            // the row's upper part in its own array: every array below is indexed by the same j,
            // which lets the JIT vectorize the loops
            System.arraycopy(data, start + i, acc, i, nk - i);
            // inside subcarrier n's block: user q's rank-one term, then its block term, q = 0, 1, …,
            // two users per pass (with four, nine loads per iteration, C2 did not vectorize the loop:
            // 0.17 against 0.09 ns per multiply-add on rows of 25 in a micro-benchmark)
            int q = 0;
            for (; q + 1 < users; q += 2) {
                double[] g0 = gradients[q];
                double[] g1 = gradients[q + 1];
                double[] h0 = userGains[q];
                double[] h1 = userGains[q + 1];
                double a0 = rankOne[q] * g0[i];
                double a1 = rankOne[q + 1] * g1[i];
                double b0 = blockScale[q * subcarriers + n] * h0[i];
                double b1 = blockScale[(q + 1) * subcarriers + n] * h1[i];
                for (int j = i; j < blockEnd; j++) {
                    acc[j] = acc[j] + a0 * g0[j] + b0 * h0[j] + a1 * g1[j] + b1 * h1[j];
                }
            }
            for (; q < users; q++) {
                double[] gq = gradients[q];
                double[] hq = userGains[q];
                double a = rankOne[q] * gq[i];
                double b = blockScale[q * subcarriers + n] * hq[i];
                for (int j = i; j < blockEnd; j++) {
                    acc[j] = acc[j] + a * gq[j] + b * hq[j];
                }
            }
            // beyond the block: rank-one terms only, four users per pass
            q = 0;
            for (; q + 3 < users; q += 4) {
                double[] g0 = gradients[q];
                double[] g1 = gradients[q + 1];
                double[] g2 = gradients[q + 2];
                double[] g3 = gradients[q + 3];
                double a0 = rankOne[q] * g0[i];
                double a1 = rankOne[q + 1] * g1[i];
                double a2 = rankOne[q + 2] * g2[i];
                double a3 = rankOne[q + 3] * g3[i];
                for (int j = blockEnd; j < nk; j++) {
                    acc[j] = acc[j] + a0 * g0[j] + a1 * g1[j] + a2 * g2[j] + a3 * g3[j];
                }
            }
            for (; q < users; q++) {
                double[] gq = gradients[q];
                double a = rankOne[q] * gq[i];
                for (int j = blockEnd; j < nk; j++) {
                    acc[j] = acc[j] + a * gq[j];
                }
            }
            System.arraycopy(acc, i, data, start + i, nk - i);
            // the w column
            for (int u = 0; u < users; u++) {
                if (outers[u] != 0) {
                    data[start + nk] += cross[u] * gradients[u][i];
                }
            }
        }
        for (int u = 0; u < users; u++) {
            if (outers[u] != 0) {
                data[nk * dim + nk] += outers[u];
            }
        }
    }
}
