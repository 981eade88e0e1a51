package org.mecopt.beamforming;

/**
 * Eigen-decomposition of a small complex Hermitian matrix by the cyclic Jacobi method (each
 * rotation first turns the pivot real by a phase, then is a real Jacobi rotation), written here
 * rather than taken from a library because WMMSE decomposes thousands of tiny matrices (4×4 for a
 * 4-antenna station) per instance: an in-place routine on preallocated interleaved arrays avoids
 * the allocations of a library call, and Jacobi is accurate to working precision on every
 * eigenvalue, large or tiny, which the power bisection relies on. Working on the M×M Hermitian
 * matrix rather than its 2M×2M real embedding needs about a third of the arithmetic. Tested against
 * EJML's symmetric eigen-solver on the real embedding.
 *
 * <p>Complex matrices are row-major with real and imaginary parts interleaved:
 * {@code re(r, c) = a[(r·n + c)·2]}, {@code im(r, c) = a[(r·n + c)·2 + 1]}.
 */
final class HermitianJacobi {
    private static final int MAX_SWEEPS = 60;

    private HermitianJacobi() {
    }

    /**
     * Decomposes the Hermitian {@code n×n} matrix {@code a} (destroyed) into {@code a = V diag(values) V^H}:
     * {@code values[k]} (real) and the k-th column of {@code vectors} (interleaved like {@code a}), unitary.
     */
    static void decompose(double[] a, int n, double[] values, double[] vectors) {
        java.util.Arrays.fill(vectors, 0, 2 * n * n, 0);
        double scale = 0;
        for (int r = 0; r < n; r++) {
            vectors[(r * n + r) * 2] = 1;
            a[(r * n + r) * 2 + 1] = 0; // a Hermitian diagonal is real
        }
        for (int k = 0; k < 2 * n * n; k++) {
            scale += a[k] * a[k];
        }
        double threshold = 1e-30 * scale;
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    int pq = (p * n + q) * 2;
                    off += a[pq] * a[pq] + a[pq + 1] * a[pq + 1];
                }
            }
            if (off <= threshold) {
                break;
            }
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    int pq = (p * n + q) * 2;
                    double modulus = Math.hypot(a[pq], a[pq + 1]);
                    if (modulus == 0) {
                        continue;
                    }
                    // phase: column q times e^{-iφ}, row q times e^{iφ}, so that a_pq = |a_pq| is real
                    double er = a[pq] / modulus;
                    double ei = a[pq + 1] / modulus;
                    for (int k = 0; k < n; k++) {
                        int kq = (k * n + q) * 2;
                        double xr = a[kq];
                        double xi = a[kq + 1];
                        a[kq] = xr * er + xi * ei;
                        a[kq + 1] = xi * er - xr * ei;
                        int qk = (q * n + k) * 2;
                        xr = a[qk];
                        xi = a[qk + 1];
                        a[qk] = xr * er - xi * ei;
                        a[qk + 1] = xi * er + xr * ei;
                        xr = vectors[kq];
                        xi = vectors[kq + 1];
                        vectors[kq] = xr * er + xi * ei;
                        vectors[kq + 1] = xi * er - xr * ei;
                    }
                    double app = a[(p * n + p) * 2];
                    double aqq = a[(q * n + q) * 2];
                    double theta = (aqq - app) / (2 * modulus);
                    double t = theta == 0 ? 1 : Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) { // A ← Rᵀ A R on columns, then rows, p and q; V ← V R
                        for (int z = 0; z < 2; z++) {
                            int kp = (k * n + p) * 2 + z;
                            int kq = (k * n + q) * 2 + z;
                            double x = a[kp];
                            double y = a[kq];
                            a[kp] = c * x - s * y;
                            a[kq] = s * x + c * y;
                            x = vectors[kp];
                            y = vectors[kq];
                            vectors[kp] = c * x - s * y;
                            vectors[kq] = s * x + c * y;
                        }
                    }
                    for (int k = 0; k < n; k++) {
                        for (int z = 0; z < 2; z++) {
                            int pk = (p * n + k) * 2 + z;
                            int qk = (q * n + k) * 2 + z;
                            double x = a[pk];
                            double y = a[qk];
                            a[pk] = c * x - s * y;
                            a[qk] = s * x + c * y;
                        }
                    }
                    a[pq] = 0;
                    a[pq + 1] = 0;
                    a[(q * n + p) * 2] = 0;
                    a[(q * n + p) * 2 + 1] = 0;
                    a[(p * n + p) * 2 + 1] = 0;
                    a[(q * n + q) * 2 + 1] = 0;
                }
            }
        }
        for (int k = 0; k < n; k++) {
            values[k] = a[(k * n + k) * 2];
        }
    }
}
