package org.mecopt.beamforming;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;

/**
 * {@code wmmse}: multi-carrier WMMSE (Shi, Razaviyayn, Luo, He 2011) with one power multiplier per
 * station, found by bisection ({@link Wmmse}), from several starts; the reference the learners of
 * seed 002 are measured against ("% of WMMSE"). MODEL.md §5, our reconstruction.
 *
 * <p>Per start: (1) WMMSE on all (subcarrier, user) pairs; (2) scheduling: users whose beam on a
 * subcarrier has vanished ({@code ‖w_{n,i}‖² ≤ 1e-6 · Σ_b P_b / N}) are dropped there, and where more
 * than Q users remain the one with the least effective weighted rate {@code α̃_i log2(1 + SINR_{n,i})}
 * is dropped, one at a time with SINRs recomputed, until Q remain (greedy repair); (3) if anything was
 * dropped, WMMSE again with those beams held at 0 (polish). Start 0 is zero-forcing at equal power
 * for the {@code min(Q, I, A)} strongest users per subcarrier: at the high SNRs of the default
 * setting WMMSE converges slowly (thousands of iterations to a 1e-6 relative change) and from
 * maximum-ratio or random starts stops below plain zero-forcing at any practical tolerance, while
 * from zero-forcing it improves on it within about a hundred iterations. Start 1 is maximum-ratio
 * transmission with every station's power split evenly; the others are seeded random complex
 * Gaussian beams at full power.
 *
 * <p>Minimum rates: every {@value #DUAL_PERIOD} iterations each user below its minimum raises its
 * effective weight {@code α̃_i = α_i (1 + λ_i)} by the dual step {@code λ_i ← max(0, λ_i + (1.001 r_i^min
 * − r_i) / r_i^min)} (a projected subgradient step on the rate constraint's multiplier, relative to
 * the minimum, aiming {@link #DUAL_MARGIN} above it); users above it lower λ the same way. Each
 * phase keeps its best iterate: the highest weighted sum rate among those meeting every minimum
 * rate, else the fewest users below their minimum and then the least total relative shortfall; when
 * no start meets them all, that point is returned and the unmet rates are listed as violations
 * (status INFEASIBLE_POINT).
 *
 * <p>Stopping rule of a phase: the weighted sum rate (true weights) changed by at most
 * {@code tolerance} relative between two consecutive iterations, and every minimum rate is met or
 * {@value #MAX_DUAL_ROUNDS} dual steps were taken; or {@code max-iterations} iterations. Iterations
 * reported: WMMSE iterations over all starts and phases. The deadline is read once per iteration;
 * when it passes the current start is scheduled (without polish) and the best point so far returned
 * as LIMIT_REACHED.
 *
 * <p>Guarantee: every returned point meets the power limits and Q by construction; the objective is
 * a stationary point's value for the fixed schedule at best (WMMSE converges to stationary points of
 * the weighted-sum-rate problem), not a global optimum: status FEASIBLE, no bound.
 */
public final class WmmseSolver extends BeamformingSolver {

    static final SolverParameter<Integer> STARTS = SolverParameter.integer("starts", 3, 1, 1000,
            "WMMSE runs: maximum-ratio transmission first, then seeded random beams; the best is kept");
    static final SolverParameter<Double> TOLERANCE = SolverParameter.real("tolerance", 1e-4, 0, 1, true,
            "stop a phase when the weighted sum rate changes by at most this fraction between iterations");
    /** Iterations between two dual (minimum-rate weight) updates. */
    static final int DUAL_PERIOD = 5;
    /** The dual step aims this fraction above each minimum rate, so that λ settles on the feasible side. */
    static final double DUAL_MARGIN = 1e-3;
    /** Dual updates after which a phase may stop with minimum rates still unmet. */
    static final int MAX_DUAL_ROUNDS = 40;
    /** Iteration cap of one phase unless {@code maxIterations} is given. */
    static final long DEFAULT_MAX_ITERATIONS = 300;
    /** A beam whose power is at most this fraction of the average per-subcarrier budget has vanished. */
    static final double VANISHED = 1e-6;

    @Override
    public String name() {
        return "wmmse";
    }

    @Override
    public String guarantee() {
        return "feasible power and per-subcarrier limits by construction; a stationary point of the weighted sum"
                + " rate for the final schedule (best of several starts), no bound; unmet minimum rates reported";
    }

    @Override
    public List<SolverParameter<?>> parameters() {
        return List.of(STARTS, TOLERANCE);
    }

    /** The best point of one phase or of the whole search. */
    private static final class Best {
        double[] beams;
        int below = Integer.MAX_VALUE;
        double shortfall = Double.POSITIVE_INFINITY;
        double wsr = Double.NEGATIVE_INFINITY;

        /** Fewer users below their minimum first, then (all met) the higher weighted sum rate, else the smaller shortfall. */
        boolean offer(Wmmse state) {
            int c = state.usersBelowMinimum();
            double s = state.shortfall();
            double v = state.weightedSumRate();
            boolean better = c != below ? c < below : c == 0 ? v > wsr : s < shortfall || (s == shortfall && v > wsr);
            if (better) {
                below = c;
                shortfall = s;
                wsr = v;
                beams = state.w.clone();
            }
            return better;
        }
    }

    @Override
    protected Outcome<BeamformingSolution> search(BeamformingInstance p, SolveContext context) {
        int starts = context.value(STARTS);
        double tolerance = context.value(TOLERANCE);
        long maxIterations = context.maxIterations(DEFAULT_MAX_ITERATIONS);
        Best best = new Best();
        long iterations = 0;
        boolean limit = false;
        int bestStart = -1;
        int dropped = 0;
        for (int start = 0; start < starts && !limit; start++) {
            Wmmse state = new Wmmse(p);
            initialize(state, start, context.seed());
            state.refresh();
            long[] count = {0};
            Best phase = new Best();
            limit = run(state, phase, tolerance, maxIterations, context, count);
            load(state, phase);
            int removed = schedule(state);
            if (removed > 0 && !limit) {
                Best polished = new Best();
                limit = run(state, polished, tolerance, maxIterations, context, count);
                load(state, polished);
            }
            iterations += count[0];
            if (best.offer(state)) {
                bestStart = start;
                dropped = removed;
            }
        }
        if (!finite(best.beams)) {
            return Outcome.of(Status.NUMERICAL_ERROR, p.solution(ComplexTensor.zeros(p.channel())))
                    .withIterations(iterations).withMessage("WMMSE produced non-finite beams");
        }
        BeamformingSolution solution = p.solution(best.beams);
        List<String> notes = new ArrayList<>();
        notes.add("best of " + (limit ? "the starts run before the time limit" : starts + " start(s)") + ": start "
                + bestStart + (bestStart == 0 ? " (zero-forcing)" : bestStart == 1 ? " (maximum-ratio)" : " (random)"));
        if (dropped > 0) {
            notes.add(dropped + " (subcarrier, user) pair(s) unscheduled");
        }
        if (best.shortfall > 0) {
            notes.add("minimum rates not met by any start");
        }
        return Outcome.of(limit ? Status.LIMIT_REACHED : Status.FEASIBLE, solution).withIterations(iterations)
                .withMessage(String.join("; ", notes));
    }

    /** Runs WMMSE iterations until the stopping rule holds; true when the deadline stopped it. */
    private static boolean run(Wmmse state, Best phase, double tolerance, long maxIterations, SolveContext context,
                               long[] count) {
        double[] lambda = state.lambda;
        double[] before = new double[state.w.length];
        double[] stepped = new double[state.w.length];
        double[] scratch = new double[state.w.length];
        boolean hasMinimum = Arrays.stream(state.minRate).anyMatch(r -> r > 0);
        int dualRounds = 0;
        phase.offer(state);
        double previous = state.weightedSumRate();
        for (long t = 1; t <= maxIterations; t++) {
            if (context.timeUp()) {
                return true;
            }
            System.arraycopy(state.w, 0, before, 0, before.length);
            state.iterate();
            state.extrapolate(before, stepped, scratch);
            count[0]++;
            phase.offer(state);
            double current = state.weightedSumRate();
            boolean steady = Math.abs(current - previous) <= tolerance * Math.max(Math.abs(current), Double.MIN_NORMAL);
            previous = current;
            boolean met = state.shortfall() == 0;
            if (steady && (met || dualRounds >= MAX_DUAL_ROUNDS)) {
                return false;
            }
            if (hasMinimum && t % DUAL_PERIOD == 0 && dualRounds < MAX_DUAL_ROUNDS) {
                dualRounds++;
                for (int i = 0; i < state.users; i++) {
                    if (state.minRate[i] > 0) {
                        lambda[i] = Math.max(0, lambda[i]
                                + (state.minRate[i] * (1 + DUAL_MARGIN) - state.rate[i]) / state.minRate[i]);
                        state.effectiveWeight[i] = state.weight[i] * (1 + lambda[i]);
                    }
                }
            }
        }
        return false;
    }

    private static void load(Wmmse state, Best phase) {
        System.arraycopy(phase.beams, 0, state.w, 0, state.w.length);
        state.refresh();
    }

    /** Drops vanished beams, then repairs the per-subcarrier limit greedily; returns how many pairs were dropped. */
    static int schedule(Wmmse state) {
        BeamformingInstance p = state.instance;
        double budget = p.stations().stream().mapToDouble(BeamformingStation::maxPowerW).sum() / state.subcarriers;
        int dropped = 0;
        for (int n = 0; n < state.subcarriers; n++) {
            for (int i = 0; i < state.users; i++) {
                if (state.active[n * state.users + i] && state.beamPower(n, i) <= VANISHED * budget) {
                    state.drop(n, i);
                    dropped++;
                }
            }
        }
        state.refresh();
        int q = p.maxUsersPerSubcarrier();
        for (int n = 0; n < state.subcarriers; n++) {
            while (true) {
                int count = 0;
                int worst = -1;
                double least = Double.POSITIVE_INFINITY;
                for (int i = 0; i < state.users; i++) {
                    if (!state.active[n * state.users + i]) {
                        continue;
                    }
                    count++;
                    double value = state.effectiveWeight[i] * Math.log1p(state.sinr[n * state.users + i]);
                    if (value < least) {
                        least = value;
                        worst = i;
                    }
                }
                if (count <= q) {
                    break;
                }
                state.drop(n, worst);
                dropped++;
                state.refresh();
            }
        }
        return dropped;
    }

    /**
     * Start 0: zero-forcing at equal power for the strongest users ({@link ZfbfSolvers#strongestUsersBeams});
     * start 1: maximum-ratio beams, each station's power split evenly; others: seeded random beams at full power.
     */
    private static void initialize(Wmmse state, int start, long seed) {
        ComplexTensor shape = state.instance.channel();
        int pairs = state.subcarriers * state.users;
        if (start == 0) {
            double[] zf = ZfbfSolvers.strongestUsersBeams(state.instance);
            System.arraycopy(zf, 0, state.w, 0, zf.length);
            return;
        }
        if (start == 1) {
            System.arraycopy(state.h, 0, state.w, 0, state.w.length);
        } else {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {seed, start});
            ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
            for (int k = 0; k < state.w.length; k++) {
                state.w[k] = gauss.sample();
            }
        }
        for (int b = 0; b < state.stations; b++) {
            int off = 2 * shape.offset(b);
            int len = 2 * shape.antennas(b);
            for (int ni = 0; ni < pairs; ni++) {
                double norm = 0;
                for (int k = ni * state.stride + off; k < ni * state.stride + off + len; k++) {
                    norm += state.w[k] * state.w[k];
                }
                double target = start == 1 ? state.maxPower[b] / pairs : 0;
                if (start == 1 && norm > 0) {
                    double f = Math.sqrt(target / norm);
                    for (int k = ni * state.stride + off; k < ni * state.stride + off + len; k++) {
                        state.w[k] *= f;
                    }
                }
            }
            if (start != 1) {
                double power = state.stationPower(b);
                if (power > 0) {
                    state.scaleStation(b, Math.sqrt(state.maxPower[b] / power));
                }
            }
        }
    }
}
