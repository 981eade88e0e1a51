package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * The Newton step of the primal-dual method: with Δλ eliminated, the KKT system
 * <pre>
 *   [ H_pd  Aᵀ ] [Δx]   [ rhs1 ]
 *   [ A     0  ] [Δν] = [ −r_pri ],   H_pd = ∇²f0 + Σ λ_i ∇²f_i + Σ (−λ_i / f_i) ∇f_i ∇f_iᵀ,
 * </pre>
 * solved by Cholesky of {@code H_pd} ({@link DenseCholesky}, on the upper triangle only) and the
 * Schur complement {@code A H_pd⁻¹ Aᵀ}. When
 * {@code H_pd} is singular it retries with {@code H_pd + ρ AᵀA} (an equivalent system), then with
 * a growing diagonal shift. The barrier method's Newton step is the same system with λ at its
 * central values, so both iterations share this class.
 */
final class KktSystem {
    /** A Cholesky pivot below this fraction of its diagonal entry counts as singular. */
    private static final double PIVOT_RATIO = 1e-14;

    private double[] kdiag;
    private DMatrixRMaj w;
    private DMatrixRMaj hpd;
    /** H_pd (+ ρAᵀA, + δI) and, factored, its R: one array per row ({@link DenseCholesky}). */
    private double[][] factor;
    private DMatrixRMaj hx;
    private DMatrixRMaj bRhs;
    private DMatrixRMaj sol;
    private DMatrixRMaj schur;
    private DMatrixRMaj nuRhs;
    private DMatrixRMaj nuSol;
    /** The column patterns of W's row groups in the current phase ({@link #gramPatterns}). */
    private int[][] gramPatterns;
    /** The per-member factors handed to a {@link FusedOuterHessianGroup}. */
    private double[] groupScales;
    private double[] groupOuters;
    /** One right-hand side at a time for {@link DenseCholesky#solve}. */
    private double[] column;
    private final LinearSolverChol_DDRM cholS = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
    /** The ρ of the factorization the last successful {@link #solve} used, NaN when there is none. */
    private double factoredRho = Double.NaN;

    /** (Re)allocates the work matrices for up to capN variables, capM inequalities, capP equalities. */
    void allocate(int capN, int capM, int capP) {
        kdiag = new double[capN];
        w = new DMatrixRMaj(capM, capN);
        hpd = new DMatrixRMaj(capN, capN);
        factor = new double[capN][capN];
        hx = new DMatrixRMaj(capN, capN);
        bRhs = new DMatrixRMaj(capN, capP + 1);
        sol = new DMatrixRMaj(capN, capP + 1);
        schur = new DMatrixRMaj(Math.max(1, capP), Math.max(1, capP));
        nuRhs = new DMatrixRMaj(Math.max(1, capP), 1);
        nuSol = new DMatrixRMaj(Math.max(1, capP), 1);
        column = new double[capN];
    }

    /** Shapes the matrices for the phase {@code it} was set up for. */
    void setUpPhase(Iterate it) {
        w.reshape(it.bigM, it.bigN);
        w.zero(); // assemble writes only the entries that can be non-zero
        gramPatterns = gramPatterns(it);
        hpd.reshape(it.bigN, it.bigN);
        bRhs.reshape(it.bigN, it.p + 1);
        sol.reshape(it.bigN, it.p + 1);
    }

    /**
     * H_pd = WᵀW (W_i = √(−λ_i/f_i) ∇f_i) + ∇²f0 + Σ λ_i ∇²f_i, into {@code hpd}. In Phase II a
     * {@link FusedOuterHessian} constraint adds its own outer product with its Hessian, and its row
     * of W is left out.
     */
    void assemble(Iterate it) {
        double[] src = it.df.data;
        double[] dst = w.data;
        ConvexFunction[] nl = it.problem.nonlinear();
        // W's rows: the linear rows' non-zeros only and no fused rows (those entries stay the 0
        // that setUpPhase wrote), the other nonlinear rows in full
        Iterate.Sparse linear = it.linear;
        for (int i = 0; i < it.ml; i++) {
            double d = Math.sqrt(-it.lam[i] / it.f[i]);
            int o = i * it.bigN;
            for (int k = linear.start[i]; k < linear.start[i + 1]; k++) {
                dst[o + linear.column[k]] = linear.value[k] * d;
            }
        }
        for (int i = it.ml; i < it.bigM; i++) {
            if (fused(it, nl, i)) {
                continue;
            }
            double d = Math.sqrt(-it.lam[i] / it.f[i]);
            int o = i * it.bigN;
            for (int j = 0; j < it.bigN; j++) {
                dst[o + j] = src[o + j] * d;
            }
        }
        hpd.reshape(it.bigN, it.bigN);
        addGramUpper(dst, it.bigM, it.bigN, hpd.data, gramPatterns);
        System.arraycopy(it.y, 0, it.xs, 0, it.n);
        if (it.phaseOne) {
            hx.reshape(it.n, it.n);
            hx.zero();
            for (int q = 0; q < nl.length; q++) {
                nl[q].addHessian(it.xs, it.lam[it.ml + q], hx);
            }
            for (int i = 0; i < it.n; i++) {
                for (int j = 0; j < it.n; j++) {
                    hpd.data[i * it.bigN + j] += hx.data[i * it.n + j];
                }
            }
        } else {
            it.problem.objective().addHessian(it.xs, 1.0, hpd);
            for (int q = 0; q < nl.length; q++) {
                int row = it.ml + q;
                if (nl[q] instanceof FusedOuterHessian fused) {
                    int size = groupSizeAt(fused.group(), nl, q);
                    if (size > 0) {
                        for (int g = 0; g < size; g++) {
                            groupScales[g] = it.lam[row + g];
                            groupOuters[g] = -it.lam[row + g] / it.f[row + g];
                        }
                        fused.group().addHessiansAndOuters(it.xs, groupScales, groupOuters, hpd);
                        q += size - 1;
                        continue;
                    }
                    fused.addHessianAndOuter(it.xs, it.lam[row], -it.lam[row] / it.f[row], hpd);
                } else {
                    nl[q].addHessian(it.xs, it.lam[row], hpd);
                }
            }
        }
        // Only the upper triangle is filled (ConvexFunction#addHessian) and only it is factored.
    }

    /**
     * The number of members of {@code group} when they are the nonlinear constraints {@code q, q+1, …}
     * in order (the group then adds all their terms), else 0.
     */
    private int groupSizeAt(FusedOuterHessianGroup group, ConvexFunction[] nl, int q) {
        if (group == null) {
            return 0;
        }
        java.util.List<? extends FusedOuterHessian> members = group.members();
        int size = members.size();
        if (size == 0 || q + size > nl.length) {
            return 0;
        }
        for (int g = 0; g < size; g++) {
            if (members.get(g) != nl[q + g]) {
                return 0;
            }
        }
        if (groupScales == null || groupScales.length < size) {
            groupScales = new double[size];
            groupOuters = new double[size];
        }
        return size;
    }

    /** Whether inequality {@code i} of the working problem is a Phase II {@link FusedOuterHessian} constraint. */
    private static boolean fused(Iterate it, ConvexFunction[] nl, int i) {
        return !it.phaseOne && i >= it.ml && nl[i - it.ml] instanceof FusedOuterHessian;
    }

    /**
     * Writes the upper triangle of {@code WᵀW} (W is rows × cols, row-major) into {@code out}
     * (cols × cols): a sum of row outer products with contiguous inner loops, skipping zero
     * entries, so bound rows (one non-zero) cost O(1). Faster here than EJML's
     * {@code multInner}, whose column-strided inner products dominated the profile.
     */
    static void addGramUpper(double[] w, int rows, int cols, double[] out) {
        addGramUpper(w, rows, cols, out, new int[rows / 4 + rows % 4][]);
    }

    /**
     * {@link #addGramUpper(double[], int, int, double[])} where the rows' non-zero columns are known:
     * rows are taken four at a time (then the last {@code rows % 4} one at a time), and
     * {@code patterns[g]}, when not null, holds the sorted columns outside which the rows of
     * group g are zero (their other terms are ±0 and are skipped). The sums are those of the dense
     * loops, term for term (only the sign of an entry that is exactly 0 can differ). At ICA's
     * K = 50, N = 4 the 250 linear rows hold 400 non-zeros: the dense loops went through all
     * 250 × 201 entries every Newton step.
     */
    static void addGramUpper(double[] w, int rows, int cols, double[] out, int[][] patterns) {
        java.util.Arrays.fill(out, 0, cols * cols, 0.0);
        int i = 0;
        int group = 0;
        // Four rows at a time: four multiply-adds per load/store of out.
        for (; i + 3 < rows; i += 4, group++) {
            int o0 = i * cols;
            int o1 = o0 + cols;
            int o2 = o1 + cols;
            int o3 = o2 + cols;
            int[] pattern = patterns[group];
            int count = pattern == null ? cols : pattern.length;
            for (int pr = 0; pr < count; pr++) {
                int r = pattern == null ? pr : pattern[pr];
                double a0 = w[o0 + r];
                double a1 = w[o1 + r];
                double a2 = w[o2 + r];
                double a3 = w[o3 + r];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                    continue;
                }
                int hr = r * cols;
                if (pattern == null) {
                    for (int c = r; c < cols; c++) {
                        out[hr + c] += a0 * w[o0 + c] + a1 * w[o1 + c] + a2 * w[o2 + c] + a3 * w[o3 + c];
                    }
                } else {
                    for (int pc = pr; pc < count; pc++) {
                        int c = pattern[pc];
                        out[hr + c] += a0 * w[o0 + c] + a1 * w[o1 + c] + a2 * w[o2 + c] + a3 * w[o3 + c];
                    }
                }
            }
        }
        for (; i < rows; i++, group++) {
            int o = i * cols;
            int[] pattern = patterns[group];
            int count = pattern == null ? cols : pattern.length;
            for (int pr = 0; pr < count; pr++) {
                int r = pattern == null ? pr : pattern[pr];
                double wr = w[o + r];
                if (wr == 0) {
                    continue;
                }
                int hr = r * cols;
                if (pattern == null) {
                    for (int c = r; c < cols; c++) {
                        out[hr + c] += wr * w[o + c];
                    }
                } else {
                    for (int pc = pr; pc < count; pc++) {
                        int c = pattern[pc];
                        out[hr + c] += wr * w[o + c];
                    }
                }
            }
        }
    }

    /**
     * The column patterns of {@link #addGramUpper(double[], int, int, double[], int[][])} for the
     * working problem's rows of W: a group's pattern is the union of its linear rows' non-zero
     * columns; fused rows ({@link FusedOuterHessian} in Phase II) are all zero; a group with any
     * other nonlinear row (or Phase I's row {@code s ≥ −1}) is dense (null).
     */
    private static int[][] gramPatterns(Iterate it) {
        ConvexFunction[] nl = it.problem.nonlinear();
        int rows = it.bigM;
        int full = rows / 4 * 4;
        int[][] patterns = new int[rows / 4 + rows % 4][];
        boolean[] used = new boolean[it.bigN];
        int group = 0;
        for (int i = 0; i < rows; group++) {
            int size = i < full ? 4 : 1;
            java.util.Arrays.fill(used, false);
            boolean dense = false;
            for (int r = i; r < i + size; r++) {
                if (r < it.ml) {
                    for (int k = it.linear.start[r]; k < it.linear.start[r + 1]; k++) {
                        used[it.linear.column[k]] = true;
                    }
                } else if (!fused(it, nl, r)) {
                    dense = true;
                }
            }
            if (!dense) {
                int count = 0;
                for (boolean u : used) {
                    count += u ? 1 : 0;
                }
                patterns[group] = new int[count];
                for (int c = 0, k = 0; c < used.length; c++) {
                    if (used[c]) {
                        patterns[group][k++] = c;
                    }
                }
            }
            i += size;
        }
        return patterns;
    }

    /**
     * Solves for (Δx, Δν) into {@code it.dy}, {@code it.dnu} from the right-hand side {@code it.rhs1}
     * and {@code it.rP}, with {@code H_pd} from {@link #assemble}; null on success, else the failure.
     */
    IterationOutcome solve(Iterate it) {
        double maxDiag = 0;
        for (int j = 0; j < it.bigN; j++) {
            double d = hpd.data[j * it.bigN + j];
            if (!Double.isFinite(d)) {
                return IterationOutcome.NUMERIC;
            }
            maxDiag = Math.max(maxDiag, Math.abs(d));
        }
        double scale = Math.max(1, maxDiag);
        // Attempt 0: H_pd; 1: H_pd + ρAᵀA (when p > 0); 2..: H_pd + δI, δ growing.
        for (int attempt = 0; attempt < 9; attempt++) {
            if (attempt > 0 && it.deadline.passed()) {
                return IterationOutcome.TIME; // each attempt is a factorization, O(n³)
            }
            double rho = 0;
            double delta = 0;
            if (attempt == 1) {
                if (it.p == 0) {
                    continue;
                }
                rho = scale;
            } else if (attempt >= 2) {
                delta = scale * 1e-12 * Math.pow(100, attempt - 2);
            }
            int size = it.bigN;
            for (int r = 0; r < size; r++) { // the upper triangle, all that is factored
                System.arraycopy(hpd.data, r * size + r, factor[r], r, size - r);
            }
            if (rho > 0) {
                addRhoATA(it, rho);
            }
            for (int j = 0; j < it.bigN; j++) {
                factor[j][j] += delta;
                kdiag[j] = factor[j][j];
            }
            if (!DenseCholesky.factor(factor, size) || !pivotsOk(factor, kdiag, size)) {
                continue;
            }
            factoredRho = rho;
            if (backSolve(it, rho)) {
                return null;
            }
        }
        factoredRho = Double.NaN;
        return IterationOutcome.SINGULAR;
    }

    /**
     * Solves again, for a new {@code it.rhs1} (same {@code it.rP}), with the factorization of the
     * last successful {@link #solve}: a corrected direction costs back
     * substitutions only. Null on success, else the failure.
     */
    IterationOutcome resolve(Iterate it) {
        if (Double.isNaN(factoredRho)) {
            return IterationOutcome.SINGULAR;
        }
        return backSolve(it, factoredRho) ? null : IterationOutcome.SINGULAR;
    }

    /** Back substitution with the factored {@code H_pd (+ ρAᵀA)}, then the Schur step; false if S fails. */
    private boolean backSolve(Iterate it, double rho) {
        // Right-hand sides: [Aᵀ | rhs1 − ρ Aᵀ rP]
        bRhs.zero();
        double[] a = it.problem.a().data;
        int cols = it.p + 1;
        for (int i = 0; i < it.p; i++) {
            for (int j = 0; j < it.n; j++) {
                bRhs.data[j * cols + i] = a[i * it.n + j];
            }
        }
        for (int j = 0; j < it.bigN; j++) {
            bRhs.data[j * cols + it.p] = it.rhs1[j];
        }
        if (rho > 0) {
            for (int i = 0; i < it.p; i++) {
                double ri = rho * it.rP[i];
                for (int j = 0; j < it.n; j++) {
                    bRhs.data[j * cols + it.p] -= a[i * it.n + j] * ri;
                }
            }
        }
        int size = it.bigN;
        for (int c = 0; c < cols; c++) {
            for (int j = 0; j < size; j++) {
                column[j] = bRhs.data[j * cols + c];
            }
            DenseCholesky.solve(factor, size, column);
            for (int j = 0; j < size; j++) {
                sol.data[j * cols + c] = column[j];
            }
        }
        if (it.p == 0) {
            for (int j = 0; j < it.bigN; j++) {
                it.dy[j] = sol.data[j];
            }
            return true;
        }
        return solveSchur(it, a, cols);
    }

    /** S Δν = A u + rP with S = A Z, then Δx = u − Z Δν; false if S cannot be factored. */
    private boolean solveSchur(Iterate it, double[] a, int cols) {
        schur.reshape(it.p, it.p);
        nuRhs.reshape(it.p, 1);
        nuSol.reshape(it.p, 1);
        double[] z = sol.data;
        double maxDiag = 0;
        for (int i = 0; i < it.p; i++) {
            double rhs = it.rP[i];
            for (int j = 0; j < it.n; j++) {
                rhs += a[i * it.n + j] * z[j * cols + it.p];
            }
            nuRhs.data[i] = rhs;
            for (int c = 0; c < it.p; c++) {
                double s = 0;
                for (int j = 0; j < it.n; j++) {
                    s += a[i * it.n + j] * z[j * cols + c];
                }
                schur.data[i * it.p + c] = s;
            }
            maxDiag = Math.max(maxDiag, Math.abs(schur.data[i * it.p + i]));
        }
        for (int attempt = 0; attempt < 6; attempt++) {
            if (attempt > 0) {
                // The factorization overwrote S: rebuild it from Z, with a growing diagonal shift
                // (A rank-deficient).
                double delta = maxDiag * 1e-14 * Math.pow(100, attempt - 1);
                for (int i = 0; i < it.p; i++) {
                    for (int c = 0; c < it.p; c++) {
                        double v = 0;
                        for (int j = 0; j < it.n; j++) {
                            v += a[i * it.n + j] * z[j * cols + c];
                        }
                        schur.data[i * it.p + c] = v + (i == c ? delta : 0);
                    }
                }
            }
            if (!cholS.setA(schur)) {
                continue;
            }
            cholS.solve(nuRhs, nuSol);
            for (int i = 0; i < it.p; i++) {
                it.dnu[i] = nuSol.data[i];
            }
            for (int j = 0; j < it.bigN; j++) {
                double v = z[j * cols + it.p];
                for (int c = 0; c < it.p; c++) {
                    v -= z[j * cols + c] * it.dnu[c];
                }
                it.dy[j] = v;
            }
            return true;
        }
        return false;
    }

    private void addRhoATA(Iterate it, double rho) {
        double[] a = it.problem.a().data;
        for (int i = 0; i < it.p; i++) {
            for (int r = 0; r < it.n; r++) {
                double ar = rho * a[i * it.n + r];
                if (ar == 0) {
                    continue;
                }
                for (int c = r; c < it.n; c++) { // the upper triangle, all that is factored
                    factor[r][c] += ar * a[i * it.n + c];
                }
            }
        }
    }

    private static boolean pivotsOk(double[][] factored, double[] diag, int size) {
        for (int j = 0; j < size; j++) {
            double l = factored[j][j];
            if (!(l * l > PIVOT_RATIO * diag[j])) {
                return false;
            }
        }
        return true;
    }
}
