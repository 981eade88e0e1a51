package org.mecopt.numeric;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;
import org.mecopt.api.Status;

/**
 * The primal-dual interior-point method for smooth convex programs
 * {@code min f0(x) s.t. f_i(x) ≤ 0, A x = b} (Boyd &amp; Vandenberghe, <i>Convex Optimization</i>,
 * §11.7, Algorithm 11.2), with a Phase I (§11.4.1) when no strictly feasible start is given.
 *
 * <p><b>Why hand-written.</b> The successive convex approximation solvers call this in an inner
 * loop on problems of ~10–300 variables, so it must be fast and allocation-light. ojAlgo has no
 * nonlinear or conic constraints; Hipparchus {@code SQPOptimizerS} converges but is slow (~4 ms for
 * 4 variables, with a 5 s outlier); JOptimizer is unmaintained (2018, log4j 1.2).
 *
 * <p><b>Method.</b> Each iteration sets {@code t = μ m / η̂} from the surrogate duality gap
 * {@code η̂ = −f(x)ᵀλ}, eliminates Δλ from the Newton system of the modified KKT residual
 * {@code r_t = (∇f0 + Dfᵀλ + Aᵀν, −diag(λ) f − 1/t, A x − b)} and solves
 * <pre>
 *   [ H_pd  Aᵀ ] [Δx]   [ −∇f0 − Aᵀν + (1/t) Σ ∇f_i / f_i ]
 *   [ A     0  ] [Δν] = −[ A x − b                          ],
 *   H_pd = ∇²f0 + Σ λ_i ∇²f_i + Σ (−λ_i / f_i) ∇f_i ∇f_iᵀ,
 * </pre>
 * by Cholesky of {@code H_pd} (EJML) and the Schur complement {@code A H_pd⁻¹ Aᵀ}. When
 * {@code H_pd} is singular it retries with {@code H_pd + ρ AᵀA} (an equivalent system), then with a
 * growing diagonal shift. The backtracking line search ({@code α = 0.01, β = 0.5}) starts at
 * {@code 0.99} of the largest step keeping {@code λ > 0}, keeps {@code f_i < 0} and requires
 * {@code ‖r_t‖} to decrease by {@code (1 − α s)}. The start is first moved to the nearest point
 * of {@code A x = b}; λ starts at {@code −1/f_i}, ν at 0.
 *
 * <p><b>Departure from B&amp;V:</b> {@code t} is not reset to {@code μm/η̂} every iteration: it is
 * set so at the first iteration and afterwards only raised to {@code μm/η̂}, and only while the
 * dual residual is at most {@code η̂} (the iterate is near the central path). With the textbook
 * rule, a start off the central path (e.g. a linear objective over a ball, started near the
 * sphere away from the optimum) lets one Newton step shrink λ a hundredfold, {@code t} then
 * explodes and the iteration stalls with a large dual residual: 17 of 40 such random starts in a
 * check against an independent NumPy transcription; none with this rule. It also took fewer
 * iterations on random QPs (n = 40, m = 80: ~32 instead of ~40).
 *
 * <p><b>Phase I</b> (when the start is not strictly feasible or off {@code A x = b}): the same method on
 * {@code min s s.t. f_i(x) ≤ s, s ≥ −1, A x = b} from {@code s₀ > max f_i(x₀)}. It stops as soon as
 * {@code s < 0}, {@code A x ≈ b} and its gap is below {@code |s|} (so {@code s} is within a factor 2
 * of the best margin); if it converges with {@code s ≥ 0}, the result is {@code INFEASIBLE}
 * (also when the feasible set has no interior: this method needs a strictly feasible point), and
 * it stops early with {@code INFEASIBLE} once {@code s − η̂ > 0} certifies it.
 *
 * <p><b>Limitations.</b> Absolute tolerances: scale the problem to O(1) numbers. Dense linear
 * algebra only (n up to a few hundred). A strictly feasible point must exist (no equality
 * disguised as two inequalities). From starts very close to a curved constraint's boundary with a
 * steep objective the method can still stall ({@code LIMIT_REACHED}, about 1 % of a stress sweep
 * of linear objectives of norm 10–30 over a ball with starts at radius 0.9–0.99); a start nearer
 * the interior avoids that. The primal-dual Phase I shares the weakness: from a start far outside
 * a small curved feasible set it crawls (10 of 300 random QP-plus-ball problems solved from
 * starts ~10 away). When it runs out of iterations, Phase I is retried with the barrier method
 * ({@code runBarrier}), which solved all 300 (test {@code InteriorPointFarStartTest}); such
 * solves cost the wasted primal-dual iterations first. Give a start inside or near the feasible
 * set when there are nonlinear constraints.
 *
 * <p><b>Use.</b> One instance keeps its work arrays between calls and reuses them when the next
 * problem is no larger: keep one per thread (instances are <em>not</em> thread-safe). A solve
 * allocates only its result (and the work arrays when the size grows).
 */
public final class InteriorPointSolver {
    private static final double ALPHA = 0.01;
    private static final double BETA = 0.5;
    private static final double MIN_STEP = 1e-12;
    /** A Cholesky pivot below this fraction of its diagonal entry counts as singular. */
    private static final double PIVOT_RATIO = 1e-14;

    private enum Outcome { CONVERGED, FEASIBLE_POINT, LIMIT, STALL, NUMERIC, SINGULAR }

    private final InteriorPointOptions options;

    // Current phase.
    private ConvexProblem problem;
    private boolean phaseOne;
    private int n;
    private int ml;
    private int bigN;
    private int bigM;
    private int p;
    private int iterations;
    private double lastGap;
    private double t;
    private boolean useBarrier;

    // Work arrays (capacity for Phase I: n + 1 variables, m + 1 inequalities).
    private int capN = -1;
    private int capM = -1;
    private int capP = -1;
    private double[] y;
    private double[] yT;
    private double[] dy;
    private double[] xs;
    private double[] gx;
    private double[] lam;
    private double[] lamT;
    private double[] dlam;
    private double[] f;
    private double[] fT;
    private double[] nu;
    private double[] nuT;
    private double[] dnu;
    private double[] g0;
    private double[] g0T;
    private double[] rD;
    private double[] rDT;
    private double[] rP;
    private double[] rPT;
    private double[] rhs1;
    private double[] kdiag;
    private double[] dfdy;
    private DMatrixRMaj df;
    private DMatrixRMaj dfT;
    private DMatrixRMaj w;
    private DMatrixRMaj hpd;
    private DMatrixRMaj k;
    private DMatrixRMaj hx;
    private DMatrixRMaj bRhs;
    private DMatrixRMaj sol;
    private DMatrixRMaj schur;
    private DMatrixRMaj nuRhs;
    private DMatrixRMaj nuSol;
    private final LinearSolverChol_DDRM cholK = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));
    private final LinearSolverChol_DDRM cholS = new LinearSolverChol_DDRM(new CholeskyDecompositionInner_DDRM(true));

    /** A solver with {@link InteriorPointOptions#defaults()}. */
    public InteriorPointSolver() {
        this(InteriorPointOptions.defaults());
    }

    public InteriorPointSolver(InteriorPointOptions options) {
        this.options = options;
    }

    public InteriorPointOptions options() {
        return options;
    }

    /** Solves from {@code x = 0} (through Phase I unless 0 is strictly feasible). */
    public InteriorPointResult solve(ConvexProblem problem) {
        return solve(problem, null);
    }

    /**
     * Solves {@code problem}.
     *
     * @param problem the convex program
     * @param x0      the start, length n, not modified; {@code null} means 0. If it is strictly
     *                feasible for the inequalities Phase I is skipped; {@code A x0 = b} is not
     *                required. Every {@code f_i} must be finite at {@code x0}.
     * @return the result; never throws for numerical trouble (see {@link InteriorPointResult})
     */
    public InteriorPointResult solve(ConvexProblem problem, double[] x0) {
        this.problem = problem;
        this.n = problem.dimension();
        int m = problem.inequalityCount();
        this.ml = problem.linearInequalityCount();
        this.p = problem.equalityCount();
        if (x0 != null && x0.length != n) {
            throw new IllegalArgumentException("x0 has length " + x0.length + ", expected " + n);
        }
        ensureCapacity(n + 1, m + 1, p);
        if (xs == null || xs.length != n) {
            // Exactly length n: user functions may rely on x.length.
            xs = new double[n];
            gx = new double[n];
        }
        for (int j = 0; j < n; j++) {
            y[j] = x0 == null ? 0 : x0[j];
        }
        if (p > 0) {
            projectOntoEqualities();
        }
        // Is the start strictly feasible?
        System.arraycopy(y, 0, xs, 0, n);
        problem.inequalityValues(xs, f);
        double maxF = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(f[i])) {
                return failure(Status.NUMERICAL_ERROR, 0, "f_" + i + "(x0) = " + f[i]
                        + ": the start must be inside every constraint's domain");
            }
            maxF = Math.max(maxF, f[i]);
        }
        int phaseOneIterations = 0;
        // Phase I also when A x0 ≠ b: Phase II would accept such a start, but could then not
        // tell an infeasible equality-plus-inequality system from slow progress.
        double[] eqRes = new double[p];
        problem.equalityResiduals(xs, eqRes);
        boolean equalitiesMet = norm(eqRes, p) <= options.feasibilityTolerance();
        if (m > 0 && (maxF >= 0 || !equalitiesMet)) {
            setUpPhase(true, m);
            double s0 = Math.max(maxF, 0) + 1 + 0.1 * Math.abs(maxF);
            double[] start = java.util.Arrays.copyOf(y, n);
            y[n] = s0;
            useBarrier = false;
            Outcome outcome = startAndRun();
            phaseOneIterations = iterations;
            boolean found = y[n] < 0 && norm(rP, p) <= options.feasibilityTolerance();
            if (outcome == Outcome.LIMIT || outcome == Outcome.SINGULAR || outcome == Outcome.NUMERIC
                    || (outcome == Outcome.STALL && !found)) {
                // Second try from the same start: the barrier method (see runBarrier).
                System.arraycopy(start, 0, y, 0, n);
                y[n] = s0;
                useBarrier = true;
                outcome = startAndRun();
                phaseOneIterations += iterations;
            }
            useBarrier = false;
            double s = y[n];
            double rpn = norm(rP, p);
            switch (outcome) {
                case FEASIBLE_POINT:
                    break;
                case CONVERGED:
                    if (!(s < 0)) {
                        return failure(Status.INFEASIBLE, phaseOneIterations, String.format(
                                "Phase I optimum s = %.3e >= 0: no strictly feasible point", s));
                    }
                    break;
                case STALL:
                    if (s < 0 && rpn <= options.feasibilityTolerance()) {
                        break;
                    }
                    if (s - lastGap > 0 && norm(rD, bigN) <= Math.sqrt(options.feasibilityTolerance())) {
                        return failure(Status.INFEASIBLE, phaseOneIterations, String.format(
                                "Phase I stalled with a positive lower bound s - gap = %.3e", s - lastGap));
                    }
                    return failure(Status.NUMERICAL_ERROR, phaseOneIterations,
                            "Phase I line search stalled at s = " + s);
                case LIMIT:
                    return failure(Status.LIMIT_REACHED, phaseOneIterations,
                            "Phase I iteration limit at s = " + s);
                default:
                    return failure(Status.NUMERICAL_ERROR, phaseOneIterations,
                            "Phase I: " + (outcome == Outcome.SINGULAR ? "singular Newton system"
                                    : "non-finite value"));
            }
        }
        setUpPhase(false, m);
        Outcome outcome = startAndRun();
        switch (outcome) {
            case CONVERGED:
                return result(Status.OPTIMAL, phaseOneIterations, "converged");
            case LIMIT:
                return result(Status.LIMIT_REACHED, phaseOneIterations, "iteration limit");
            case STALL:
                return result(Status.LIMIT_REACHED, phaseOneIterations,
                        "line search stalled before the tolerances were met");
            case SINGULAR:
                return failure(Status.NUMERICAL_ERROR, phaseOneIterations, "singular Newton system");
            default:
                return failure(Status.NUMERICAL_ERROR, phaseOneIterations, "non-finite value");
        }
    }

    /**
     * Moves y[0..n) to the nearest point of {A x = b} when it is not on it (least-norm correction
     * {@code x −= Aᵀ (A Aᵀ)⁻¹ (A x − b)}): linear Newton steps then keep A x = b, and the Phase I
     * start is no longer in a tug of war between the equalities and curved inequalities. When
     * {@code A Aᵀ} is singular, a small shift is tried; if the system is inconsistent the start is
     * left as it is and Phase I reports the infeasibility.
     */
    private void projectOntoEqualities() {
        double[] res = new double[p];
        System.arraycopy(y, 0, xs, 0, n);
        problem.equalityResiduals(xs, res);
        if (norm(res, p) <= options.feasibilityTolerance()) {
            return;
        }
        DMatrixRMaj a = problem.a();
        DMatrixRMaj aat = new DMatrixRMaj(p, p);
        CommonOps_DDRM.multOuter(a, aat);
        double scale = 0;
        for (int i = 0; i < p; i++) {
            scale = Math.max(scale, aat.get(i, i));
        }
        DMatrixRMaj rhs = new DMatrixRMaj(p, 1, true, res);
        DMatrixRMaj z = new DMatrixRMaj(p, 1);
        for (int attempt = 0; attempt < 4; attempt++) {
            DMatrixRMaj m = aat.copy();
            double shift = attempt == 0 ? 0 : scale * 1e-12 * Math.pow(1e3, attempt - 1);
            for (int i = 0; i < p; i++) {
                m.add(i, i, shift);
            }
            if (cholS.setA(m)) {
                cholS.solve(rhs, z);
                double[] trial = java.util.Arrays.copyOf(y, n);
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < n; j++) {
                        trial[j] -= a.get(i, j) * z.get(i);
                    }
                }
                double[] after = new double[p];
                problem.equalityResiduals(trial, after);
                if (allFinite(trial) && norm(after, p) < norm(res, p)) {
                    System.arraycopy(trial, 0, y, 0, n);
                }
                return;
            }
        }
    }

    // ---------------------------------------------------------------- phases

    private void setUpPhase(boolean one, int m) {
        this.phaseOne = one;
        this.bigN = one ? n + 1 : n;
        this.bigM = one ? m + 1 : m;
        df.reshape(bigM, bigN);
        dfT.reshape(bigM, bigN);
        w.reshape(bigM, bigN);
        hpd.reshape(bigN, bigN);
        k.reshape(bigN, bigN);
        bRhs.reshape(bigN, p + 1);
        sol.reshape(bigN, p + 1);
        // The constant rows: linear inequalities, and in Phase I the −s column and s ≥ −1.
        df.zero();
        DMatrixRMaj g = problem.g();
        for (int i = 0; i < ml; i++) {
            System.arraycopy(g.data, i * n, df.data, i * bigN, n);
        }
        if (one) {
            for (int i = 0; i < m; i++) {
                df.data[i * bigN + n] = -1;
            }
            df.data[m * bigN + n] = -1;
        }
        dfT.setTo(df);
    }

    /** Sets λ = −1/f, ν = 0 at the current y (strictly feasible) and runs the Newton iterations. */
    private Outcome startAndRun() {
        if (!evalConstraints(y, f)) {
            return Outcome.NUMERIC;
        }
        for (int i = 0; i < bigM; i++) {
            lam[i] = -1 / f[i];
        }
        for (int i = 0; i < p; i++) {
            nu[i] = 0;
        }
        if (!evalDerivatives(y, lam, nu, df, g0, rD, rP)) {
            return Outcome.NUMERIC;
        }
        return useBarrier ? runBarrier() : run();
    }

    /**
     * Phase I's fallback, the barrier method (B&amp;V §11.3): Newton centring of
     * {@code ψ = s + (1/t) Σ −log(−f̃_i)} with backtracking on ψ, then {@code t ← μ t}. Its Newton
     * step is the primal-dual step with λ reset to the central values {@code −1/(t f̃_i)}, so it
     * shares the Hessian assembly and the KKT solve. It is tried when the primal-dual Phase I
     * runs out of iterations: from far outside a small curved set the residual line search
     * crawls, while ψ keeps the steps long. It is not the first choice because on unbounded
     * polyhedra ψ has no minimum (x → ∞ lowers it) and the iterates wander off.
     */
    private Outcome runBarrier() {
        iterations = 0;
        double tolF = options.feasibilityTolerance();
        t = bigM / (Math.abs(y[n]) + 1);
        int stepsAtT = 0;
        while (true) {
            for (int i = 0; i < bigM; i++) {
                lam[i] = -1 / (t * f[i]);
            }
            for (int i = 0; i < p; i++) {
                nu[i] = 0;
            }
            if (!evalDerivatives(y, lam, nu, df, g0, rD, rP)) {
                return Outcome.NUMERIC;
            }
            double s = y[n];
            double gap = bigM / t;
            lastGap = gap;
            double rpn = norm(rP, p);
            if (s < 0 && rpn <= tolF && gap <= -s) {
                return Outcome.FEASIBLE_POINT;
            }
            if (iterations >= options.maxIterations()) {
                return Outcome.LIMIT;
            }
            assembleHessian();
            for (int j = 0; j < bigN; j++) {
                rhs1[j] = -rD[j];
            }
            Outcome solved = newtonStep();
            if (solved != null) {
                return solved;
            }
            double dec2 = 0; // Newton decrement² of ψ (= Δᵀ H Δ when A Δ = 0)
            for (int j = 0; j < bigN; j++) {
                if (!Double.isFinite(dy[j])) {
                    return Outcome.NUMERIC;
                }
                dec2 += rhs1[j] * dy[j];
            }
            boolean centred = !(dec2 >= 0) || t * dec2 / 2 <= 1e-6;
            if (centred && rpn <= tolF && (s - gap > 0 || gap <= options.gapTolerance())) {
                // Centred for this t, so s* ≥ s − M/t: s* > 0, or s ≈ s* ≥ 0.
                return Outcome.CONVERGED;
            }
            if (centred || stepsAtT >= 8) {
                // Raise t also without exact centring: where the feasible set is unbounded the
                // Phase I barrier has no centre. Then recompute the step: this one was for the old
                // t, and ψ changes with t (a stale step here was an ascent direction).
                t *= options.mu();
                stepsAtT = 0;
                if (centred) {
                    iterations++;
                }
                continue;
            }
            stepsAtT++;
            double psi0 = barrierValue(y, f);
            double step = 1;
            while (true) {
                if (step < MIN_STEP) {
                    return Outcome.STALL;
                }
                for (int j = 0; j < bigN; j++) {
                    yT[j] = y[j] + step * dy[j];
                }
                if (evalConstraints(yT, fT) && barrierValue(yT, fT) <= psi0 - ALPHA * step * dec2) {
                    break;
                }
                step *= BETA;
            }
            double[] tmp = y;
            y = yT;
            yT = tmp;
            tmp = f;
            f = fT;
            fT = tmp;
            iterations++;
        }
    }

    /** {@code s + (1/t) Σ −log(−f̃_i)} at a point whose working inequalities are all negative. */
    private double barrierValue(double[] point, double[] values) {
        double v = 0;
        for (int i = 0; i < bigM; i++) {
            v -= Math.log(-values[i]);
        }
        return point[n] + v / t;
    }

    private Outcome run() {
        iterations = 0;
        double tolF = options.feasibilityTolerance();
        while (true) {
            double eta = 0;
            for (int i = 0; i < bigM; i++) {
                eta -= f[i] * lam[i];
            }
            lastGap = eta;
            double rpn = norm(rP, p);
            double rdn = norm(rD, bigN);
            if (!Double.isFinite(eta) || !Double.isFinite(rpn) || !Double.isFinite(rdn)) {
                return Outcome.NUMERIC;
            }
            if (phaseOne && y[n] < 0 && rpn <= tolF && eta <= -y[n]) {
                return Outcome.FEASIBLE_POINT;
            }
            if (phaseOne && y[n] - eta > 0 && rpn <= tolF && rdn <= tolF) {
                return Outcome.CONVERGED; // certified: the lower bound s − η̂ on s* is positive
            }
            if (rpn <= tolF && rdn <= tolF && eta <= options.gapTolerance()) {
                return Outcome.CONVERGED;
            }
            if (iterations >= options.maxIterations()) {
                return Outcome.LIMIT;
            }
            // B&V set t = μm/η̂ every iteration. Here t only grows, and only once the dual
            // residual is below η̂ (near the central path): from an off-centre start the Newton
            // step can collapse λ, and t = μm/η̂ then explodes and the iteration stalls with a
            // large dual residual (seen on a linear objective over a ball from half the starts).
            double tNew = bigM > 0 ? options.mu() * bigM / eta : 1;
            if (iterations == 0) {
                t = tNew;
            } else if (rdn <= eta) {
                t = Math.max(t, tNew);
            }
            assembleHessian();
            // rhs1 = −∇f0 − Aᵀν + Dfᵀ v with v_i = 1/(t f_i)
            for (int j = 0; j < bigN; j++) {
                rhs1[j] = -g0[j];
            }
            addATransposeTimes(nu, rhs1, -1);
            double[] dfd = df.data;
            for (int i = 0; i < bigM; i++) {
                double v = 1 / (t * f[i]);
                int o = i * bigN;
                for (int j = 0; j < bigN; j++) {
                    rhs1[j] += dfd[o + j] * v;
                }
            }
            Outcome solved = newtonStep();
            if (solved != null) {
                return solved;
            }
            // Δλ_i = −λ_i − 1/(t f_i) − λ_i (Df Δx)_i / f_i
            for (int i = 0; i < bigM; i++) {
                double v = 0;
                int o = i * bigN;
                for (int j = 0; j < bigN; j++) {
                    v += dfd[o + j] * dy[j];
                }
                dfdy[i] = v;
            }
            for (int i = 0; i < bigM; i++) {
                dlam[i] = -lam[i] - 1 / (t * f[i]) - lam[i] * dfdy[i] / f[i];
            }
            for (int j = 0; j < bigN; j++) {
                if (!Double.isFinite(dy[j])) {
                    return Outcome.NUMERIC;
                }
            }
            Outcome searched = lineSearch(t);
            iterations++;
            if (searched != null) {
                return searched;
            }
        }
    }

    /** H_pd = WᵀW (W_i = √(−λ_i/f_i) ∇f_i) + ∇²f0 + Σ λ_i ∇²f_i, into {@code hpd}. */
    private void assembleHessian() {
        double[] src = df.data;
        double[] dst = w.data;
        for (int i = 0; i < bigM; i++) {
            double d = Math.sqrt(-lam[i] / f[i]);
            int o = i * bigN;
            for (int j = 0; j < bigN; j++) {
                dst[o + j] = src[o + j] * d;
            }
        }
        hpd.reshape(bigN, bigN);
        addGramUpper(dst, bigM, bigN, hpd.data);
        System.arraycopy(y, 0, xs, 0, n);
        ConvexFunction[] nl = problem.nonlinear();
        if (phaseOne) {
            hx.reshape(n, n);
            hx.zero();
            for (int q = 0; q < nl.length; q++) {
                nl[q].addHessian(xs, lam[ml + q], hx);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    hpd.data[i * bigN + j] += hx.data[i * n + j];
                }
            }
        } else {
            problem.objective().addHessian(xs, 1.0, hpd);
            for (int q = 0; q < nl.length; q++) {
                nl[q].addHessian(xs, lam[ml + q], hpd);
            }
        }
        // Only the upper triangle is read (ConvexFunction#addHessian): mirror it.
        double[] hd = hpd.data;
        for (int r = 1; r < bigN; r++) {
            for (int c = 0; c < r; c++) {
                hd[r * bigN + c] = hd[c * bigN + r];
            }
        }
    }

    /**
     * Writes the upper triangle of {@code WᵀW} (W is rows × cols, row-major) into {@code out}
     * (cols × cols): a sum of row outer products with contiguous inner loops, skipping zero
     * entries, so bound rows (one non-zero) cost O(1). Faster here than EJML's
     * {@code multInner}, whose column-strided inner products dominated the profile.
     */
    static void addGramUpper(double[] w, int rows, int cols, double[] out) {
        java.util.Arrays.fill(out, 0, cols * cols, 0.0);
        int i = 0;
        // Four rows at a time: four multiply-adds per load/store of out.
        for (; i + 3 < rows; i += 4) {
            int o0 = i * cols;
            int o1 = o0 + cols;
            int o2 = o1 + cols;
            int o3 = o2 + cols;
            for (int r = 0; r < cols; r++) {
                double a0 = w[o0 + r];
                double a1 = w[o1 + r];
                double a2 = w[o2 + r];
                double a3 = w[o3 + r];
                if (a0 == 0 && a1 == 0 && a2 == 0 && a3 == 0) {
                    continue;
                }
                int hr = r * cols;
                for (int c = r; c < cols; c++) {
                    out[hr + c] += a0 * w[o0 + c] + a1 * w[o1 + c] + a2 * w[o2 + c] + a3 * w[o3 + c];
                }
            }
        }
        for (; i < rows; i++) {
            int o = i * cols;
            for (int r = 0; r < cols; r++) {
                double wr = w[o + r];
                if (wr == 0) {
                    continue;
                }
                int hr = r * cols;
                for (int c = r; c < cols; c++) {
                    out[hr + c] += wr * w[o + c];
                }
            }
        }
    }

    /** Solves for (Δx, Δν) into dy, dnu; null on success, else the failure. */
    private Outcome newtonStep() {
        double maxDiag = 0;
        for (int j = 0; j < bigN; j++) {
            double d = hpd.data[j * bigN + j];
            if (!Double.isFinite(d)) {
                return Outcome.NUMERIC;
            }
            maxDiag = Math.max(maxDiag, Math.abs(d));
        }
        double scale = Math.max(1, maxDiag);
        // Attempt 0: H_pd; 1: H_pd + ρAᵀA (when p > 0); 2..: H_pd + δI, δ growing.
        for (int attempt = 0; attempt < 9; attempt++) {
            double rho = 0;
            double delta = 0;
            if (attempt == 1) {
                if (p == 0) {
                    continue;
                }
                rho = scale;
            } else if (attempt >= 2) {
                delta = scale * 1e-12 * Math.pow(100, attempt - 2);
            }
            k.setTo(hpd);
            if (rho > 0) {
                addRhoATA(rho);
            }
            for (int j = 0; j < bigN; j++) {
                k.data[j * bigN + j] += delta;
                kdiag[j] = k.data[j * bigN + j];
            }
            if (!cholK.setA(k) || !pivotsOk(k, kdiag, bigN)) {
                continue;
            }
            // Right-hand sides: [Aᵀ | rhs1 − ρ Aᵀ rP]
            bRhs.zero();
            double[] a = problem.a().data;
            int cols = p + 1;
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < n; j++) {
                    bRhs.data[j * cols + i] = a[i * n + j];
                }
            }
            for (int j = 0; j < bigN; j++) {
                bRhs.data[j * cols + p] = rhs1[j];
            }
            if (rho > 0) {
                for (int i = 0; i < p; i++) {
                    double ri = rho * rP[i];
                    for (int j = 0; j < n; j++) {
                        bRhs.data[j * cols + p] -= a[i * n + j] * ri;
                    }
                }
            }
            cholK.solve(bRhs, sol);
            if (p == 0) {
                for (int j = 0; j < bigN; j++) {
                    dy[j] = sol.data[j];
                }
                return null;
            }
            if (solveSchur(a, cols)) {
                return null;
            }
        }
        return Outcome.SINGULAR;
    }

    /** S Δν = A u + rP with S = A Z, then Δx = u − Z Δν; false if S cannot be factored. */
    private boolean solveSchur(double[] a, int cols) {
        schur.reshape(p, p);
        nuRhs.reshape(p, 1);
        nuSol.reshape(p, 1);
        double[] z = sol.data;
        double maxDiag = 0;
        for (int i = 0; i < p; i++) {
            double rhs = rP[i];
            for (int j = 0; j < n; j++) {
                rhs += a[i * n + j] * z[j * cols + p];
            }
            nuRhs.data[i] = rhs;
            for (int c = 0; c < p; c++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i * n + j] * z[j * cols + c];
                }
                schur.data[i * p + c] = s;
            }
            maxDiag = Math.max(maxDiag, Math.abs(schur.data[i * p + i]));
        }
        for (int attempt = 0; attempt < 6; attempt++) {
            if (attempt > 0) {
                // The factorization overwrote S: rebuild it from Z, with a growing diagonal shift
                // (A rank-deficient).
                double delta = maxDiag * 1e-14 * Math.pow(100, attempt - 1);
                for (int i = 0; i < p; i++) {
                    for (int c = 0; c < p; c++) {
                        double v = 0;
                        for (int j = 0; j < n; j++) {
                            v += a[i * n + j] * z[j * cols + c];
                        }
                        schur.data[i * p + c] = v + (i == c ? delta : 0);
                    }
                }
            }
            if (!cholS.setA(schur)) {
                continue;
            }
            cholS.solve(nuRhs, nuSol);
            for (int i = 0; i < p; i++) {
                dnu[i] = nuSol.data[i];
            }
            for (int j = 0; j < bigN; j++) {
                double v = z[j * cols + p];
                for (int c = 0; c < p; c++) {
                    v -= z[j * cols + c] * dnu[c];
                }
                dy[j] = v;
            }
            return true;
        }
        return false;
    }

    private void addRhoATA(double rho) {
        double[] a = problem.a().data;
        for (int i = 0; i < p; i++) {
            for (int r = 0; r < n; r++) {
                double ar = rho * a[i * n + r];
                if (ar == 0) {
                    continue;
                }
                for (int c = 0; c < n; c++) {
                    k.data[r * bigN + c] += ar * a[i * n + c];
                }
            }
        }
    }

    private static boolean pivotsOk(DMatrixRMaj factored, double[] diag, int size) {
        for (int j = 0; j < size; j++) {
            double l = factored.data[j * size + j];
            if (!(l * l > PIVOT_RATIO * diag[j])) {
                return false;
            }
        }
        return true;
    }

    /** Backtracking on ‖r_t‖; null when a step was taken, STALL when none could be. */
    private Outcome lineSearch(double t) {
        // 0.99 of the largest step keeping λ > 0, capped at the full Newton step 1.
        double sMax = Double.POSITIVE_INFINITY;
        for (int i = 0; i < bigM; i++) {
            if (dlam[i] < 0) {
                sMax = Math.min(sMax, -lam[i] / dlam[i]);
            }
        }
        double s = Math.min(1, 0.99 * sMax);
        double r0 = Math.sqrt(residualSq(f, lam, rD, rP, t));
        while (s >= MIN_STEP) {
            for (int j = 0; j < bigN; j++) {
                yT[j] = y[j] + s * dy[j];
            }
            for (int i = 0; i < bigM; i++) {
                lamT[i] = lam[i] + s * dlam[i];
            }
            for (int i = 0; i < p; i++) {
                nuT[i] = nu[i] + s * dnu[i];
            }
            if (evalConstraints(yT, fT) && evalDerivatives(yT, lamT, nuT, dfT, g0T, rDT, rPT)) {
                double r1 = Math.sqrt(residualSq(fT, lamT, rDT, rPT, t));
                if (r1 <= (1 - ALPHA * s) * r0) {
                    accept();
                    return null;
                }
            }
            s *= BETA;
        }
        return Outcome.STALL;
    }

    private void accept() {
        double[] tmp = y;
        y = yT;
        yT = tmp;
        tmp = lam;
        lam = lamT;
        lamT = tmp;
        tmp = nu;
        nu = nuT;
        nuT = tmp;
        tmp = f;
        f = fT;
        fT = tmp;
        tmp = g0;
        g0 = g0T;
        g0T = tmp;
        tmp = rD;
        rD = rDT;
        rDT = tmp;
        tmp = rP;
        rP = rPT;
        rPT = tmp;
        DMatrixRMaj m = df;
        df = dfT;
        dfT = m;
    }

    private double residualSq(double[] fv, double[] lv, double[] dual, double[] pri, double t) {
        double sum = 0;
        for (int j = 0; j < bigN; j++) {
            sum += dual[j] * dual[j];
        }
        for (int i = 0; i < p; i++) {
            sum += pri[i] * pri[i];
        }
        double invT = bigM > 0 ? 1 / t : 0;
        for (int i = 0; i < bigM; i++) {
            double c = -lv[i] * fv[i] - invT;
            sum += c * c;
        }
        return sum;
    }

    // ---------------------------------------------------------------- evaluation

    /** Writes the working inequality values at {@code point}; true iff all are finite and < 0. */
    private boolean evalConstraints(double[] point, double[] out) {
        double shift = phaseOne ? point[n] : 0;
        double[] g = problem.g().data;
        double[] h = problem.h();
        boolean ok = true;
        for (int i = 0; i < ml; i++) {
            double v = -h[i] - shift;
            int o = i * n;
            for (int j = 0; j < n; j++) {
                v += g[o + j] * point[j];
            }
            out[i] = v;
            if (!(v < 0)) {
                return false;
            }
        }
        System.arraycopy(point, 0, xs, 0, n);
        ConvexFunction[] nl = problem.nonlinear();
        for (int q = 0; q < nl.length; q++) {
            double v = nl[q].value(xs) - shift;
            out[ml + q] = v;
            if (!(v < 0)) {
                return false;
            }
        }
        if (phaseOne) {
            double v = -shift - 1;
            out[ml + nl.length] = v;
            ok = v < 0;
        }
        return ok;
    }

    /** ∇f0, the nonlinear Jacobian rows, r_dual and r_pri at {@code point}; false if non-finite. */
    private boolean evalDerivatives(double[] point, double[] lv, double[] nv, DMatrixRMaj jac, double[] grad,
            double[] dual, double[] pri) {
        System.arraycopy(point, 0, xs, 0, n);
        if (phaseOne) {
            for (int j = 0; j < n; j++) {
                grad[j] = 0;
            }
            grad[n] = 1;
        } else {
            problem.objective().gradient(xs, grad);
        }
        ConvexFunction[] nl = problem.nonlinear();
        for (int q = 0; q < nl.length; q++) {
            nl[q].gradient(xs, gx);
            System.arraycopy(gx, 0, jac.data, (ml + q) * bigN, n);
        }
        System.arraycopy(grad, 0, dual, 0, bigN);
        double[] jd = jac.data;
        for (int i = 0; i < bigM; i++) {
            double l = lv[i];
            int o = i * bigN;
            for (int j = 0; j < bigN; j++) {
                dual[j] += jd[o + j] * l;
            }
        }
        addATransposeTimes(nv, dual, 1);
        problem.equalityResiduals(xs, pri);
        double check = 0;
        for (int j = 0; j < bigN; j++) {
            check += dual[j];
        }
        for (int i = 0; i < p; i++) {
            check += pri[i];
        }
        return Double.isFinite(check);
    }

    /** out[0..n) += sign · Aᵀ v. */
    private void addATransposeTimes(double[] v, double[] out, double sign) {
        double[] a = problem.a().data;
        for (int i = 0; i < p; i++) {
            double vi = sign * v[i];
            int o = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[o + j] * vi;
            }
        }
    }

    // ---------------------------------------------------------------- results

    private InteriorPointResult result(Status status, int phaseOneIterations, String message) {
        int m = problem.inequalityCount();
        double[] x = java.util.Arrays.copyOf(y, n);
        double objective = problem.objective().value(x);
        double maxIneq = maxInequality(x, m);
        double rdn = norm(rD, n);
        double rpn = norm(rP, p);
        if (!Double.isFinite(objective) || !Double.isFinite(lastGap) || !Double.isFinite(rdn)
                || !Double.isFinite(rpn) || (m > 0 && !Double.isFinite(maxIneq)) || !allFinite(x)) {
            status = Status.NUMERICAL_ERROR;
            message = "non-finite value at the final point (" + message + ")";
        }
        return new InteriorPointResult(status, x, java.util.Arrays.copyOf(lam, m), java.util.Arrays.copyOf(nu, p),
                objective, m == 0 ? 0 : lastGap, rpn, rdn, maxIneq, iterations, phaseOneIterations, message);
    }

    /** {@code max_i f_i(x)} over the m inequalities, a NaN counting as +∞; −∞ when m = 0. */
    private double maxInequality(double[] x, int m) {
        double[] values = new double[m];
        problem.inequalityValues(x, values);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, Double.isNaN(v) ? Double.POSITIVE_INFINITY : v);
        }
        return max;
    }

    /** A result whose point is not a Phase II iterate: gap and dual residual are +∞ (no bound). */
    private InteriorPointResult failure(Status status, int phaseOneIterations, String message) {
        int m = problem.inequalityCount();
        double[] x = java.util.Arrays.copyOf(y, n);
        double objective = problem.objective().value(x);
        double maxIneq = maxInequality(x, m);
        double[] r = new double[p];
        problem.equalityResiduals(x, r);
        return new InteriorPointResult(status, x, java.util.Arrays.copyOf(lam, m), new double[p], objective,
                Double.POSITIVE_INFINITY, norm(r, p), Double.POSITIVE_INFINITY, maxIneq,
                phaseOne ? 0 : iterations, phaseOneIterations, message);
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    private static double norm(double[] v, int len) {
        double s = 0;
        for (int i = 0; i < len; i++) {
            s += v[i] * v[i];
        }
        return Math.sqrt(s);
    }

    private void ensureCapacity(int nn, int mm, int pp) {
        if (nn <= capN && mm <= capM && pp <= capP) {
            return;
        }
        capN = Math.max(nn, capN);
        capM = Math.max(mm, capM);
        capP = Math.max(pp, capP);
        y = new double[capN];
        yT = new double[capN];
        dy = new double[capN];
        g0 = new double[capN];
        g0T = new double[capN];
        rD = new double[capN];
        rDT = new double[capN];
        rhs1 = new double[capN];
        kdiag = new double[capN];
        lam = new double[capM];
        lamT = new double[capM];
        dlam = new double[capM];
        f = new double[capM];
        fT = new double[capM];
        dfdy = new double[capM];
        nu = new double[capP];
        nuT = new double[capP];
        dnu = new double[capP];
        rP = new double[capP];
        rPT = new double[capP];
        df = new DMatrixRMaj(capM, capN);
        dfT = new DMatrixRMaj(capM, capN);
        w = new DMatrixRMaj(capM, capN);
        hpd = new DMatrixRMaj(capN, capN);
        k = new DMatrixRMaj(capN, capN);
        hx = new DMatrixRMaj(capN, capN);
        bRhs = new DMatrixRMaj(capN, capP + 1);
        sol = new DMatrixRMaj(capN, capP + 1);
        schur = new DMatrixRMaj(Math.max(1, capP), Math.max(1, capP));
        nuRhs = new DMatrixRMaj(Math.max(1, capP), 1);
        nuSol = new DMatrixRMaj(Math.max(1, capP), 1);
    }
}
