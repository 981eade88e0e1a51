package org.mecopt.deadline.policy;

/**
 * The least transmit powers that meet SINR targets on one shared band, or none:
 * {@code p_k G_kk ≥ γ_k (Σ_{j≠k} p_j G_kj + 1)} for all k. As in {@code latency.LeastPower}
 * (Perron–Frobenius): the targets are met by some p ≥ 0 iff the spectral radius of {@code DF}
 * ({@code D = diag(γ_k/G_kk)}, F the cross gains) is below 1, and then the least such p solves
 * {@code (I − DF) p = D·1} and is its only non-negative solution; so solving the linear system and
 * checking signs decides feasibility. Written again here rather than reused because
 * {@code latency.LeastPower} is bound to a {@code LatencyInstance} and allocates EJML matrices, while
 * the per-step policy calls this hundreds of times a step on a K×K array: plain Gaussian elimination
 * with partial pivoting on a reused work array. Tested against the fixed-point iteration
 * {@code p ← D(Fp + 1)} (Foschini–Miljanic), which converges to the same least point when feasible.
 * Not thread-safe (owns its work arrays).
 */
final class LeastPowers {
    private final int k;
    private final double[][] a;
    private final double[] b;

    LeastPowers(int users) {
        this.k = users;
        this.a = new double[users][users];
        this.b = new double[users];
    }

    /**
     * @param gain  {@code G_kj} (per watt)
     * @param sinr  targets γ_k ≥ 0 (0: user k transmits nothing), not modified
     * @param pMax  every user's power cap
     * @param out   the least powers in W, written only when feasible
     * @return whether the targets are feasible within {@code pMax}
     */
    boolean solve(double[][] gain, double[] sinr, double pMax, double[] out) {
        for (int u = 0; u < k; u++) {
            double scale = sinr[u] / gain[u][u];
            if (!(scale <= pMax)) {
                return false; // p_u ≥ γ_u/G_uu since the interference term is ≥ 1 (also rejects NaN, ∞)
            }
            double[] row = a[u];
            for (int j = 0; j < k; j++) {
                row[j] = j == u ? 1 : -scale * gain[u][j];
            }
            b[u] = scale;
        }
        for (int col = 0; col < k; col++) {
            int pivot = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (a[pivot][col] == 0) {
                return false; // singular: spectral radius exactly 1, on the boundary of feasibility
            }
            if (pivot != col) {
                double[] t = a[pivot];
                a[pivot] = a[col];
                a[col] = t;
                double tb = b[pivot];
                b[pivot] = b[col];
                b[col] = tb;
            }
            double[] pr = a[col];
            for (int r = col + 1; r < k; r++) {
                double f = a[r][col] / pr[col];
                if (f != 0) {
                    double[] rr = a[r];
                    for (int c = col; c < k; c++) {
                        rr[c] -= f * pr[c];
                    }
                    b[r] -= f * b[col];
                }
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double s = b[r];
            for (int c = r + 1; c < k; c++) {
                s -= a[r][c] * b[c];
            }
            b[r] = s / a[r][r];
        }
        for (int u = 0; u < k; u++) {
            double p = b[u];
            // a user without a target solves to 0 up to rounding (a −1e-19 is not a proof of infeasibility)
            if (!(p >= -1e-12 * pMax) || p > pMax * (1 + 1e-12)) {
                return false;
            }
        }
        for (int u = 0; u < k; u++) {
            out[u] = sinr[u] == 0 ? 0 : Math.max(0, Math.min(pMax, b[u]));
        }
        return true;
    }

    /**
     * When the targets are infeasible: the least fixed point of the capped interference function
     * {@code p_k = min(p_max, γ_k (Σ_{j≠k} G_kj p_j + 1)/G_kk)}, by iterating it from p = 0 (Yates 1995,
     * "A framework for uplink power control": a standard interference function, so the iteration rises
     * monotonically to its unique fixed point). Users at p_max get less than their target; every
     * other user meets its target with the least power given theirs.
     *
     * @param out      the powers in W
     * @param achieved the SINR each user gets with them
     */
    void capped(double[][] gain, double[] sinr, double pMax, double[] out, double[] achieved) {
        java.util.Arrays.fill(out, 0);
        double[] next = b;
        for (int it = 0; it < 1000; it++) {
            double change = 0;
            for (int u = 0; u < k; u++) {
                double interference = 1;
                for (int j = 0; j < k; j++) {
                    interference += j == u ? 0 : gain[u][j] * out[j];
                }
                next[u] = sinr[u] == 0 ? 0 : Math.min(pMax, sinr[u] * interference / gain[u][u]);
                change = Math.max(change, Math.abs(next[u] - out[u]));
            }
            System.arraycopy(next, 0, out, 0, k);
            if (change <= 1e-12 * pMax) {
                break;
            }
        }
        for (int u = 0; u < k; u++) {
            double interference = 1;
            for (int j = 0; j < k; j++) {
                interference += j == u ? 0 : gain[u][j] * out[j];
            }
            achieved[u] = out[u] * gain[u][u] / interference;
        }
    }
}
