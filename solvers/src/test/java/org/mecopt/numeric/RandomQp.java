package org.mecopt.numeric;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * A random strictly convex QP {@code min ½xᵀPx + qᵀx s.t. G x ≤ h, A x = b} built around the
 * strictly feasible point {@code interior}, so it is feasible with a non-empty interior.
 */
record RandomQp(int n, DMatrixRMaj p, double[] q, DMatrixRMaj g, double[] h, DMatrixRMaj a, double[] b,
        double[] interior) {

    static RandomQp generate(long seed, int n, int m, int eqs) {
        Random rnd = new Random(seed);
        DMatrixRMaj root = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            root.data[i] = rnd.nextGaussian();
        }
        DMatrixRMaj p = new DMatrixRMaj(n, n);
        CommonOps_DDRM.multInner(root, p);
        for (int i = 0; i < n; i++) {
            p.add(i, i, 0.1 + rnd.nextDouble());
        }
        double[] q = new double[n];
        double[] xf = new double[n];
        for (int i = 0; i < n; i++) {
            q[i] = 3 * rnd.nextGaussian();
            xf[i] = rnd.nextGaussian();
        }
        DMatrixRMaj g = new DMatrixRMaj(m, n);
        double[] h = new double[m];
        for (int i = 0; i < m; i++) {
            double dot = 0;
            for (int j = 0; j < n; j++) {
                g.set(i, j, rnd.nextGaussian());
                dot += g.get(i, j) * xf[j];
            }
            h[i] = dot + 0.05 + 2 * rnd.nextDouble();
        }
        DMatrixRMaj a = new DMatrixRMaj(eqs, n);
        double[] b = new double[eqs];
        for (int i = 0; i < eqs; i++) {
            double dot = 0;
            for (int j = 0; j < n; j++) {
                a.set(i, j, rnd.nextGaussian());
                dot += a.get(i, j) * xf[j];
            }
            b[i] = dot;
        }
        return new RandomQp(n, p, q, g, h, a, b, xf);
    }

    ConvexProblem problem() {
        return ConvexProblem.builder(n).minimize(new QuadraticFunction(p, q, 0)).linearInequalities(g, h)
                .linearEqualities(a, b).build();
    }

    double objective(double[] x) {
        return new QuadraticFunction(p, q, 0).value(x);
    }

    /**
     * The exact optimum by enumerating active sets (n ≤ 4 or so): for each subset S of the
     * inequalities, solve the KKT system with S and the equalities as equalities, and keep the
     * solution that is feasible with {@code λ_S ≥ 0}. Strict convexity makes it unique.
     *
     * @return the optimal x, or null if no active set qualified (numerically degenerate)
     */
    double[] activeSetOptimum() {
        int m = h.length;
        int eqs = b.length;
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < (1 << m); mask++) {
            int k = Integer.bitCount(mask);
            if (k + eqs > n) {
                continue;
            }
            int size = n + k + eqs;
            DMatrixRMaj kkt = new DMatrixRMaj(size, size);
            DMatrixRMaj rhs = new DMatrixRMaj(size, 1);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    kkt.set(i, j, p.get(i, j));
                }
                rhs.set(i, -q[i]);
            }
            int row = n;
            for (int c = 0; c < m; c++) {
                if ((mask & (1 << c)) != 0) {
                    for (int j = 0; j < n; j++) {
                        kkt.set(row, j, g.get(c, j));
                        kkt.set(j, row, g.get(c, j));
                    }
                    rhs.set(row, h[c]);
                    row++;
                }
            }
            for (int e = 0; e < eqs; e++) {
                for (int j = 0; j < n; j++) {
                    kkt.set(row, j, a.get(e, j));
                    kkt.set(j, row, a.get(e, j));
                }
                rhs.set(row, b[e]);
                row++;
            }
            DMatrixRMaj sol = new DMatrixRMaj(size, 1);
            if (!CommonOps_DDRM.solve(kkt, rhs, sol)) {
                continue;
            }
            double[] x = new double[n];
            for (int j = 0; j < n; j++) {
                x[j] = sol.get(j);
            }
            boolean ok = true;
            for (int c = 0; c < m && ok; c++) {
                double v = -h[c];
                for (int j = 0; j < n; j++) {
                    v += g.get(c, j) * x[j];
                }
                ok = v <= 1e-9;
            }
            for (int i = 0; i < k && ok; i++) {
                ok = sol.get(n + i) >= -1e-9;
            }
            if (ok && Double.isFinite(objective(x)) && objective(x) < bestValue) {
                bestValue = objective(x);
                best = x;
            }
        }
        return best;
    }
}
