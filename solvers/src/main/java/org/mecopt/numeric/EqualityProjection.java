package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * Moves y[0..n) to the nearest point of {A x = b} when it is not on it (least-norm correction
 * {@code x −= Aᵀ (A Aᵀ)⁻¹ (A x − b)}): linear Newton steps then keep A x = b, and the Phase I
 * start is no longer in a tug of war between the equalities and curved inequalities. When
 * {@code A Aᵀ} is singular, a small shift is tried; if the system is inconsistent the start is
 * left as it is and Phase I reports the infeasibility.
 */
final class EqualityProjection {
    private final InteriorPointOptions options;
    private final LinearSolverChol_DDRM chol = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));

    EqualityProjection(InteriorPointOptions options) {
        this.options = options;
    }

    /** Moves the iterate's x, {@code y[0..n)}, towards {@code A x = b}. */
    void project(Iterate it) {
        double[] res = new double[it.p];
        System.arraycopy(it.y, 0, it.xs, 0, it.n);
        it.problem.equalityResiduals(it.xs, res);
        if (Iterate.norm(res, it.p) <= options.feasibilityTolerance()) {
            return;
        }
        DMatrixRMaj a = it.problem.a();
        DMatrixRMaj aat = new DMatrixRMaj(it.p, it.p);
        CommonOps_DDRM.multOuter(a, aat);
        double scale = 0;
        for (int i = 0; i < it.p; i++) {
            scale = Math.max(scale, aat.get(i, i));
        }
        DMatrixRMaj rhs = new DMatrixRMaj(it.p, 1, true, res);
        DMatrixRMaj z = new DMatrixRMaj(it.p, 1);
        for (int attempt = 0; attempt < 4; attempt++) {
            DMatrixRMaj m = aat.copy();
            double shift = attempt == 0 ? 0 : scale * 1e-12 * Math.pow(1e3, attempt - 1);
            for (int i = 0; i < it.p; i++) {
                m.add(i, i, shift);
            }
            if (chol.setA(m)) {
                chol.solve(rhs, z);
                double[] trial = java.util.Arrays.copyOf(it.y, it.n);
                for (int i = 0; i < it.p; i++) {
                    for (int j = 0; j < it.n; j++) {
                        trial[j] -= a.get(i, j) * z.get(i);
                    }
                }
                double[] after = new double[it.p];
                it.problem.equalityResiduals(trial, after);
                if (Iterate.allFinite(trial) && Iterate.norm(after, it.p) < Iterate.norm(res, it.p)) {
                    System.arraycopy(trial, 0, it.y, 0, it.n);
                }
                return;
            }
        }
    }
}
