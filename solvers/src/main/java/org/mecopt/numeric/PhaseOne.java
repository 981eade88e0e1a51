package org.mecopt.numeric;

import org.mecopt.api.Status;

/**
 * Phase I (B&amp;V §11.4.1): finds a strictly feasible start by the primal-dual iteration on
 * {@code min s s.t. f_i(x) ≤ s, s ≥ −1, A x = b} from {@code s₀ > max f_i(x₀)}. It stops as soon
 * as {@code s < 0}, {@code A x ≈ b} and its gap is below {@code |s|}. When the primal-dual
 * iteration runs out of iterations, stalls without a point or fails numerically, it is retried
 * from the same start with the barrier method ({@link BarrierIteration}).
 */
final class PhaseOne {
    private final InteriorPointOptions options;
    private final Iterate it;
    private final KktSystem kkt;
    private final PrimalDualIteration primalDual;
    private final BarrierIteration barrier;
    private int iterations;

    PhaseOne(InteriorPointOptions options, Iterate it, KktSystem kkt, PrimalDualIteration primalDual,
            BarrierIteration barrier) {
        this.options = options;
        this.it = it;
        this.kkt = kkt;
        this.primalDual = primalDual;
        this.barrier = barrier;
    }

    /** Newton iterations of the last {@link #run}, both attempts. */
    int iterations() {
        return iterations;
    }

    /**
     * Runs Phase I from the iterate's x.
     *
     * @param maxF {@code max_i f_i(x)} at the start
     * @param m    the number of inequalities
     * @return {@code null} when the iterate's x is now strictly feasible, else the failure to return
     */
    InteriorPointResult run(double maxF, int m) {
        it.setUpPhase(true, m);
        kkt.setUpPhase(it);
        double s0 = Math.max(maxF, 0) + 1 + 0.1 * Math.abs(maxF);
        double[] start = java.util.Arrays.copyOf(it.y, it.n);
        it.y[it.n] = s0;
        IterationOutcome outcome = primalDual.run();
        iterations = it.iterations;
        boolean found = it.y[it.n] < 0 && Iterate.norm(it.rP, it.p) <= options.feasibilityTolerance();
        // not on TIME: the barrier method would start over after the deadline
        if (outcome == IterationOutcome.LIMIT || outcome == IterationOutcome.SINGULAR
                || outcome == IterationOutcome.NUMERIC
                || (outcome == IterationOutcome.STALL && !found)) {
            // Second try from the same start: the barrier method (see BarrierIteration).
            System.arraycopy(start, 0, it.y, 0, it.n);
            it.y[it.n] = s0;
            outcome = barrier.run();
            iterations += it.iterations;
        }
        double s = it.y[it.n];
        double rpn = Iterate.norm(it.rP, it.p);
        switch (outcome) {
            case FEASIBLE_POINT:
                return null;
            case CONVERGED:
                if (!(s < 0)) {
                    return IterateResults.failure(it, Status.INFEASIBLE, iterations, String.format(
                            "Phase I optimum s = %.3e >= 0: no strictly feasible point", s));
                }
                break;
            case STALL:
                if (s < 0 && rpn <= options.feasibilityTolerance()) {
                    break;
                }
                if (s - it.lastGap > 0 && Iterate.norm(it.rD, it.bigN) <= Math.sqrt(options.feasibilityTolerance())) {
                    return IterateResults.failure(it, Status.INFEASIBLE, iterations, String.format(
                            "Phase I stalled with a positive lower bound s - gap = %.3e", s - it.lastGap));
                }
                return IterateResults.failure(it, Status.NUMERICAL_ERROR, iterations,
                        "Phase I line search stalled at s = " + s);
            case LIMIT:
                return IterateResults.failure(it, Status.LIMIT_REACHED, iterations,
                        "Phase I iteration limit at s = " + s);
            case TIME:
                return IterateResults.failure(it, Status.LIMIT_REACHED, iterations, "time limit in Phase I at s = " + s);
            default:
                return IterateResults.failure(it, Status.NUMERICAL_ERROR, iterations,
                        "Phase I: " + (outcome == IterationOutcome.SINGULAR ? "singular Newton system"
                                : "non-finite value"));
        }
        return null;
    }
}
