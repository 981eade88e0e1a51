package org.mecopt.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

/** The hand-written Jacobi method against EJML's symmetric eigen-solver and the reconstruction A = V Λ Vᵀ. */
class JacobiEigenTest {

    @Test
    void matchesEjmlAndReconstructs() {
        Random random = new Random(3);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(9);
            double[] a = new double[n * n];
            double scale = Math.pow(10, random.nextInt(12) - 6);
            for (int r = 0; r < n; r++) {
                for (int c = r; c < n; c++) {
                    double v = random.nextGaussian() * scale;
                    a[r * n + c] = v;
                    a[c * n + r] = v;
                }
            }
            if (trial % 5 == 0 && n > 1) { // rank-deficient, like A_n^{bb} with fewer users than antennas
                Arrays.fill(a, 0);
                double[] x = new double[n];
                for (int k = 0; k < n; k++) {
                    x[k] = random.nextGaussian() * scale;
                }
                for (int r = 0; r < n; r++) {
                    for (int c = 0; c < n; c++) {
                        a[r * n + c] = x[r] * x[c];
                    }
                }
            }
            double[] values = new double[n];
            double[] vectors = new double[n * n];
            JacobiEigen.decompose(a.clone(), n, values, vectors);
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            eig.decompose(new DMatrixRMaj(n, n, true, a));
            double[] expected = new double[n];
            for (int k = 0; k < n; k++) {
                expected[k] = eig.getEigenvalue(k).real;
            }
            double[] got = values.clone();
            Arrays.sort(expected);
            Arrays.sort(got);
            double norm = 0;
            for (double v : a) {
                norm = Math.max(norm, Math.abs(v));
            }
            for (int k = 0; k < n; k++) {
                assertEquals(expected[k], got[k], 1e-12 * n * norm, "trial " + trial);
            }
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double sum = 0;
                    double dot = 0;
                    for (int k = 0; k < n; k++) {
                        sum += vectors[r * n + k] * values[k] * vectors[c * n + k];
                        dot += vectors[k * n + r] * vectors[k * n + c];
                    }
                    assertEquals(a[r * n + c], sum, 1e-12 * n * norm, "A = V Λ Vᵀ, trial " + trial);
                    assertEquals(r == c ? 1 : 0, dot, 1e-12, "VᵀV = I, trial " + trial);
                }
            }
        }
    }
}
