package org.mecopt.beamforming;

/**
 * Eigen-decomposition of a small real symmetric matrix by the cyclic Jacobi method, written here
 * rather than taken from EJML because WMMSE decomposes thousands of tiny matrices (8×8 for a
 * 4-antenna station) per instance: an in-place routine on preallocated arrays avoids the
 * decomposition objects and matrix wrappers a library call allocates each time, and Jacobi is
 * accurate to working precision on every eigenvalue of a symmetric matrix, large or tiny, which
 * the power bisection relies on. Tested against EJML's symmetric eigen-solver.
 */
final class JacobiEigen {
    private static final int MAX_SWEEPS = 60;

    private JacobiEigen() {
    }

    /**
     * Decomposes the symmetric {@code n×n} matrix {@code a} (row-major; destroyed) into
     * {@code a = V diag(values) Vᵀ}: {@code values[k]} and the k-th column of {@code vectors}
     * ({@code vectors[r·n + k]}), orthonormal.
     */
    static void decompose(double[] a, int n, double[] values, double[] vectors) {
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                vectors[r * n + c] = r == c ? 1 : 0;
            }
        }
        double scale = 0;
        for (int k = 0; k < n * n; k++) {
            scale += a[k] * a[k];
        }
        double threshold = 1e-30 * scale;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off <= threshold) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (apq == 0) {
                        continue;
                    }
                    double app = a[p * n + p];
                    double aqq = a[q * n + q];
                    double theta = (aqq - app) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // A ← Jᵀ A J on rows/columns p, q
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = c * akp - s * akq;
                        a[k * n + q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = c * apk - s * aqk;
                        a[q * n + k] = s * apk + c * aqk;
                    }
                    a[p * n + q] = 0;
                    a[q * n + p] = 0;
                    for (int k = 0; k < n; k++) {
                        double vkp = vectors[k * n + p];
                        double vkq = vectors[k * n + q];
                        vectors[k * n + p] = c * vkp - s * vkq;
                        vectors[k * n + q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        for (int k = 0; k < n; k++) {
            values[k] = a[k * n + k];
        }
    }
}
