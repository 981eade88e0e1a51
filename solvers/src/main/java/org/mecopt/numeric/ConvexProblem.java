package org.mecopt.numeric;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;

/**
 * {@code minimize f0(x) subject to f_i(x) ≤ 0 (i = 1..m), A x = b}, {@code x ∈ R^n}: the input of
 * {@link InteriorPointSolver}. Immutable once built; build it with {@link #builder(int)}.
 *
 * <p><b>Order of the inequalities</b> (and so of {@link InteriorPointResult#lambda()}): first the
 * linear rows {@code G x ≤ h} in the order they were declared (each {@link Builder#bounds} call
 * adds its finite lower bounds {@code −x_j ≤ −lo_j} then its finite upper bounds
 * {@code x_j ≤ hi_j}, by increasing j), then the nonlinear constraints in the order declared.
 * Equalities keep their declaration order in {@link InteriorPointResult#nu()}.
 *
 * <pre>{@code
 * ConvexProblem problem = ConvexProblem.builder(2)
 *         .minimize(QuadraticFunction.linear(new double[] {1, 1}, 0))   // x0 + x1
 *         .subjectTo(QuadraticFunction.sumOfSquares(2, 1.0))            // ‖x‖² ≤ 1
 *         .linearInequality(new double[] {0, -1}, 0.5)                  // x1 ≥ −0.5
 *         .build();
 * InteriorPointResult r = new InteriorPointSolver().solve(problem);
 * }</pre>
 */
public final class ConvexProblem {
    private final int n;
    private final ConvexFunction objective;
    private final DMatrixRMaj g;
    private final double[] h;
    private final ConvexFunction[] nonlinear;
    private final DMatrixRMaj a;
    private final double[] b;

    private ConvexProblem(Builder builder) {
        this.n = builder.n;
        this.objective = builder.objective;
        int ml = builder.hs.size();
        this.g = new DMatrixRMaj(ml, n);
        this.h = new double[ml];
        for (int i = 0; i < ml; i++) {
            System.arraycopy(builder.gRows.get(i), 0, g.data, i * n, n);
            h[i] = builder.hs.get(i);
        }
        this.nonlinear = builder.nonlinear.toArray(new ConvexFunction[0]);
        int p = builder.bs.size();
        this.a = new DMatrixRMaj(p, n);
        this.b = new double[p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(builder.aRows.get(i), 0, a.data, i * n, n);
            b[i] = builder.bs.get(i);
        }
    }

    /** A builder for a problem in {@code n} variables. */
    public static Builder builder(int n) {
        return new Builder(n);
    }

    /** The number of variables n. */
    public int dimension() {
        return n;
    }

    /** m: linear plus nonlinear inequalities. */
    public int inequalityCount() {
        return h.length + nonlinear.length;
    }

    /** The number of linear inequality rows (they come first in the inequality order). */
    public int linearInequalityCount() {
        return h.length;
    }

    /** p, the number of equality rows. */
    public int equalityCount() {
        return b.length;
    }

    /** The objective f0. */
    public ConvexFunction objective() {
        return objective;
    }

    /**
     * Writes {@code f_i(x)} for every inequality, in the documented order, into {@code out}.
     *
     * @param x   length n, not modified
     * @param out length {@link #inequalityCount()}, modified
     */
    public void inequalityValues(double[] x, double[] out) {
        int ml = h.length;
        for (int i = 0; i < ml; i++) {
            out[i] = dotRow(g, i, x) - h[i];
        }
        for (int k = 0; k < nonlinear.length; k++) {
            out[ml + k] = nonlinear[k].value(x);
        }
    }

    /**
     * Writes {@code ∇f_i(x)} into {@code gradient}.
     *
     * @param i        the inequality index in the documented order
     * @param x        length n, not modified
     * @param gradient length n, modified
     */
    public void inequalityGradient(int i, double[] x, double[] gradient) {
        if (i < h.length) {
            System.arraycopy(g.data, i * n, gradient, 0, n);
        } else {
            nonlinear[i - h.length].gradient(x, gradient);
        }
    }

    /**
     * Writes {@code A x − b} into {@code out}.
     *
     * @param x   length n, not modified
     * @param out length p, modified
     */
    public void equalityResiduals(double[] x, double[] out) {
        for (int i = 0; i < b.length; i++) {
            out[i] = dotRow(a, i, x) - b[i];
        }
    }

    /** A copy of the equality matrix A (p × n). */
    public DMatrixRMaj equalityMatrix() {
        return a.copy();
    }

    // Package access for the solver: no copies.
    DMatrixRMaj g() {
        return g;
    }

    double[] h() {
        return h;
    }

    ConvexFunction[] nonlinear() {
        return nonlinear;
    }

    DMatrixRMaj a() {
        return a;
    }

    double[] b() {
        return b;
    }

    static double dotRow(DMatrixRMaj m, int row, double[] x) {
        int cols = m.numCols;
        int k = row * cols;
        double[] d = m.data;
        double s = 0;
        for (int j = 0; j < cols; j++) {
            s += d[k + j] * x[j];
        }
        return s;
    }

    /** Declares a {@link ConvexProblem}; every argument is copied, so arrays may be reused. */
    public static final class Builder {
        private final int n;
        private ConvexFunction objective;
        private final List<double[]> gRows = new ArrayList<>();
        private final List<Double> hs = new ArrayList<>();
        private final List<ConvexFunction> nonlinear = new ArrayList<>();
        private final List<double[]> aRows = new ArrayList<>();
        private final List<Double> bs = new ArrayList<>();

        private Builder(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("n must be >= 1, got " + n);
            }
            this.n = n;
        }

        /** Sets the objective f0 (required). */
        public Builder minimize(ConvexFunction f0) {
            checkDimension(f0);
            this.objective = f0;
            return this;
        }

        private void checkDimension(ConvexFunction f) {
            if (f instanceof QuadraticFunction quadratic && quadratic.dimension() != n) {
                throw new IllegalArgumentException("QuadraticFunction of dimension " + quadratic.dimension()
                        + " in a problem with n = " + n);
            }
        }

        /** Adds the convex constraint {@code f(x) ≤ 0}. */
        public Builder subjectTo(ConvexFunction f) {
            if (f == null) {
                throw new IllegalArgumentException("constraint is null");
            }
            checkDimension(f);
            nonlinear.add(f);
            return this;
        }

        /** Adds {@code gᵀ x ≤ h}; {@code g} (length n) is copied. */
        public Builder linearInequality(double[] g, double h) {
            checkRow("g", g);
            if (!Double.isFinite(h)) {
                throw new IllegalArgumentException("h must be finite, got " + h);
            }
            gRows.add(g.clone());
            hs.add(h);
            return this;
        }

        /** Adds the rows of {@code G x ≤ h}; G is k × n, h has length k; both are copied. */
        public Builder linearInequalities(DMatrixRMaj g, double[] h) {
            if (g.numCols != n || g.numRows != h.length) {
                throw new IllegalArgumentException("G is " + g.numRows + "x" + g.numCols + ", h has "
                        + h.length + " entries, n = " + n);
            }
            for (int i = 0; i < g.numRows; i++) {
                linearInequality(Arrays.copyOfRange(g.data, i * n, (i + 1) * n), h[i]);
            }
            return this;
        }

        /**
         * Adds {@code lower_j ≤ x_j ≤ upper_j}; infinite entries add no row. Either array may be
         * {@code null} (no bound on that side).
         */
        public Builder bounds(double[] lower, double[] upper) {
            if (lower != null) {
                checkLength("lower", lower);
                for (int j = 0; j < n; j++) {
                    if (Double.isFinite(lower[j])) {
                        double[] row = new double[n];
                        row[j] = -1;
                        linearInequality(row, -lower[j]);
                    } else if (Double.isNaN(lower[j])) {
                        throw new IllegalArgumentException("lower[" + j + "] is NaN");
                    }
                }
            }
            if (upper != null) {
                checkLength("upper", upper);
                for (int j = 0; j < n; j++) {
                    if (Double.isFinite(upper[j])) {
                        double[] row = new double[n];
                        row[j] = 1;
                        linearInequality(row, upper[j]);
                    } else if (Double.isNaN(upper[j])) {
                        throw new IllegalArgumentException("upper[" + j + "] is NaN");
                    }
                }
            }
            return this;
        }

        /** Adds the equality {@code aᵀ x = b}; {@code a} (length n) is copied. */
        public Builder linearEquality(double[] a, double b) {
            checkRow("a", a);
            if (!Double.isFinite(b)) {
                throw new IllegalArgumentException("b must be finite, got " + b);
            }
            aRows.add(a.clone());
            bs.add(b);
            return this;
        }

        /** Adds the rows of {@code A x = b}; A is k × n (full row rank expected), b has length k. */
        public Builder linearEqualities(DMatrixRMaj a, double[] b) {
            if (a.numCols != n || a.numRows != b.length) {
                throw new IllegalArgumentException("A is " + a.numRows + "x" + a.numCols + ", b has "
                        + b.length + " entries, n = " + n);
            }
            for (int i = 0; i < a.numRows; i++) {
                linearEquality(Arrays.copyOfRange(a.data, i * n, (i + 1) * n), b[i]);
            }
            return this;
        }

        /** The immutable problem. */
        public ConvexProblem build() {
            if (objective == null) {
                throw new IllegalStateException("no objective: call minimize(f0)");
            }
            return new ConvexProblem(this);
        }

        private void checkLength(String name, double[] v) {
            if (v.length != n) {
                throw new IllegalArgumentException(name + " has length " + v.length + ", expected " + n);
            }
        }

        private void checkRow(String name, double[] v) {
            checkLength(name, v);
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(v[j])) {
                    throw new IllegalArgumentException(name + "[" + j + "] must be finite, got " + v[j]);
                }
            }
        }
    }
}
