package org.mecopt.latency;

import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code exact-single-carrier}: the global optimum for N = 1, the reference ICA is checked against.
 *
 * <p>A latency t is achievable iff every user reaches the rate {@link LatencyInstance#rateNeeded},
 * i.e. the SINR target {@code γ_k(t) = 2^{r_k(t)/B} − 1}. With one subcarrier SINR targets under
 * interference are a linear feasibility problem whose least solution {@link LeastPower} finds
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
        double lo = InterferenceFreeBound.lowerBound(instance);
        double[][] start0 = InterferenceFreeBound.waterFilledPower(instance);
        double hi = instance.objective(instance.solutionFor(start0));
        double tolerance = Math.max(options.relativeGap(), 1e-12);
        LeastPower.Bisection b = new LeastPower(instance).bisect(lo, start0, hi, tolerance, 200);
        LatencySolution solution = instance.solutionFor(b.power());
        Status status = b.hi() - b.lo() <= tolerance * b.hi() ? Status.OPTIMAL : Status.LIMIT_REACHED;
        return finish(instance, solution, status, Math.min(b.lo(), instance.objective(solution)), b.steps(), start, "");
    }
}
