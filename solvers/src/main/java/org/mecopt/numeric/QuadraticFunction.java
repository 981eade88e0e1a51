package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;

/**
 * {@code f(x) = ½ xᵀ P x + qᵀ x + r} with {@code P} symmetric positive semidefinite (not
 * checked), or the affine {@code qᵀ x + r} when {@code P} is absent. Immutable: the constructor
 * copies its arguments.
 *
 * <p>Example: the unit-ball constraint {@code ‖x‖² ≤ 1} is
 * {@code QuadraticFunction.sumOfSquares(n, 1.0)} and a least-squares objective
 * {@code ‖x − c‖²} is {@code new QuadraticFunction(2I, −2c, ‖c‖²)}.
 */
public final class QuadraticFunction implements ConvexFunction {
    private final int n;
    private final double[] p;
    private final double[] q;
    private final double r;

    /**
     * @param pMatrix n × n PSD (its symmetric part is used), or {@code null} for an affine
     *                function; not modified
     * @param q       length n, not modified
     * @param r       the constant term
     */
    public QuadraticFunction(DMatrixRMaj pMatrix, double[] q, double r) {
        this.n = q.length;
        if (pMatrix != null && (pMatrix.numRows != n || pMatrix.numCols != n)) {
            throw new IllegalArgumentException("P is " + pMatrix.numRows + "x" + pMatrix.numCols
                    + ", expected " + n + "x" + n);
        }
        if (pMatrix == null) {
            this.p = null;
        } else {
            // Symmetrized, so value, gradient and Hessian agree even for a non-symmetric input.
            this.p = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    p[i * n + j] = 0.5 * (pMatrix.unsafe_get(i, j) + pMatrix.unsafe_get(j, i));
                }
            }
        }
        this.q = q.clone();
        this.r = r;
    }

    /** The affine function {@code qᵀ x + r}. */
    public static QuadraticFunction linear(double[] q, double r) {
        return new QuadraticFunction(null, q, r);
    }

    /** {@code ‖x‖² − radiusSquared}: as a constraint, the ball {@code ‖x‖² ≤ radiusSquared}. */
    public static QuadraticFunction sumOfSquares(int n, double radiusSquared) {
        DMatrixRMaj two = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            two.unsafe_set(i, i, 2.0);
        }
        return new QuadraticFunction(two, new double[n], -radiusSquared);
    }

    /** The dimension n. */
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        double v = r;
        for (int i = 0; i < n; i++) {
            double xi = x[i];
            v += q[i] * xi;
            if (p != null) {
                double row = 0;
                int k = i * n;
                for (int j = 0; j < n; j++) {
                    row += p[k + j] * x[j];
                }
                v += 0.5 * xi * row;
            }
        }
        return v;
    }

    @Override
    public void gradient(double[] x, double[] gradient) {
        for (int i = 0; i < n; i++) {
            double g = q[i];
            if (p != null) {
                int k = i * n;
                for (int j = 0; j < n; j++) {
                    g += p[k + j] * x[j];
                }
            }
            gradient[i] = g;
        }
    }

    @Override
    public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
        if (p == null || scale == 0) {
            return;
        }
        double[] h = hessian.data;
        for (int k = 0; k < n * n; k++) {
            h[k] += scale * p[k];
        }
    }
}
