package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.junit.jupiter.api.Test;

/**
 * {@link DenseCholesky} against EJML's inner-product Cholesky, which the interior-point method
 * used before: the same factor and the same solution, bit for bit ({@code ==} on every entry),
 * on random positive definite matrices of sizes 1–40 and ICA's 201; the solution also solves
 * the system (residual), and a matrix that is not positive definite is refused by both.
 */
class DenseCholeskyTest {

    @Test
    void factorAndSolveAreEjmlsBitForBit() {
        Random random = new Random(2026);
        int[] sizes = {1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 31, 40, 201};
        for (int n : sizes) {
            for (int trial = 0; trial < (n > 100 ? 2 : 5); trial++) {
                double[] a = positiveDefinite(random, n);
                DMatrixRMaj ejml = new DMatrixRMaj(n, n);
                ejml.data = a.clone();
                LinearSolverChol_DDRM reference = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
                assertTrue(reference.setA(ejml));
                double[][] rows = new double[n][n];
                for (int i = 0; i < n; i++) {
                    // only the upper triangle is read: garbage below must not matter
                    for (int j = 0; j < i; j++) {
                        rows[i][j] = Double.NaN;
                    }
                    System.arraycopy(a, i * n + i, rows[i], i, n - i);
                }
                assertTrue(DenseCholesky.factor(rows, n));
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        assertEquals(ejml.data[j * n + i], rows[i][j], 0.0, "R[" + i + "][" + j + "], n = " + n);
                        assertTrue(ejml.data[j * n + i] == rows[i][j], "R[" + i + "][" + j + "] bits, n = " + n);
                    }
                }
                double[] b = new double[n];
                for (int i = 0; i < n; i++) {
                    b[i] = random.nextGaussian();
                }
                DMatrixRMaj x = new DMatrixRMaj(n, 1);
                reference.solve(new DMatrixRMaj(n, 1, true, b), x);
                double[] ours = b.clone();
                DenseCholesky.solve(rows, n, ours);
                double residual = 0;
                double scale = 0;
                for (int i = 0; i < n; i++) {
                    assertTrue(x.data[i] == ours[i], "x[" + i + "], n = " + n + ": " + x.data[i] + " vs " + ours[i]);
                    double ax = 0;
                    for (int j = 0; j < n; j++) {
                        ax += a[i * n + j] * ours[j];
                    }
                    residual = Math.max(residual, Math.abs(ax - b[i]));
                    scale = Math.max(scale, Math.abs(b[i]));
                }
                assertTrue(residual <= 1e-8 * scale, "residual " + residual + ", n = " + n);
            }
        }
    }

    @Test
    void refusesWhatIsNotPositiveDefinite() {
        Random random = new Random(7);
        for (int n : new int[] {1, 3, 6, 9, 20}) {
            double[] a = positiveDefinite(random, n);
            int k = random.nextInt(n);
            a[k * n + k] = -1; // a negative diagonal entry: no Cholesky factor
            DMatrixRMaj ejml = new DMatrixRMaj(n, n);
            ejml.data = a.clone();
            assertFalse(new CholeskyDecompositionInner_DDRM(true).decompose(ejml));
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = java.util.Arrays.copyOfRange(a, i * n, (i + 1) * n);
            }
            assertFalse(DenseCholesky.factor(rows, n), "n = " + n);
        }
    }

    /**
     * Failures found after updates, not at the first pivot: Gram matrices of fewer rows than
     * columns (positive semidefinite: a pivot rounds to about 0, either sign) and indefinite ones
     * (a Gram matrix minus a multiple of the identity). Whatever EJML answers, so must we, and where
     * both factor, the factors are equal bit for bit.
     */
    @Test
    void refusesExactlyWhereEjmlDoesAfterUpdates() {
        Random random = new Random(11);
        int refused = 0;
        int accepted = 0;
        for (int trial = 0; trial < 400; trial++) {
            int n = 2 + random.nextInt(22);
            // a third positive definite (more rows than columns, no shift), the rest rank-deficient or shifted
            boolean definite = random.nextInt(3) == 0;
            int rank = definite ? n + 1 + random.nextInt(3) : 1 + random.nextInt(n);
            double shift = definite || random.nextBoolean() ? 0 : random.nextDouble() * 2;
            double[] g = new double[rank * n];
            for (int i = 0; i < g.length; i++) {
                g[i] = random.nextGaussian();
            }
            double[] a = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = i == j ? -shift : 0;
                    for (int r = 0; r < rank; r++) {
                        sum += g[r * n + i] * g[r * n + j];
                    }
                    a[i * n + j] = sum;
                }
            }
            DMatrixRMaj ejml = new DMatrixRMaj(n, n);
            ejml.data = a.clone();
            CholeskyDecompositionInner_DDRM reference = new CholeskyDecompositionInner_DDRM(true);
            boolean theirs = reference.decompose(ejml);
            double[][] rows = new double[n][];
            for (int i = 0; i < n; i++) {
                rows[i] = java.util.Arrays.copyOfRange(a, i * n, (i + 1) * n);
            }
            boolean ours = DenseCholesky.factor(rows, n);
            assertEquals(theirs, ours, "n = " + n + ", rank " + rank + ", shift " + shift);
            if (theirs) {
                accepted++;
                DMatrixRMaj lower = reference.getT(null);
                for (int i = 0; i < n; i++) {
                    for (int j = i; j < n; j++) {
                        // our row i holds column i of the lower factor from the diagonal on
                        assertEquals(lower.get(j, i), rows[i][j], 0.0, "entry " + j + "," + i + ", n = " + n);
                    }
                }
            } else {
                refused++;
            }
        }
        assertTrue(refused > 50 && accepted > 50, refused + " refused, " + accepted + " accepted: both kinds must be exercised");
    }

    /** A random symmetric positive definite matrix (a Gram matrix of more rows than columns, plus a small ridge), row-major. */
    static double[] positiveDefinite(Random random, int n) {
        int rows = n + 5;
        double[] g = new double[rows * n];
        for (int i = 0; i < g.length; i++) {
            g[i] = random.nextGaussian() * (random.nextInt(4) == 0 ? 0 : 1);
        }
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 1e-3 : 0;
                for (int r = 0; r < rows; r++) {
                    s += g[r * n + i] * g[r * n + j];
                }
                a[i * n + j] = s;
            }
        }
        return a;
    }
}
