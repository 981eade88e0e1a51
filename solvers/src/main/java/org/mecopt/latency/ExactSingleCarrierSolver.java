package org.mecopt.latency;

import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
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
 * bisection steps; the bound is the lower end. The relative gap is 1e-9 when none is set.
 * OPTIMAL is claimed only when the returned point's own objective is within the gap of the bound,
 * and only when every feasibility verdict was a proof (a linear solve that overflows is not one:
 * then the result is FEASIBLE with the last proven bound).
 * Instances with N > 1 are UNSUPPORTED.
 */
public final class ExactSingleCarrierSolver extends PowerSolver {

    static final double DEFAULT_GAP = 1e-9;

    @Override
    public String name() {
        return "exact-single-carrier";
    }

    @Override
    public String guarantee() {
        return "global optimum for N = 1 (bisection on latency, Perron-Frobenius SINR feasibility), gap 1e-9";
    }

    @Override
    protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
        if (instance.subcarrierCount() != 1) {
            return Outcome.unsupported("exact-single-carrier solves N = 1 subcarrier only; this instance has N = "
                    + instance.subcarrierCount());
        }
        double lo = InterferenceFreeBound.lowerBound(instance);
        double[][] start0 = InterferenceFreeBound.waterFilledPower(instance);
        double hi = instance.objective(instance.solutionFor(start0));
        double tolerance = Math.max(context.relativeGap(DEFAULT_GAP), 1e-12);
        // half the gap for the bisection, so that the returned point's own rounding cannot break the certificate
        LeastPower.Bisection b = new LeastPower(instance).bisect(lo, start0, hi, tolerance / 2, 200, context.deadline());
        LatencySolution solution = instance.solutionFor(b.power());
        double objective = instance.objective(solution);
        Outcome<LatencySolution> outcome = Outcome.of(Status.OPTIMAL, solution).withBound(Math.min(b.lo(), objective))
                .withIterations(b.steps());
        if (!b.proven()) {
            return outcome.withStatus(Status.FEASIBLE).withMessage("a feasibility test overflowed in double "
                    + "precision: the bound is the last proven one, optimality is not claimed");
        }
        if (objective - b.lo() <= tolerance * objective) {
            return outcome;
        }
        // the bisection stopped early (deadline, step cap), or its feasible point evaluates above its claim
        return outcome.withStatus(context.timeUp() ? Status.LIMIT_REACHED : Status.FEASIBLE)
                .withMessage(context.timeUp() ? "time limit reached" : "the gap did not close to " + tolerance);
    }
}
