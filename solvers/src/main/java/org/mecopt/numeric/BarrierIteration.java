package org.mecopt.numeric;

/**
 * Phase I's fallback, the barrier method (B&amp;V §11.3): Newton centring of
 * {@code ψ = s + (1/t) Σ −log(−f̃_i)} with backtracking on ψ, then {@code t ← μ t}. Its Newton
 * step is the primal-dual step with λ reset to the central values {@code −1/(t f̃_i)}, so it
 * shares the Hessian assembly and the KKT solve. It is tried when the primal-dual Phase I
 * runs out of iterations: from far outside a small curved set the residual line search
 * crawls, while ψ keeps the steps long. It is not the first choice because on unbounded
 * polyhedra ψ has no minimum (x → ∞ lowers it) and the iterates wander off.
 */
final class BarrierIteration {
    private final InteriorPointOptions options;
    private final Iterate it;
    private final KktSystem kkt;
    private double t;

    BarrierIteration(InteriorPointOptions options, Iterate it, KktSystem kkt) {
        this.options = options;
        this.it = it;
        this.kkt = kkt;
    }

    /** Starts at the iterate's point (Phase I only: s is {@code y[n]}) and centres until an outcome. */
    IterationOutcome run() {
        if (!it.start()) {
            return IterationOutcome.NUMERIC;
        }
        it.iterations = 0;
        double tolF = options.feasibilityTolerance();
        t = it.bigM / (Math.abs(it.y[it.n]) + 1);
        int stepsAtT = 0;
        while (true) {
            for (int i = 0; i < it.bigM; i++) {
                it.lam[i] = -1 / (t * it.f[i]);
            }
            for (int i = 0; i < it.p; i++) {
                it.nu[i] = 0;
            }
            if (!it.evalDerivatives(it.y, it.lam, it.nu, it.df, it.g0, it.rD, it.rP)) {
                return IterationOutcome.NUMERIC;
            }
            double s = it.y[it.n];
            double gap = it.bigM / t;
            it.lastGap = gap;
            double rpn = Iterate.norm(it.rP, it.p);
            if (s < 0 && rpn <= tolF && gap <= -s) {
                return IterationOutcome.FEASIBLE_POINT;
            }
            if (it.iterations >= options.maxIterations()) {
                return IterationOutcome.LIMIT;
            }
            if (it.deadline.passed()) {
                return IterationOutcome.TIME;
            }
            kkt.assemble(it);
            if (it.deadline.passed()) {
                return IterationOutcome.TIME; // the assembly is O(m n²): as long as a factorization
            }
            for (int j = 0; j < it.bigN; j++) {
                it.rhs1[j] = -it.rD[j];
            }
            IterationOutcome solved = kkt.solve(it);
            if (solved != null) {
                return solved;
            }
            double dec2 = 0; // Newton decrement² of ψ (= Δᵀ H Δ when A Δ = 0)
            for (int j = 0; j < it.bigN; j++) {
                if (!Double.isFinite(it.dy[j])) {
                    return IterationOutcome.NUMERIC;
                }
                dec2 += it.rhs1[j] * it.dy[j];
            }
            boolean centred = !(dec2 >= 0) || t * dec2 / 2 <= 1e-6;
            if (centred && rpn <= tolF && (s - gap > 0 || gap <= options.gapTolerance())) {
                // Centred for this t, so s* ≥ s − M/t: s* > 0, or s ≈ s* ≥ 0.
                return IterationOutcome.CONVERGED;
            }
            if (centred || stepsAtT >= 8) {
                // Raise t also without exact centring: where the feasible set is unbounded the
                // Phase I barrier has no centre. Then recompute the step: this one was for the old
                // t, and ψ changes with t (a stale step here was an ascent direction).
                t *= options.mu();
                stepsAtT = 0;
                if (centred) {
                    it.iterations++;
                }
                continue;
            }
            stepsAtT++;
            double psi0 = barrierValue(it.y, it.f);
            double step = 1;
            while (true) {
                if (step < Backtracking.MIN_STEP) {
                    return IterationOutcome.STALL;
                }
                for (int j = 0; j < it.bigN; j++) {
                    it.yT[j] = it.y[j] + step * it.dy[j];
                }
                if (it.evalConstraints(it.yT, it.fT)
                        && barrierValue(it.yT, it.fT) <= psi0 - Backtracking.ALPHA * step * dec2) {
                    break;
                }
                step *= Backtracking.BETA;
            }
            double[] tmp = it.y;
            it.y = it.yT;
            it.yT = tmp;
            tmp = it.f;
            it.f = it.fT;
            it.fT = tmp;
            it.iterations++;
        }
    }

    /** {@code s + (1/t) Σ −log(−f̃_i)} at a point whose working inequalities are all negative. */
    private double barrierValue(double[] point, double[] values) {
        double v = 0;
        for (int i = 0; i < it.bigM; i++) {
            v -= Math.log(-values[i]);
        }
        return point[it.n] + v / t;
    }
}
