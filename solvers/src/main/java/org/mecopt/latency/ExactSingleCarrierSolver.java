package org.mecopt.latency;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code exact-single-carrier}: the global optimum for N = 1, the reference ICA is checked against.
 *
 * <p>A latency t is achievable iff every user reaches the rate {@link LatencyInstance#rateNeeded},
 * i.e. the SINR target {@code γ_k(t) = 2^{r_k(t)/B} − 1}. With one subcarrier SINR targets under
 * interference are a linear feasibility problem: {@code p_k G_kk ≥ γ_k (Σ_{j≠k} p_j G_kj + 1)}. If any
 * p ≥ 0 meets them, the least one solves {@code (I − DF) p = D·1} ({@code D = diag(γ_k/G_kk)},
 * F the cross gains) and is positive exactly when the spectral radius of DF is below 1
 * (Perron–Frobenius); t is achievable iff that p also satisfies {@code p ≤ 1}. Feasibility is
 * monotone in t, so bisection between the interference-free bound and a feasible latency converges
 * to the optimum; the returned powers are the least powers at the upper end. Iterations are
 * bisection steps; the bound is the lower end.
 */
public final class ExactSingleCarrierSolver extends PowerSolver {

    @Override
    public String name() {
        return "exact-single-carrier";
    }

    @Override
    public String guarantee() {
        return "global optimum for N = 1 (bisection on latency, Perron-Frobenius SINR feasibility), gap 1e-9";
    }

    @Override
    public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        if (instance.subcarrierCount() != 1) {
            throw new InvalidInstanceException("gain.length (subcarriers)", instance.subcarrierCount(),
                    "must be 1 for solver exact-single-carrier");
        }
        int k = instance.userCount();
        Feasibility test = new Feasibility(instance);
        double lo = InterferenceFreeBound.lowerBound(instance);
        double[][] start0 = InterferenceFreeBound.waterFilledPower(instance);
        double hi = instance.objective(instance.solutionFor(start0));
        double[] best = test.leastPower(hi * (1 + 1e-12));
        if (best == null) { // the water-filled point itself: feasible by construction
            best = start0[0].clone();
        }
        long steps = 0;
        double tolerance = Math.max(options.relativeGap(), 1e-12);
        while (hi - lo > tolerance * hi && steps < 200) {
            double mid = 0.5 * (lo + hi);
            double[] p = test.leastPower(mid);
            if (p != null) {
                hi = mid;
                best = p;
            } else {
                lo = mid;
            }
            steps++;
        }
        LatencySolution solution = instance.solutionFor(new double[][] {best});
        Status status = hi - lo <= tolerance * hi ? Status.OPTIMAL : Status.LIMIT_REACHED;
        return finish(instance, solution, status, Math.min(lo, instance.objective(solution)), steps, start, "");
    }

    /** The least-power test for one latency; reuses its matrices across bisection steps. */
    private static final class Feasibility {
        private final LatencyInstance instance;
        private final int k;
        private final DMatrixRMaj a;
        private final DMatrixRMaj rhs;
        private final DMatrixRMaj p;
        private final LinearSolverDense<DMatrixRMaj> lu;

        Feasibility(LatencyInstance instance) {
            this.instance = instance;
            this.k = instance.userCount();
            this.a = new DMatrixRMaj(k, k);
            this.rhs = new DMatrixRMaj(k, 1);
            this.p = new DMatrixRMaj(k, 1);
            this.lu = LinearSolverFactory_DDRM.lu(k);
        }

        /** The least feasible powers for latency t, or null when t is not achievable. */
        double[] leastPower(double t) {
            double bandwidth = instance.subcarrierBandwidthHz();
            for (int u = 0; u < k; u++) {
                double rate = instance.rateNeeded(u, t);
                if (rate == Double.POSITIVE_INFINITY) {
                    return null;
                }
                double target = Math.expm1(rate / bandwidth * Math.log(2));
                double scale = target / instance.gain(0, u, u);
                for (int j = 0; j < k; j++) {
                    a.set(u, j, j == u ? 1 : -scale * instance.gain(0, u, j));
                }
                rhs.set(u, 0, scale);
            }
            if (!lu.setA(a)) {
                return null;
            }
            lu.solve(rhs, p);
            double[] out = new double[k];
            for (int u = 0; u < k; u++) {
                double v = p.get(u, 0);
                if (!(v >= 0 && v <= 1)) { // also rejects NaN
                    return null;
                }
                out[u] = v;
            }
            return out;
        }
    }
}
