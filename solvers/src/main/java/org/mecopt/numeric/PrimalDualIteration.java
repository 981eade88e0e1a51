package org.mecopt.numeric;

/**
 * The main iteration: the primal-dual interior-point method (Boyd &amp; Vandenberghe §11.7,
 * Algorithm 11.2) on the iterate's working problem, Phase I's or Phase II's. Each iteration sets
 * {@code t} from the surrogate gap {@code η̂ = −f(x)ᵀλ}, takes the Newton step of the modified KKT
 * residual ({@link KktSystem}), recovers Δλ, and backtracks on {@code ‖r_t‖}
 * ({@code α = 0.01, β = 0.5}) from {@code 0.99} of the largest step keeping {@code λ > 0}.
 * How {@code t} departs from the textbook rule is explained in {@link InteriorPointSolver}.
 */
final class PrimalDualIteration {
    private final InteriorPointOptions options;
    private final Iterate it;
    private final KktSystem kkt;
    private double t;

    PrimalDualIteration(InteriorPointOptions options, Iterate it, KktSystem kkt) {
        this.options = options;
        this.it = it;
        this.kkt = kkt;
    }

    /** Starts from λ = −1/f, ν = 0 at the iterate's point and iterates to an outcome. */
    IterationOutcome run() {
        if (!it.start()) {
            return IterationOutcome.NUMERIC;
        }
        it.iterations = 0;
        double tolF = options.feasibilityTolerance();
        while (true) {
            double eta = 0;
            for (int i = 0; i < it.bigM; i++) {
                eta -= it.f[i] * it.lam[i];
            }
            it.lastGap = eta;
            double rpn = Iterate.norm(it.rP, it.p);
            double rdn = Iterate.norm(it.rD, it.bigN);
            if (!Double.isFinite(eta) || !Double.isFinite(rpn) || !Double.isFinite(rdn)) {
                return IterationOutcome.NUMERIC;
            }
            if (it.phaseOne && it.y[it.n] < 0 && rpn <= tolF && eta <= -it.y[it.n]) {
                return IterationOutcome.FEASIBLE_POINT;
            }
            if (it.phaseOne && it.y[it.n] - eta > 0 && rpn <= tolF && rdn <= tolF) {
                return IterationOutcome.CONVERGED; // certified: the lower bound s − η̂ on s* is positive
            }
            if (rpn <= tolF && rdn <= tolF && eta <= options.gapTolerance()) {
                return IterationOutcome.CONVERGED;
            }
            if (it.iterations >= options.maxIterations()) {
                return IterationOutcome.LIMIT;
            }
            if (it.deadline.passed()) {
                return IterationOutcome.TIME;
            }
            // B&V set t = μm/η̂ every iteration. Here t only grows, and only once the dual
            // residual is below η̂ (near the central path): from an off-centre start the Newton
            // step can collapse λ, and t = μm/η̂ then explodes and the iteration stalls with a
            // large dual residual (seen on a linear objective over a ball from half the starts).
            double tNew = it.bigM > 0 ? options.mu() * it.bigM / eta : 1;
            if (it.iterations == 0) {
                t = tNew;
            } else if (rdn <= eta) {
                t = Math.max(t, tNew);
            }
            kkt.assemble(it);
            if (it.deadline.passed()) {
                return IterationOutcome.TIME; // the assembly is O(m n²): as long as a factorization
            }
            // rhs1 = −∇f0 − Aᵀν + Dfᵀ v with v_i = 1/(t f_i)
            for (int j = 0; j < it.bigN; j++) {
                it.rhs1[j] = -it.g0[j];
            }
            it.addATransposeTimes(it.nu, it.rhs1, -1);
            double[] dfd = it.df.data;
            for (int i = 0; i < it.bigM; i++) {
                double v = 1 / (t * it.f[i]);
                int o = i * it.bigN;
                for (int j = 0; j < it.bigN; j++) {
                    it.rhs1[j] += dfd[o + j] * v;
                }
            }
            IterationOutcome solved = kkt.solve(it);
            if (solved != null) {
                return solved;
            }
            // Δλ_i = −λ_i − 1/(t f_i) − λ_i (Df Δx)_i / f_i
            for (int i = 0; i < it.bigM; i++) {
                double v = 0;
                int o = i * it.bigN;
                for (int j = 0; j < it.bigN; j++) {
                    v += dfd[o + j] * it.dy[j];
                }
                it.dfdy[i] = v;
            }
            for (int i = 0; i < it.bigM; i++) {
                it.dlam[i] = -it.lam[i] - 1 / (t * it.f[i]) - it.lam[i] * it.dfdy[i] / it.f[i];
            }
            for (int j = 0; j < it.bigN; j++) {
                if (!Double.isFinite(it.dy[j])) {
                    return IterationOutcome.NUMERIC;
                }
            }
            IterationOutcome searched = lineSearch(t);
            it.iterations++;
            if (searched != null) {
                return searched;
            }
        }
    }

    /** Backtracking on ‖r_t‖; null when a step was taken, STALL when none could be. */
    private IterationOutcome lineSearch(double t) {
        // 0.99 of the largest step keeping λ > 0, capped at the full Newton step 1.
        double sMax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < it.bigM; i++) {
            if (it.dlam[i] < 0) {
                sMax = Math.min(sMax, -it.lam[i] / it.dlam[i]);
            }
        }
        double s = Math.min(1, 0.99 * sMax);
        double r0 = Math.sqrt(it.residualSq(it.f, it.lam, it.rD, it.rP, t));
        while (s >= Backtracking.MIN_STEP) {
            for (int j = 0; j < it.bigN; j++) {
                it.yT[j] = it.y[j] + s * it.dy[j];
            }
            for (int i = 0; i < it.bigM; i++) {
                it.lamT[i] = it.lam[i] + s * it.dlam[i];
            }
            for (int i = 0; i < it.p; i++) {
                it.nuT[i] = it.nu[i] + s * it.dnu[i];
            }
            if (it.evalConstraints(it.yT, it.fT)
                    && it.evalDerivatives(it.yT, it.lamT, it.nuT, it.dfT, it.g0T, it.rDT, it.rPT)) {
                double r1 = Math.sqrt(it.residualSq(it.fT, it.lamT, it.rDT, it.rPT, t));
                if (r1 <= (1 - Backtracking.ALPHA * s) * r0) {
                    it.accept();
                    return null;
                }
            }
            s *= Backtracking.BETA;
        }
        return IterationOutcome.STALL;
    }
}
