package org.mecopt.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/**
 * The Hermitian Jacobi method against EJML's symmetric eigen-solver on the real embedding
 * {@code [[X, −Y], [Y, X]]} of {@code X + iY} (each eigenvalue appears there twice), and the
 * reconstruction {@code A = V Λ V^H} with {@code V^H V = I}.
 */
class HermitianJacobiTest {

    @Test
    void matchesEjmlOnTheRealEmbeddingAndReconstructs() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(6);
            double scale = Math.pow(10, random.nextInt(12) - 6);
            double[] a = new double[2 * n * n];
            if (trial % 4 == 0) { // rank one, like A_n^{bb} with one active user: Σ c h h^H
                double[] x = new double[2 * n];
                for (int k = 0; k < x.length; k++) {
                    x[k] = random.nextGaussian() * Math.sqrt(scale);
                }
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        a[(r * n + c) * 2] = x[2 * r] * x[2 * c] + x[2 * r + 1] * x[2 * c + 1];
                        a[(r * n + c) * 2 + 1] = x[2 * r + 1] * x[2 * c] - x[2 * r] * x[2 * c + 1];
                    }
                }
            } else {
                for (int r = 0; r < n; r++) {
                    a[(r * n + r) * 2] = random.nextGaussian() * scale;
                    for (int c = r + 1; c < n; c++) {
                        double re = random.nextGaussian() * scale;
                        double im = random.nextGaussian() * scale;
                        a[(r * n + c) * 2] = re;
                        a[(r * n + c) * 2 + 1] = im;
                        a[(c * n + r) * 2] = re;
                        a[(c * n + r) * 2 + 1] = -im;
                    }
                }
            }
            double[] values = new double[n];
            double[] vectors = new double[2 * n * n];
            HermitianJacobi.decompose(a.clone(), n, values, vectors);
            double[] embedded = new double[4 * n * n];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double x = a[(r * n + c) * 2];
                    double y = a[(r * n + c) * 2 + 1];
                    embedded[r * 2 * n + c] = x;
                    embedded[(r + n) * 2 * n + c + n] = x;
                    embedded[(r + n) * 2 * n + c] = y;
                    embedded[r * 2 * n + c + n] = -y;
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(2 * n, false, true);
            eig.decompose(new DMatrixRMaj(2 * n, 2 * n, true, embedded));
            double[] expected = new double[2 * n];
            for (int k = 0; k < 2 * n; k++) {
                expected[k] = eig.getEigenvalue(k).real;
            }
            Arrays.sort(expected);
            double[] got = values.clone();
            Arrays.sort(got);
            double norm = 0;
            for (double v : a) {
                norm = Math.max(norm, Math.abs(v));
            }
            double tolerance = 1e-12 * n * norm;
            for (int k = 0; k < n; k++) {
                assertEquals(expected[2 * k], got[k], tolerance, "trial " + trial);
                assertEquals(expected[2 * k + 1], got[k], tolerance, "trial " + trial);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double re = 0;
                    double im = 0;
                    double dotRe = 0;
                    double dotIm = 0;
                    for (int k = 0; k < n; k++) {
                        double vr = vectors[(r * n + k) * 2];
                        double vi = vectors[(r * n + k) * 2 + 1];
                        double wr = vectors[(c * n + k) * 2];
                        double wi = vectors[(c * n + k) * 2 + 1];
                        re += values[k] * (vr * wr + vi * wi); // v_rk λ conj(v_ck)
                        im += values[k] * (vi * wr - vr * wi);
                        double ur = vectors[(k * n + r) * 2];
                        double ui = vectors[(k * n + r) * 2 + 1];
                        double xr = vectors[(k * n + c) * 2];
                        double xi = vectors[(k * n + c) * 2 + 1];
                        dotRe += ur * xr + ui * xi; // conj(v_kr) v_kc
                        dotIm += ur * xi - ui * xr;
                    }
                    assertEquals(a[(r * n + c) * 2], re, tolerance, "A = V Λ V^H (re), trial " + trial);
                    assertEquals(a[(r * n + c) * 2 + 1], im, tolerance, "A = V Λ V^H (im), trial " + trial);
                    assertEquals(r == c ? 1 : 0, dotRe, 1e-12, "V^H V = I, trial " + trial);
                    assertEquals(0, dotIm, 1e-12, "V^H V = I, trial " + trial);
                }
            }
        }
    }
}
