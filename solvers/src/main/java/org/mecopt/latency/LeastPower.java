package org.mecopt.latency;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mecopt.api.Deadline;

/**
 * The least powers that meet SINR targets on one subcarrier, or none. The targets
 * {@code p_k G_kk ≥ γ_k (Σ_{j≠k} p_j G_kj + 1)} are met by some p ≥ 0 iff the spectral radius of
 * {@code DF} ({@code D = diag(γ_k/G_kk)}, F the cross gains) is below 1 (Perron–Frobenius); the least
 * such p then solves {@code (I − DF) p = D·1} and is the only non-negative solution, so solving the
 * linear system and checking the sign decides feasibility. Reuses its matrices between calls; not
 * thread-safe.
 */
final class LeastPower {
    private final LatencyInstance instance;
    private final int k;
    private final DMatrixRMaj a;
    private final DMatrixRMaj rhs;
    private final DMatrixRMaj p;
    private final LinearSolverDense<DMatrixRMaj> lu;
    /** Whether a "not feasible" answer since the last reset came from a non-finite solve, not a proof. */
    private boolean unsure;

    LeastPower(LatencyInstance instance) {
        this.instance = instance;
        this.k = instance.userCount();
        this.a = new DMatrixRMaj(k, k);
        this.rhs = new DMatrixRMaj(k, 1);
        this.p = new DMatrixRMaj(k, 1);
        this.lu = LinearSolverFactory_DDRM.lu(k);
    }

    /**
     * Writes into {@code out} the least powers on subcarrier n for the SINR targets.
     *
     * @param sinr targets γ_k ≥ 0 (0: the user needs nothing there), not modified
     * @param out powers, modified
     * @return false when the targets are not feasible (no write is guaranteed then); when the
     *     linear solve itself overflowed, also false, and {@link #unsure} is set
     */
    boolean solve(int n, double[] sinr, double[] out) {
        for (int u = 0; u < k; u++) {
            double scale = sinr[u] / instance.gain(n, u, u);
            if (!(scale <= 1)) {
                return false; // p_u ≥ γ_u/G_uu since the interference is ≥ 1: over budget (also γ = ∞), a proof
            }
            for (int j = 0; j < k; j++) {
                a.set(u, j, j == u ? 1 : -scale * instance.gain(n, u, j));
            }
            rhs.set(u, 0, scale);
        }
        if (!lu.setA(a)) {
            return false;
        }
        lu.solve(rhs, p);
        for (int u = 0; u < k; u++) {
            if (!Double.isFinite(p.get(u, 0))) {
                unsure = true; // finite data, non-finite solve: rounding, not a proof of infeasibility
                return false;
            }
        }
        for (int u = 0; u < k; u++) {
            double v = p.get(u, 0);
            if (!(v >= 0) || v == Double.POSITIVE_INFINITY) { // also rejects NaN
                return false;
            }
            out[u] = v;
        }
        return true;
    }

    /**
     * The least powers that give every user the latency {@code t} when each user's required rate
     * is split equally over the subcarriers, or null when that needs more than a user's budget.
     * With one subcarrier this is exact; with more it is a restriction of the problem.
     */
    double[][] equalSplit(double t) {
        int subcarriers = instance.subcarrierCount();
        double[] sinr = new double[k];
        for (int u = 0; u < k; u++) {
            double rate = instance.rateNeeded(u, t);
            if (rate == Double.POSITIVE_INFINITY) {
                return null;
            }
            sinr[u] = Math.expm1(rate / subcarriers / instance.subcarrierBandwidthHz() * Math.log(2));
        }
        double[][] power = new double[subcarriers][k];
        double[] used = new double[k];
        for (int n = 0; n < subcarriers; n++) {
            if (!solve(n, sinr, power[n])) {
                return null;
            }
            for (int u = 0; u < k; u++) {
                used[u] += power[n][u];
                if (used[u] > 1) {
                    return null;
                }
            }
        }
        return power;
    }

    /**
     * Bisection on t for {@link #equalSplit}: the smallest latency of the equal-split restriction
     * within {@code tolerance} (relative), between a lower bound and a latency achieved by {@code feasible};
     * a passed {@code deadline} ends it early (each step is one LU factorization per subcarrier).
     *
     * @return the powers at the upper end, never null ({@code feasible} is returned if nothing better)
     */
    Bisection bisect(double lower, double[][] feasible, double feasibleValue, double tolerance, int maxSteps,
                     Deadline deadline) {
        double lo = lower;
        double hi = feasibleValue;
        double[][] best = feasible;
        int steps = 0;
        unsure = false;
        while (hi - lo > tolerance * hi && steps < maxSteps && !deadline.passed()) {
            double mid = 0.5 * (lo + hi);
            double[][] p = equalSplit(mid);
            if (p != null) {
                hi = mid;
                best = p;
            } else if (unsure) {
                break; // lo may not rise on a guess: the interval so far is all that is proven
            } else {
                lo = mid;
            }
            steps++;
        }
        return new Bisection(best, lo, hi, steps, !unsure);
    }

    /**
     * Outcome of {@link #bisect}: powers achieving latency ≤ hi; with one subcarrier lo is a proven
     * bound. {@code proven} is false when a feasibility test overflowed and stopped the bisection.
     */
    record Bisection(double[][] power, double lo, double hi, int steps, boolean proven) {
    }
}
