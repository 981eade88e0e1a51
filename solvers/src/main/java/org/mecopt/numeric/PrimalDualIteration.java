package org.mecopt.numeric;

/**
 * The main iteration: the primal-dual interior-point method (Boyd &amp; Vandenberghe §11.7,
 * Algorithm 11.2) on the iterate's working problem, Phase I's or Phase II's. Each iteration sets
 * {@code t} from the surrogate gap {@code η̂ = −f(x)ᵀλ}, takes the Newton step of the modified KKT
 * residual ({@link KktSystem}), recovers Δλ, and backtracks on {@code ‖r_t‖}
 * ({@code α = 0.01, β = 0.5}) from {@code 0.99} of the largest step keeping {@code λ > 0}.
 * How {@code t} departs from the textbook rule is explained in {@link InteriorPointSolver}.
 *
 * <p><b>Curved constraints</b> ({@link InteriorPointOptions#secondOrderCorrection()}, opt-in, Phase II
 * only). On ICA's subproblems at K = 50 the steps were 0.02–0.06 for up to 100 iterations: every
 * rejected trial of the line search was a nonlinear constraint's value turning positive (never the
 * merit test), and the blocking constraint was the bottleneck user's rate constraint, 1e-7 from
 * its boundary, whose curvature along Δx the linearization {@code f + ∇fᵀΔx} misses (it predicted
 * a decrease where f rose through 0). The option adds two things:
 * <ul>
 *   <li>a second-order correction (Nocedal &amp; Wright §18.3, as in IPOPT's filter line search,
 *   here in the complementarity equation): when the first trial point leaves a nonlinear
 *   constraint's feasible side, each nonlinear constraint's curvature excess along the step,
 *   {@code c_i = (f_i(x + sΔx) − f_i(x) − s∇f_iᵀΔx)/s²}, is added to its linearization, i.e. the
 *   Newton equation {@code λ_i(f_i + ∇f_iᵀΔx) + f_i Δλ_i = −1/t} becomes
 *   {@code λ_i(f_i + ∇f_iᵀΔx + c_i) + f_i Δλ_i = −1/t}, and the direction is solved again with
 *   the same factorization (one back substitution);</li>
 *   <li>where a trial is still infeasible, the boundary along the direction is located by
 *   bisection (to 5 %, constraint values only) and the search goes on from 0.9 of it, instead of
 *   halving past it.</li>
 * </ul>
 * Measured on ICA at K = 50, N = 4, M = 64, seeds 1000–1007, with ICA's μ = 5: 2 187 Newton
 * steps in all (5 subproblems at the limit of 100) became 1 148 (none at the limit); the first
 * subproblem 85–100 → 22–66 steps (with μ = 10, which ICA now uses with it: 620). The line search and its merit are unchanged, so a corrected direction
 * that does not decrease {@code ‖r_t‖} only gets shorter steps; the point returned still meets
 * the same tolerances.
 */
final class PrimalDualIteration {
    private final InteriorPointOptions options;
    private final Iterate it;
    private final KktSystem kkt;
    private double t;
    /** Where the line search resumes, as a fraction of the located feasibility boundary. */
    private static final double BOUNDARY_FRACTION = 0.9;

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
            IterationOutcome solved = direction(false, true);
            if (solved != null) {
                return solved;
            }
            if (options.secondOrderCorrection() && !it.phaseOne) {
                IterationOutcome corrected = secondOrderCorrection();
                if (corrected != null) {
                    return corrected;
                }
            }
            IterationOutcome searched = lineSearch(t);
            it.iterations++;
            if (searched != null) {
                return searched;
            }
        }
    }

    /**
     * The Newton direction Δx, Δν ({@link KktSystem}: a fresh factorization, or with {@code again}
     * a back substitution with the last one) and
     * {@code Δλ_i = −λ_i − c_i/f_i − λ_i (Df Δx)_i / f_i}, where {@code c_i} is {@code 1/t} with
     * {@code plain} (computed as {@code 1/(t f_i)}, as it always was) and {@code it.target[i]}
     * otherwise; null on success.
     */
    private IterationOutcome direction(boolean again, boolean plain) {
        // rhs1 = −∇f0 − Aᵀν + Dfᵀ v with v_i = c_i / f_i
        for (int j = 0; j < it.bigN; j++) {
            it.rhs1[j] = -it.g0[j];
        }
        it.addATransposeTimes(it.nu, it.rhs1, -1);
        double[] dfd = it.df.data;
        for (int i = 0; i < it.ml; i++) {
            it.linear.addRow(i, plain ? 1 / (t * it.f[i]) : it.target[i] / it.f[i], it.rhs1);
        }
        for (int i = it.ml; i < it.bigM; i++) {
            double v = plain ? 1 / (t * it.f[i]) : it.target[i] / it.f[i];
            int o = i * it.bigN;
            for (int j = 0; j < it.bigN; j++) {
                it.rhs1[j] += dfd[o + j] * v;
            }
        }
        IterationOutcome solved = again ? kkt.resolve(it) : kkt.solve(it);
        if (solved != null) {
            return solved;
        }
        // Δλ_i = −λ_i − c_i/f_i − λ_i (Df Δx)_i / f_i
        for (int i = 0; i < it.ml; i++) {
            it.dfdy[i] = it.linear.dotRow(i, it.dy, 0);
        }
        for (int i = it.ml; i < it.bigM; i++) {
            double v = 0;
            int o = i * it.bigN;
            for (int j = 0; j < it.bigN; j++) {
                v += dfd[o + j] * it.dy[j];
            }
            it.dfdy[i] = v;
        }
        for (int i = 0; i < it.bigM; i++) {
            double c = plain ? 1 / (t * it.f[i]) : it.target[i] / it.f[i];
            it.dlam[i] = -it.lam[i] - c - it.lam[i] * it.dfdy[i] / it.f[i];
        }
        for (int j = 0; j < it.bigN; j++) {
            if (!Double.isFinite(it.dy[j])) {
                return IterationOutcome.NUMERIC;
            }
        }
        return null;
    }

    /**
     * The second-order correction (see the class comment): when the line search's first trial
     * point leaves a nonlinear constraint's feasible side, the direction again with targets
     * {@code 1/t + λ_i c_i}; null when it was not needed or succeeded (when the corrected solve
     * fails, the plain direction is restored).
     */
    private IterationOutcome secondOrderCorrection() {
        double s = Math.min(1, 0.99 * largestDualStep());
        for (int j = 0; j < it.bigN; j++) {
            it.yT[j] = it.y[j] + s * it.dy[j];
        }
        if (it.evalConstraints(it.yT, it.fT)) {
            return null;
        }
        System.arraycopy(it.yT, 0, it.xs, 0, it.n);
        ConvexFunction[] nl = it.problem.nonlinear();
        for (int i = 0; i < it.bigM; i++) {
            it.target[i] = 1 / t;
        }
        boolean any = false;
        for (int q = 0; q < nl.length; q++) {
            int i = it.ml + q;
            // outside a constraint's domain (+∞ or NaN) there is no estimate: it keeps 1/t
            double excess = (nl[q].value(it.xs) - it.f[i] - s * it.dfdy[i]) / (s * s);
            if (Double.isFinite(excess) && excess > 0) {
                it.target[i] += it.lam[i] * excess;
                any = true;
            }
        }
        if (!any || direction(true, false) == null) {
            return null;
        }
        // the corrected system failed (non-finite Δx): back to the plain direction, same factor
        return direction(true, true);
    }

    /** The largest step keeping λ > 0 (+∞ when no Δλ_i is negative). */
    private double largestDualStep() {
        double sMax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < it.bigM; i++) {
            if (it.dlam[i] < 0) {
                sMax = Math.min(sMax, -it.lam[i] / it.dlam[i]);
            }
        }
        return sMax;
    }

    /** Backtracking on ‖r_t‖; null when a step was taken, STALL when none could be. */
    private IterationOutcome lineSearch(double t) {
        // 0.99 of the largest step keeping λ > 0, capped at the full Newton step 1.
        double s = Math.min(1, 0.99 * largestDualStep());
        double r0 = Math.sqrt(it.residualSq(it.f, it.lam, it.rD, it.rP, t));
        boolean bisect = options.secondOrderCorrection() && !it.phaseOne;
        while (s >= Backtracking.MIN_STEP) {
            for (int j = 0; j < it.bigN; j++) {
                it.yT[j] = it.y[j] + s * it.dy[j];
            }
            boolean feasible = it.evalConstraints(it.yT, it.fT);
            if (!feasible && bisect) {
                bisect = false;
                s = BOUNDARY_FRACTION * feasibleBoundary(s);
                continue;
            }
            for (int i = 0; i < it.bigM; i++) {
                it.lamT[i] = it.lam[i] + s * it.dlam[i];
            }
            for (int i = 0; i < it.p; i++) {
                it.nuT[i] = it.nu[i] + s * it.dnu[i];
            }
            if (feasible
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

    /**
     * The largest step in {@code [0, infeasible)} keeping the inequalities strictly satisfied along
     * Δx, by bisection to 5 % (constraint values only; 0 when every probe is infeasible).
     */
    private double feasibleBoundary(double infeasible) {
        double lo = 0;
        double hi = infeasible;
        while (hi - lo > 0.05 * hi) {
            double mid = 0.5 * (lo + hi);
            for (int j = 0; j < it.bigN; j++) {
                it.yT[j] = it.y[j] + mid * it.dy[j];
            }
            if (it.evalConstraints(it.yT, it.fT)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
