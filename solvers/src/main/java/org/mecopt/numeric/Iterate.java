package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;
import org.mecopt.api.Deadline;

/**
 * The working problem of one phase and its primal-dual iterate: the point y (x, and in Phase I
 * also s as {@code y[n]}), λ, ν, the inequality values, ∇f0, the constraint Jacobian and the
 * residuals {@code r_dual}, {@code r_pri}, each with a trial copy that the line searches fill and
 * {@link #accept()} swaps in, and the Newton direction. In Phase I the working problem is
 * {@code min s s.t. f_i(x) ≤ s, s ≥ −1, A x = b}: n + 1 variables and m + 1 inequalities.
 *
 * <p>Fields are package-private so that the iterations read them in place: the arrays are swapped
 * by {@link #accept()}, so hold no reference to one across an accepted step.
 */
final class Iterate {
    ConvexProblem problem;
    /** When to stop; every iteration and every factorization attempt looks at it. */
    Deadline deadline = Deadline.NEVER;
    boolean phaseOne;
    int n;
    int ml;
    int bigN;
    int bigM;
    int p;
    int iterations;
    double lastGap;

    // Capacity for Phase I: n + 1 variables, m + 1 inequalities.
    int capN = -1;
    int capM = -1;
    int capP = -1;
    double[] y;
    double[] yT;
    double[] dy;
    double[] xs;
    double[] gx;
    double[] lam;
    double[] lamT;
    double[] dlam;
    double[] f;
    double[] fT;
    double[] nu;
    double[] nuT;
    double[] dnu;
    double[] g0;
    double[] g0T;
    double[] rD;
    double[] rDT;
    double[] rP;
    double[] rPT;
    double[] rhs1;
    double[] dfdy;
    /** Per inequality, the complementarity target of a corrected Newton step ({@code 1/t} plus a correction). */
    double[] target;
    DMatrixRMaj df;
    DMatrixRMaj dfT;

    /** Sizes the working problem for Phase I ({@code one}) or Phase II and writes its constant Jacobian rows. */
    void setUpPhase(boolean one, int m) {
        this.phaseOne = one;
        this.bigN = one ? n + 1 : n;
        this.bigM = one ? m + 1 : m;
        df.reshape(bigM, bigN);
        dfT.reshape(bigM, bigN);
        // The constant rows: linear inequalities, and in Phase I the −s column and s ≥ −1.
        df.zero();
        DMatrixRMaj g = problem.g();
        for (int i = 0; i < ml; i++) {
            System.arraycopy(g.data, i * n, df.data, i * bigN, n);
        }
        if (one) {
            for (int i = 0; i < m; i++) {
                df.data[i * bigN + n] = -1;
            }
            df.data[m * bigN + n] = -1;
        }
        dfT.setTo(df);
        linear = Sparse.ofRows(df.data, ml, bigN, linear);
        constraintRows = Sparse.ofRows(g.data, ml, n, constraintRows);
    }

    /**
     * The working problem's linear inequality rows (the first {@code ml} rows of the Jacobian, constant)
     * and the problem's own {@code G} without Phase I's column, as sparse rows.
     *
     * <p><b>Why.</b> They are mostly bounds (one non-zero) and short sums: at ICA's K = 50, N = 4
     * the 250 linear rows of 201 entries hold 400 non-zeros, and going through them densely (the
     * constraint values of every trial point of the line search, the dual residual, the Newton
     * step's right-hand side and {@code Df Δx}) was a sixth of each Newton step. The sparse loops
     * add the same non-zero terms in the same order, so the sums keep their bits (a skipped
     * {@code 0·x} term can only change the sign of a sum that is exactly 0).
     */
    Sparse linear;
    Sparse constraintRows;

    /** Rows in compressed form: row i's non-zeros are {@code value[k]} at column {@code column[k]}, {@code start[i] ≤ k < start[i+1]}. */
    static final class Sparse {
        int[] start;
        int[] column;
        double[] value;

        /** The non-zeros of the first {@code rows} rows of the row-major {@code data} ({@code cols} wide), reusing {@code reuse}'s arrays. */
        static Sparse ofRows(double[] data, int rows, int cols, Sparse reuse) {
            Sparse sp = reuse != null ? reuse : new Sparse();
            int nonZeros = 0;
            for (int k = 0; k < rows * cols; k++) {
                nonZeros += data[k] != 0 ? 1 : 0;
            }
            if (sp.start == null || sp.start.length < rows + 1) {
                sp.start = new int[rows + 1];
            }
            if (sp.column == null || sp.column.length < nonZeros) {
                sp.column = new int[nonZeros];
                sp.value = new double[nonZeros];
            }
            int k = 0;
            for (int i = 0; i < rows; i++) {
                sp.start[i] = k;
                for (int j = 0; j < cols; j++) {
                    double v = data[i * cols + j];
                    if (v != 0) {
                        sp.column[k] = j;
                        sp.value[k] = v;
                        k++;
                    }
                }
            }
            sp.start[rows] = k;
            return sp;
        }

        /** {@code out[column] += value · scale} over row i's non-zeros. */
        void addRow(int i, double scale, double[] out) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                out[column[k]] += value[k] * scale;
            }
        }

        /** {@code sum + Σ value · x} over row i's non-zeros, left to right. */
        double dotRow(int i, double[] x, double sum) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                sum += value[k] * x[column[k]];
            }
            return sum;
        }
    }

    /** Phase II's starting multipliers (all > 0), or null for the textbook {@code λ = −1/f}. */
    double[] startLambda;

    /**
     * Sets λ = −1/f ({@link #startLambda} instead in Phase II when given), ν = 0 at the current y
     * (strictly feasible); false if a value is not finite.
     */
    boolean start() {
        if (!evalConstraints(y, f)) {
            return false;
        }
        for (int i = 0; i < bigM; i++) {
            lam[i] = !phaseOne && startLambda != null ? startLambda[i] : -1 / f[i];
        }
        for (int i = 0; i < p; i++) {
            nu[i] = 0;
        }
        return evalDerivatives(y, lam, nu, df, g0, rD, rP);
    }

    void accept() {
        double[] tmp = y;
        y = yT;
        yT = tmp;
        tmp = lam;
        lam = lamT;
        lamT = tmp;
        tmp = nu;
        nu = nuT;
        nuT = tmp;
        tmp = f;
        f = fT;
        fT = tmp;
        tmp = g0;
        g0 = g0T;
        g0T = tmp;
        tmp = rD;
        rD = rDT;
        rDT = tmp;
        tmp = rP;
        rP = rPT;
        rPT = tmp;
        DMatrixRMaj m = df;
        df = dfT;
        dfT = m;
    }

    double residualSq(double[] fv, double[] lv, double[] dual, double[] pri, double t) {
        double sum = 0;
        for (int j = 0; j < bigN; j++) {
            sum += dual[j] * dual[j];
        }
        for (int i = 0; i < p; i++) {
            sum += pri[i] * pri[i];
        }
        double invT = bigM > 0 ? 1 / t : 0;
        for (int i = 0; i < bigM; i++) {
            double c = -lv[i] * fv[i] - invT;
            sum += c * c;
        }
        return sum;
    }

    /** Writes the working inequality values at {@code point}; true iff all are finite and < 0. */
    boolean evalConstraints(double[] point, double[] out) {
        double shift = phaseOne ? point[n] : 0;
        double[] h = problem.h();
        boolean ok = true;
        for (int i = 0; i < ml; i++) {
            double v = constraintRows.dotRow(i, point, -h[i] - shift);
            out[i] = v;
            if (!(v < 0)) {
                return false;
            }
        }
        System.arraycopy(point, 0, xs, 0, n);
        ConvexFunction[] nl = problem.nonlinear();
        for (int q = 0; q < nl.length; q++) {
            double v = nl[q].value(xs) - shift;
            out[ml + q] = v;
            if (!(v < 0)) {
                return false;
            }
        }
        if (phaseOne) {
            double v = -shift - 1;
            out[ml + nl.length] = v;
            ok = v < 0;
        }
        return ok;
    }

    /** ∇f0, the nonlinear Jacobian rows, r_dual and r_pri at {@code point}; false if non-finite. */
    boolean evalDerivatives(double[] point, double[] lv, double[] nv, DMatrixRMaj jac, double[] grad,
            double[] dual, double[] pri) {
        System.arraycopy(point, 0, xs, 0, n);
        if (phaseOne) {
            for (int j = 0; j < n; j++) {
                grad[j] = 0;
            }
            grad[n] = 1;
        } else {
            problem.objective().gradient(xs, grad);
        }
        ConvexFunction[] nl = problem.nonlinear();
        for (int q = 0; q < nl.length; q++) {
            nl[q].gradient(xs, gx);
            System.arraycopy(gx, 0, jac.data, (ml + q) * bigN, n);
        }
        System.arraycopy(grad, 0, dual, 0, bigN);
        double[] jd = jac.data;
        for (int i = 0; i < ml; i++) {
            linear.addRow(i, lv[i], dual);
        }
        for (int i = ml; i < bigM; i++) {
            double l = lv[i];
            int o = i * bigN;
            for (int j = 0; j < bigN; j++) {
                dual[j] += jd[o + j] * l;
            }
        }
        addATransposeTimes(nv, dual, 1);
        problem.equalityResiduals(xs, pri);
        double check = 0;
        for (int j = 0; j < bigN; j++) {
            check += dual[j];
        }
        for (int i = 0; i < p; i++) {
            check += pri[i];
        }
        return Double.isFinite(check);
    }

    /** out[0..n) += sign · Aᵀ v. */
    void addATransposeTimes(double[] v, double[] out, double sign) {
        double[] a = problem.a().data;
        for (int i = 0; i < p; i++) {
            double vi = sign * v[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[o + j] * vi;
            }
        }
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    static double norm(double[] v, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    /** Grows the arrays to hold nn variables, mm inequalities and pp equalities; true if they were reallocated. */
    boolean ensureCapacity(int nn, int mm, int pp) {
        if (nn <= capN && mm <= capM && pp <= capP) {
            return false;
        }
        capN = Math.max(nn, capN);
        capM = Math.max(mm, capM);
        capP = Math.max(pp, capP);
        y = new double[capN];
        yT = new double[capN];
        dy = new double[capN];
        g0 = new double[capN];
        g0T = new double[capN];
        rD = new double[capN];
        rDT = new double[capN];
        rhs1 = new double[capN];
        lam = new double[capM];
        lamT = new double[capM];
        dlam = new double[capM];
        f = new double[capM];
        fT = new double[capM];
        dfdy = new double[capM];
        target = new double[capM];
        nu = new double[capP];
        nuT = new double[capP];
        dnu = new double[capP];
        rP = new double[capP];
        rPT = new double[capP];
        df = new DMatrixRMaj(capM, capN);
        dfT = new DMatrixRMaj(capM, capN);
        return true;
    }
}
