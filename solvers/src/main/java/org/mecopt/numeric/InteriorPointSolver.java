package org.mecopt.numeric;

import org.mecopt.api.Deadline;
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
 * by Cholesky of {@code H_pd} ({@link DenseCholesky}; EJML's for the Schur complement) and the Schur
 * complement {@code A H_pd⁻¹ Aᵀ}. When
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
 * ({@link BarrierIteration}), which solved all 300 (test {@code InteriorPointFarStartTest}); such
 * solves cost the wasted primal-dual iterations first. Give a start inside or near the feasible
 * set when there are nonlinear constraints.
 *
 * <p><b>Code.</b> This class keeps the public entry point and the order of the phases; the
 * algorithms are package-private classes: {@link EqualityProjection} (the start onto
 * {@code A x = b}), {@link PhaseOne}, {@link PrimalDualIteration} (the main iteration, also run
 * by Phase I), {@link BarrierIteration} (Phase I's fallback), {@link KktSystem} (the Newton step
 * both iterations solve), on the shared state {@link Iterate}; {@link IterateResults} turns an
 * iterate into the result.
 *
 * <p><b>Use.</b> One instance keeps its work arrays between calls and reuses them when the next
 * problem is no larger: keep one per thread (instances are <em>not</em> thread-safe). A solve
 * allocates its result, the work arrays when the size grows, and per phase the small index
 * arrays of the linear rows' non-zeros.
 */
public final class InteriorPointSolver {
    private final InteriorPointOptions options;
    private final Iterate it = new Iterate();
    private final KktSystem kkt = new KktSystem();
    private final EqualityProjection projection;
    private final PrimalDualIteration primalDual;
    private final PhaseOne phaseOne;

    /** A solver with {@link InteriorPointOptions#defaults()}. */
    public InteriorPointSolver() {
        this(InteriorPointOptions.defaults());
    }

    public InteriorPointSolver(InteriorPointOptions options) {
        this.options = options;
        this.projection = new EqualityProjection(options);
        this.primalDual = new PrimalDualIteration(options, it, kkt);
        this.phaseOne = new PhaseOne(options, it, kkt, primalDual, new BarrierIteration(options, it, kkt));
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
        return solve(problem, x0, Deadline.NEVER);
    }

    /**
     * {@link #solve(ConvexProblem, double[])} that stops when {@code deadline} passes: it looks once
     * per Newton iteration and between the factorization attempts of one step, so it overruns by at
     * most one Newton step (one factorization and a line search). Stopped, the result is
     * {@code LIMIT_REACHED} with the message "time limit" (in Phase II, with the last iterate, which
     * is strictly feasible) or "time limit in Phase I".
     */
    public InteriorPointResult solve(ConvexProblem problem, double[] x0, Deadline deadline) {
        return start(problem, x0, deadline);
    }

    /**
     * A warm start: {@link #solve(ConvexProblem, double[], Deadline)} whose Phase II starts from the
     * multipliers {@code lambda0} instead of {@code λ_i = −1/f_i(x0)}. Meant for a start near the
     * optimum of a slowly changing problem (successive convex approximation: the previous
     * subproblem's point and multipliers): {@code −1/f_i} makes the multiplier of a constraint the
     * start is close to huge, the first iterations then re-centre far from the start, and on ICA's
     * subproblems that cost 60–100 Newton steps instead of ~30. The iteration and the meaning of
     * the result are unchanged.
     *
     * @param lambda0 length m, every entry {@code > 0} and finite, in {@link ConvexProblem}'s order; not modified
     */
    public InteriorPointResult solve(ConvexProblem problem, double[] x0, double[] lambda0, Deadline deadline) {
        if (lambda0.length != problem.inequalityCount()) {
            throw new IllegalArgumentException("lambda0 has length " + lambda0.length + ", expected "
                    + problem.inequalityCount());
        }
        for (int i = 0; i < lambda0.length; i++) {
            if (!(lambda0[i] > 0) || lambda0[i] == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("lambda0[" + i + "] must be > 0 and finite, got " + lambda0[i]);
            }
        }
        it.startLambda = lambda0;
        try {
            return start(problem, x0, deadline);
        } finally {
            it.startLambda = null;
        }
    }

    private InteriorPointResult start(ConvexProblem problem, double[] x0, Deadline deadline) {
        it.deadline = deadline;
        it.problem = problem;
        int n = problem.dimension();
        int m = problem.inequalityCount();
        int p = problem.equalityCount();
        it.n = n;
        it.ml = problem.linearInequalityCount();
        it.p = p;
        if (x0 != null && x0.length != n) {
            throw new IllegalArgumentException("x0 has length " + x0.length + ", expected " + n);
        }
        if (it.ensureCapacity(n + 1, m + 1, p)) {
            kkt.allocate(it.capN, it.capM, it.capP);
        }
        if (it.xs == null || it.xs.length != n) {
            // Exactly length n: user functions may rely on x.length.
            it.xs = new double[n];
            it.gx = new double[n];
        }
        for (int j = 0; j < n; j++) {
            it.y[j] = x0 == null ? 0 : x0[j];
        }
        if (p > 0) {
            projection.project(it);
        }
        // Is the start strictly feasible?
        System.arraycopy(it.y, 0, it.xs, 0, n);
        problem.inequalityValues(it.xs, it.f);
        double maxF = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < m; i++) {
            if (!Double.isFinite(it.f[i])) {
                return IterateResults.failure(it, Status.NUMERICAL_ERROR, 0, "f_" + i + "(x0) = " + it.f[i]
                        + ": the start must be inside every constraint's domain");
            }
            maxF = Math.max(maxF, it.f[i]);
        }
        int phaseOneIterations = 0;
        // Phase I also when A x0 ≠ b: Phase II would accept such a start, but could then not
        // tell an infeasible equality-plus-inequality system from slow progress.
        double[] eqRes = new double[p];
        problem.equalityResiduals(it.xs, eqRes);
        boolean equalitiesMet = Iterate.norm(eqRes, p) <= options.feasibilityTolerance();
        if (m > 0 && (maxF >= 0 || !equalitiesMet)) {
            InteriorPointResult failed = phaseOne.run(maxF, m);
            if (failed != null) {
                return failed;
            }
            phaseOneIterations = phaseOne.iterations();
        }
        it.setUpPhase(false, m);
        kkt.setUpPhase(it);
        IterationOutcome outcome = primalDual.run();
        switch (outcome) {
            case CONVERGED:
                return IterateResults.result(it, Status.OPTIMAL, phaseOneIterations, "converged");
            case LIMIT:
                return IterateResults.result(it, Status.LIMIT_REACHED, phaseOneIterations, "iteration limit");
            case TIME:
                return IterateResults.result(it, Status.LIMIT_REACHED, phaseOneIterations, "time limit");
            case STALL:
                return IterateResults.result(it, Status.LIMIT_REACHED, phaseOneIterations,
                        "line search stalled before the tolerances were met");
            case SINGULAR:
                return IterateResults.failure(it, Status.NUMERICAL_ERROR, phaseOneIterations, "singular Newton system");
            default:
                return IterateResults.failure(it, Status.NUMERICAL_ERROR, phaseOneIterations, "non-finite value");
        }
    }
}
