package org.mecopt.latency;

import org.mecopt.api.Deadline;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;
import org.mecopt.numeric.InteriorPointOptions;
import org.mecopt.numeric.InteriorPointResult;
import org.mecopt.numeric.InteriorPointSolver;

/**
 * {@code ica}'s outer loop with warm-started, inexact-then-exact subproblems and an extrapolation of
 * the iterates (issue 12, item 3). The subproblem and the acceptance rule (a point is taken only
 * when the true maximum latency falls) are those of {@link ConvexApproximationLoop}.
 *
 * <p><b>Why.</b> Profiled at K = 10, N = 4, M = 64 on unseen instances, the old loop spent its
 * time in the interior-point solves: 40–100 Newton steps per subproblem (often the limit of 100),
 * and on some instances 50–120 subproblems, each gaining ~1e-6 (a slowly converging fixed-point
 * iteration). At K = 50 the subproblems often ended at the iteration limit far from their optimum,
 * the step was then no better, and the loop stopped as "locally optimal" 1–8 % above points it
 * reaches when the subproblems are solved. Here:
 * <ul>
 *   <li>each subproblem starts at the previous powers pulled 1 % inside their constraints, with
 *   the previous subproblem's multipliers ({@link InteriorPointSolver#solve(org.mecopt.numeric.ConvexProblem,
 *   double[], double[], Deadline)}) plus the central value of a barrier parameter {@code m/g}, g the
 *   last gain: ~30 Newton steps instead of 60–100; the first subproblem takes only the central
 *   multipliers of {@code m/0.1} with w {@code 0.1/m} below the smallest margin (the old start,
 *   1e-6 below it with multipliers {@code −1/f}, walked away from the start and ran out of
 *   iterations at a worse point on some instances); where the push inside takes a linearized rate
 *   out of its domain, a 100× smaller push is tried;</li>
 *   <li>while iterations gain much, the subproblem is solved only to a duality gap of a hundredth
 *   of the last gain (1e-3, 1e-5 or the old 1e-7): a loose subproblem costs progress, never
 *   correctness, since steps are accepted on the true objective;</li>
 *   <li>SQUAREM (Varadhan &amp; Roland 2008, the standard accelerator of slowly converging MM
 *   iterations): after two steps {@code x0 → x1 → x2}, the point {@code x0 − 2αr + α²v} with
 *   {@code r = x1 − x0}, {@code v = x2 − 2x1 + x0}, {@code α = −‖r‖/‖v‖}, projected onto the
 *   power constraints, is taken when its true maximum latency is lower (α halved towards −1
 *   otherwise); evaluations are cheap next to a subproblem;</li>
 *   <li>the loop ends LOCALLY_OPTIMAL only when a subproblem solved to the old gap 1e-7
 *   ({@link IcaSolver#SUBPROBLEM_GAP}) <em>and converged</em> gains less than the tolerance (the
 *   old claim, without the old loop's false claims after a subproblem that ran out of iterations);
 *   OPTIMAL as soon as the maximum latency is within the parameter {@code gap} (default 1e-4) of the
 *   interference-free lower bound: more than half of the unseen K = 10 instances get there, where
 *   the old loop went on for iterations that gain 1e-5 each;
 *   FEASIBLE when even the cold (old) solve of the subproblem does not converge (5 % of unseen
 *   K = 10 instances; their points are as good as the others', no stationarity is claimed).</li>
 * </ul>
 * Since revision 3 (issue 12 again): the start is pulled in by 1e-4 instead of 1e-2 ({@link #KEEP});
 * a run whose gains shrink geometrically stops once their forecast sum ({@link GainForecast}) is
 * below the parameter {@code stall} (FEASIBLE, "converging slowly": no stationarity claim); a
 * restart stops as soon as its forecast cannot beat the best run; and the rate constraints add
 * their Hessian and outer product in one pass ({@link org.mecopt.numeric.FusedOuterHessian}).
 * The Newton steps are still dense Cholesky factorizations of the (NK+1)² matrix: the matrix is
 * N dense K × K blocks (the rate Hessians, per subcarrier) plus rank 2K + 1 (the users' rate
 * gradients, their budgets and w), and at N = 4 a block-plus-low-rank (Woodbury) solve costs
 * more than the dense factorization (about 2.5 against 1.35 million multiply-adds at K = 50), at
 * N = 1 it is no structure at all; the number of Newton steps (30–100 per subproblem) is what
 * K = 50 still paid for in revision 3. Revision 4: those steps were short because the bottleneck's
 * rate constraint, 1e-7 from its boundary, blocked them by its curvature; where N·K is above
 * {@link IcaSolver#AUTO_STARTS_SIZE} the warm solves take the interior-point method's
 * second-order correction with μ = 10 ({@link #corrected(LatencyInstance)}).
 */
final class WarmStartedIca {

    /** The loosest subproblem gap (w is of order 1). */
    static final double LOOSEST_GAP = 1e-3;
    /** The subproblem gap as a fraction of the last iteration's relative gain. */
    static final double GAP_FRACTION = 1e-2;
    /** The gain assumed before the first iteration. */
    static final double FIRST_GAIN = 0.1;
    /**
     * Share of the previous powers kept in the start; the rest is spread evenly (strictly inside).
     * Was 0.99: at K = 50 that spread (0.005 of each user's budget over its subcarriers, also where
     * it had no power) is interference to strong links and cut the start's margin from 0.90 to 0.67
     * of the bound; the first subproblem then crawled back through 100 Newton steps (the limit) on
     * all of the unseen seeds 1000–1007. With 1e-4 the margin stays 0.90, and the median CPU time
     * at K = 50 fell from ~0.65 s to ~0.45 s, with better ends on 3 of the 8.
     */
    static final double KEEP = 0.9998;
    /** The interior-point method's μ: 5 took fewer Newton steps than 10 (and than 3 at K = 50) on warm starts. */
    static final double MU = 5;
    /**
     * μ with the second-order correction: 10 (B&amp;V's value). At K = 50, N = 4, M = 64, seeds
     * 1000–1007, the corrected solves took 1 148 Newton steps in all with μ = 5, 620 with 10,
     * 1 004 with 20, 940 with 50 (per instance the median 93 → 72 with 10); the ends stayed within
     * 0.072 % of revision 3's on these and on seeds 2000–2011.
     */
    static final double MU_CORRECTED = 10;
    private static final int TIERS = 3;

    private final LatencyInstance instance;
    private final double bound;
    private final Deadline deadline;
    private final InteriorPointSolver[] solvers = new InteriorPointSolver[TIERS];
    private final InteriorPointSolver cold;
    /** The last subproblem's multipliers when it ended with a usable point, else null (a cold start next). */
    private double[] lambda;

    /** Whether the warm subproblem solves take the interior-point method's second-order correction. */
    private final boolean corrected;

    /** The loop, with the second-order correction where {@link #corrected(LatencyInstance)} says so. */
    WarmStartedIca(LatencyInstance instance, double bound, Deadline deadline) {
        this(instance, bound, deadline, corrected(instance));
    }

    /**
     * Whether {@code instance} is solved with {@link InteriorPointOptions#secondOrderCorrection()}
     * (since revision 4): only above {@link IcaSolver#AUTO_STARTS_SIZE} power variables, where
     * restarts are off, and there with μ = {@link #MU_CORRECTED}. Measured in one JVM against
     * revision 3 (thread CPU, load 3.5–6.7): K = 50, N = 4, M = 64, seeds 1000–1007: median 223 →
     * 95 ms (the other run 230 → 94), Newton steps 2 187 → 620 (none at the limit of 100, 5 before),
     * no end worse by more than 0.072 %; seeds 2000–2011: median 272 → 87 ms, worst +0.032 %.
     * K = 10 (seeds 5000–5199, μ = 5): median 1.96 → 1.38 ms, but 2 of 200 ends 0.56 and 0.74 %
     * higher (another stationary point; giving those a plain-step restart made it 3), so K = 10
     * keeps revision 3's step (all 200 results identical).
     */
    static boolean corrected(LatencyInstance instance) {
        return instance.userCount() * instance.subcarrierCount() > IcaSolver.AUTO_STARTS_SIZE;
    }

    /**
     * @param corrected whether the warm subproblem solves take
     *     {@link InteriorPointOptions#secondOrderCorrection()}; without it this is revision 3's loop
     */
    WarmStartedIca(LatencyInstance instance, double bound, Deadline deadline, boolean corrected) {
        this.corrected = corrected;
        this.instance = instance;
        this.bound = bound;
        this.deadline = deadline;
        this.cold = new InteriorPointSolver(InteriorPointOptions.defaults()
                .withGapTolerance(IcaSolver.SUBPROBLEM_GAP).withFeasibilityTolerance(1e-9));
    }

    /** One subproblem's outcome: the powers (null when it failed) and whether it converged. */
    private record Step(double[][] power, boolean converged) {
    }

    /** The loop from {@code start}; see the class comment. */
    ConvexApproximationLoop.End run(double[][] start, SolveContext context) {
        return run(start, context, Double.POSITIVE_INFINITY);
    }

    /**
     * The loop from {@code start}, given up (status FEASIBLE) once the {@link GainForecast} says it
     * ends above {@code target}: a restart that cannot beat the best run so far.
     */
    ConvexApproximationLoop.End run(double[][] start, SolveContext context, double target) {
        double tolerance = context.value(ConvexApproximationLoop.TOLERANCE);
        double stall = context.value(IcaSolver.STALL);
        GainForecast forecast = new GainForecast();
        double enough = bound * (1 + context.value(IcaSolver.GAP));
        long maxOuter = Math.min(ConvexApproximationLoop.MAX_OUTER, context.maxIterations(ConvexApproximationLoop.MAX_OUTER));
        double[][] current = start;
        double currentValue = instance.objective(instance.solutionFor(current));
        double[][] before = null; // the iterate before current, when current came from one plain step
        double[][] beforeThat = null;
        long iterations = 0;
        double gain = FIRST_GAIN;
        while (iterations < maxOuter) {
            if (currentValue <= enough) {
                return new ConvexApproximationLoop.End(current, currentValue, Status.OPTIMAL, iterations,
                        "within the gap parameter of the lower bound");
            }
            if (context.timeUp()) {
                return limit(current, currentValue, iterations);
            }
            iterations++;
            int tier = tier(gain);
            Step step = warmStep(current, solver(tier), gain);
            boolean exact = tier == TIERS - 1;
            if (step.power() == null || (exact && !step.converged())) {
                if (context.timeUp()) {
                    return limit(current, currentValue, iterations); // the solve stopped on the deadline
                }
                lambda = null; // the old subproblem solve, from scratch
                step = warmStep(current, cold, gain);
                exact = true;
            }
            double[][] next = step.power();
            if (next == null) {
                return context.timeUp() ? limit(current, currentValue, iterations)
                        : new ConvexApproximationLoop.End(current, currentValue, Status.FEASIBLE, iterations,
                        "stopped: the convex subproblem failed numerically at the current point");
            }
            double value = instance.objective(instance.solutionFor(next));
            boolean plain = value < currentValue;
            if (plain) {
                double[][] further = IcaSolver.extrapolate(instance, current, next, value);
                if (further != null) {
                    next = further;
                    value = instance.objective(instance.solutionFor(next));
                }
            }
            boolean better = value < currentValue;
            // from an infinite start (a user with no power and no local computing) any finite point is a full gain
            double improvement = !better ? 0 : Double.isInfinite(currentValue) ? 1 : (currentValue - value) / currentValue;
            if (better) {
                beforeThat = before;
                before = current;
                current = next;
                currentValue = value;
                if (beforeThat != null) {
                    double[][] squared = squarem(beforeThat, before, current, currentValue);
                    if (squared != null) {
                        double squaredValue = instance.objective(instance.solutionFor(squared));
                        improvement = (currentValue - squaredValue) / currentValue + improvement;
                        current = squared;
                        currentValue = squaredValue;
                        lambda = null; // the multipliers belong to a point far from the new one
                    }
                    before = null; // a new cycle of two steps from here
                    beforeThat = null;
                }
            } else {
                before = null;
                beforeThat = null;
            }
            if (currentValue <= enough) {
                // before the stall and forecast tests: a point within the gap is proven, whatever the trend
                return new ConvexApproximationLoop.End(current, currentValue, Status.OPTIMAL, iterations,
                        "within the gap parameter of the lower bound");
            }
            if (context.timeUp()) {
                return limit(current, currentValue, iterations);
            }
            double remaining = forecast.remaining(better ? improvement : 0);
            // a loose solve that found nothing may have hidden a gain (below): no verdict from it
            if ((exact || better) && currentValue * (1 - GainForecast.SAFETY * remaining) > target) {
                return new ConvexApproximationLoop.End(current, currentValue, Status.FEASIBLE, iterations,
                        "stopped: forecast to end above the best start");
            }
            if (exact && better && improvement >= tolerance && remaining < stall) {
                return new ConvexApproximationLoop.End(current, currentValue, Status.FEASIBLE, iterations,
                        String.format(java.util.Locale.ROOT, "stopped: converging slowly (the last gain %.1e, "
                                + "forecast to gain less than %.1e more in all)", improvement, remaining));
            }
            if (!better || improvement < tolerance) {
                if (exact) {
                    return step.converged()
                            ? new ConvexApproximationLoop.End(current, currentValue, Status.LOCALLY_OPTIMAL, iterations, "")
                            : new ConvexApproximationLoop.End(current, currentValue, Status.FEASIBLE, iterations,
                            "stopped: the convex subproblem did not converge at the current point");
                }
                gain = 0; // the loose solve may have hidden a gain: solve to the old gap before stopping
            } else {
                gain = improvement;
            }
        }
        return new ConvexApproximationLoop.End(current, currentValue, Status.LIMIT_REACHED, iterations,
                "outer iteration limit of " + maxOuter + " reached");
    }

    /**
     * A forecast of what a linearly converging run still gains: with the last relative gains
     * {@code g_{i−1}, g_i} and their ratio {@code r = g_i/g_{i−1} < 1}, a geometric tail
     * {@code g_i r/(1 − r)}; the larger of the last two ratios is used, so a single sudden drop does
     * not end a run. Infinite while fewer than three gains are known or the gains do not shrink.
     *
     * <p><b>Why.</b> On unseen K = 50 instances half the CPU time went into runs that crawl: after
     * a few large steps, 40–60 subproblems of ~50 Newton steps each gaining 1e-4 … 1e-6, the
     * gains shrinking by a steady factor 0.9–0.97 (seed 1005: 0.12 % gained in the last 60). The
     * forecast stops such a run once the whole tail is worth less than the parameter {@code stall},
     * without a stationarity claim (FEASIBLE), and ends a restart early when even twice its
     * forecast tail cannot bring it below the best run's value.
     */
    static final class GainForecast {
        /** The factor on the forecast tail before a restart is given up. */
        static final double SAFETY = 2;
        private double last = Double.NaN;
        private double lastRatio = Double.NaN;
        private int count;

        /** Records the next iteration's relative gain (0 when it gained nothing) and returns the forecast tail. */
        double remaining(double gain) {
            double ratio = last > 0 ? gain / last : Double.NaN;
            double worst = Math.max(ratio, lastRatio);
            last = gain;
            lastRatio = ratio;
            count++;
            if (count < 3 || !(worst < 1)) {
                return Double.POSITIVE_INFINITY;
            }
            return gain * worst / (1 - worst);
        }
    }

    /**
     * SQUAREM's point from the iterates {@code x0 → x1 → x2}, or null when no step length in
     * {@code α = α₀, (α₀−1)/2, …} down to −1 (which is x2 itself) lowers the maximum latency below
     * {@code x2Value}.
     */
    double[][] squarem(double[][] x0, double[][] x1, double[][] x2, double x2Value) {
        double rr = 0;
        double vv = 0;
        for (int n = 0; n < x0.length; n++) {
            for (int k = 0; k < x0[n].length; k++) {
                double r = x1[n][k] - x0[n][k];
                double v = x2[n][k] - 2 * x1[n][k] + x0[n][k];
                rr += r * r;
                vv += v * v;
            }
        }
        if (!(vv > 0) || !(rr > 0)) {
            return null;
        }
        double alpha = -Math.sqrt(rr / vv);
        for (int attempt = 0; attempt < 4 && alpha < -1; attempt++, alpha = (alpha - 1) / 2) {
            double[][] trial = new double[x0.length][x0[0].length];
            for (int n = 0; n < x0.length; n++) {
                for (int k = 0; k < x0[n].length; k++) {
                    double r = x1[n][k] - x0[n][k];
                    double v = x2[n][k] - 2 * x1[n][k] + x0[n][k];
                    trial[n][k] = Math.max(0, x0[n][k] - 2 * alpha * r + alpha * alpha * v);
                }
            }
            IcaSolver.projectPowers(trial);
            if (instance.objective(instance.solutionFor(trial)) < x2Value) {
                return trial;
            }
        }
        return null;
    }

    /** 0, 1, 2 for the gaps 1e-3, 1e-5 and 1e-7: the loosest at most {@link #GAP_FRACTION} of the gain. */
    private static int tier(double gain) {
        double gap = LOOSEST_GAP;
        for (int tier = 0; tier < TIERS - 1; tier++, gap *= 1e-2) {
            if (gap <= GAP_FRACTION * gain) {
                return tier;
            }
        }
        return TIERS - 1;
    }

    private InteriorPointSolver solver(int tier) {
        if (solvers[tier] == null) {
            boolean exact = tier == TIERS - 1;
            double gap = exact ? IcaSolver.SUBPROBLEM_GAP : LOOSEST_GAP * Math.pow(1e-2, tier);
            // the dual residual only certifies the gap: a loose solve needs no tighter one (with 1e-9
            // a "1e-3" solve went on to a gap of 1e-9, as long as an exact one)
            solvers[tier] = new InteriorPointSolver(InteriorPointOptions.defaults().withGapTolerance(gap)
                    .withFeasibilityTolerance(exact ? 1e-9 : gap).withMu(corrected ? MU_CORRECTED : MU)
                    .withSecondOrderCorrection(corrected));
        }
        return solvers[tier];
    }

    /**
     * The subproblem at {@code at}, warm-started when the last one left multipliers, else started
     * as the old loop did (with the {@code cold} solver this is the old solve exactly).
     */
    private Step warmStep(double[][] at, InteriorPointSolver solver, double gain) {
        IcaSolver.Subproblem sub = IcaSolver.Subproblem.at(instance, at, bound);
        InteriorPointResult r;
        if (lambda == null && solver == cold) {
            // the old start: w just below every user's margin, multipliers −1/f; where the power it
            // adds pushes a linearized rate out of its domain, a smaller push (tried only then)
            double[] x0 = null;
            for (double spread = 0.01; spread >= 1e-6 && x0 == null; spread *= 1e-2) {
                x0 = sub.pulledIn(at, 1 - 2 * spread, spread);
                double w = sub.smallestMargin(x0);
                x0[sub.wIndex()] = w - 1e-6 * Math.abs(w) - 1e-12;
                x0 = Double.isFinite(x0[sub.wIndex()]) ? x0 : null;
            }
            if (x0 == null) {
                return new Step(null, false);
            }
            r = solver.solve(sub.problem(), x0, deadline);
        } else {
            double t0 = sub.problem().inequalityCount() / Math.max(Math.min(gain, FIRST_GAIN), IcaSolver.SUBPROBLEM_GAP);
            double[] x0 = null;
            for (double spread = (1 - KEEP) / 2; spread >= 1e-6 && x0 == null; spread *= 1e-2) {
                x0 = sub.pulledIn(at, 1 - 2 * spread, spread);
                x0[sub.wIndex()] = sub.smallestMargin(x0) - 1 / t0;
                x0 = Double.isFinite(x0[sub.wIndex()]) ? x0 : null;
            }
            if (x0 == null) {
                return new Step(null, false);
            }
            int m = sub.problem().inequalityCount();
            double[] f = new double[m];
            sub.problem().inequalityValues(x0, f);
            double[] lambda0 = new double[m];
            for (int i = 0; i < lambda0.length; i++) {
                // the previous multiplier, plus the central one of t0 so that none is 0
                lambda0[i] = (lambda == null ? 0 : Math.max(lambda[i], 0)) + 1 / (-f[i] * t0);
                if (!(lambda0[i] > 0) || lambda0[i] == Double.POSITIVE_INFINITY) {
                    return new Step(null, false);
                }
            }
            r = solver.solve(sub.problem(), x0, lambda0, deadline);
        }
        double[][] power = sub.powers(r);
        lambda = power != null ? r.lambda() : null;
        return new Step(power, r.status() == Status.OPTIMAL);
    }

    private static ConvexApproximationLoop.End limit(double[][] power, double value, long iterations) {
        return new ConvexApproximationLoop.End(power, value, Status.LIMIT_REACHED, iterations, "time limit reached");
    }
}
