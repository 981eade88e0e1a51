package org.mecopt.deadline.policy;

import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * Centralized: knows every user's task and this step's gains {@code G_kj}. Each user's rate target
 * and local bits come from the {@link OffloadFirst} rule with the exact edge rates (eq. (5)–(6) on
 * everyone's remainders); the rate targets become SINR targets {@code γ_k = 2^{R_k/(W·rateFactor)} − 1}
 * and those the least powers by Perron–Frobenius ({@link LeastPowers}).
 *
 * <p><b>What is optimal.</b> The step's transmit powers: for the step's SINR targets they are the
 * componentwise least powers that meet them under the actual interference (any feasible power vector
 * is ≥ them, so the step's offloading energy {@code Σ p_k B_off,k/R_k} is the least for these rates),
 * and local bits are computed at the least frequency that finishes a task (eq. (4) grows with f). The
 * rate targets themselves come from the rule, not from an optimization over the episode, and nothing
 * is claimed for the episode.
 *
 * <p><b>When the targets are infeasible together</b> (interference: spectral radius ≥ 1, or a power
 * above p_max) all SINR targets are scaled by the largest common factor that is feasible
 * (bisection, 40 halvings); a task in its last step that then cannot finish, even with its whole
 * local capacity, is given up and the powers are solved again, so no energy goes to a task that fails.
 */
public final class PerStepOptimalPolicy implements DeadlinePolicy {
    public static final String NAME = "per-step-optimal";

    private final DeadlineEnergyConfig config;
    private final double theta;
    private final boolean localPace;
    private final int k;
    private final LeastPowers leastPowers;
    private final double[][] gain;
    private final double[] sinr;
    private final double[] scaled;
    private final double[] power;
    private final double[] local;
    private final double[] rate;
    private final boolean[] finishing;

    /**
     * @param theta     share fraction θ of {@link OffloadFirst} (0.8: rate 4× the edge rate)
     * @param localPace compute the pace shortfall locally
     */
    public PerStepOptimalPolicy(DeadlineEnergyConfig config, double theta, boolean localPace) {
        this.config = Check.present("config", config);
        if (!(theta > 0 && theta < 1)) {
            throw new InvalidInstanceException("theta", theta, "must be in (0, 1)");
        }
        this.theta = theta;
        this.localPace = localPace;
        this.k = config.users();
        leastPowers = new LeastPowers(k);
        gain = new double[k][k];
        sinr = new double[k];
        scaled = new double[k];
        power = new double[k];
        local = new double[k];
        rate = new double[k];
        finishing = new boolean[k];
    }

    /** The defaults: θ = 0.8, local pace on (measured choice, docs/deadline-energy.md). */
    public PerStepOptimalPolicy(DeadlineEnergyConfig config) {
        this(config, 0.8, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] act(StepView view) {
        double dt = config.stepS();
        double total = 0;
        LocalState[] s = new LocalState[k];
        for (int u = 0; u < k; u++) {
            s[u] = view.local(u);
            total += s[u].remainingBits();
            for (int j = 0; j < k; j++) {
                gain[u][j] = view.gain(u, j);
            }
        }
        for (int u = 0; u < k; u++) {
            local[u] = 0;
            rate[u] = 0;
            finishing[u] = false;
            if (s[u].pending()) {
                double window = Math.min(dt, s[u].remainingS());
                OffloadFirst.Plan plan = OffloadFirst.plan(config, s[u].remainingBits(), s[u].cyclesPerBit(), window,
                        Pace.stepsLeft(s[u].remainingS(), dt), total - s[u].remainingBits(), theta, localPace,
                        config.rateBps(config.pMaxW() * gain[u][u]));
                local[u] = plan.localBits();
                rate[u] = plan.rateBps();
                finishing[u] = plan.finishes();
            }
            sinr[u] = rate[u] > 0 ? config.sinrFor(rate[u]) : 0;
        }
        for (int round = 0; round < k + 1; round++) {
            double factor = solve();
            if (factor >= 1) {
                break;
            }
            // the scaled rates: re-plan local work; give up last steps that can no longer finish
            boolean gaveUp = false;
            for (int u = 0; u < k; u++) {
                if (!s[u].pending() || sinr[u] == 0) {
                    continue;
                }
                double window = Math.min(dt, s[u].remainingS());
                double r = config.rateBps(scaled[u]);
                double others = total - s[u].remainingBits();
                double cap = Math.min(s[u].remainingBits(), Pace.localCapacity(config, window, s[u].cyclesPerBit()));
                boolean last = Pace.stepsLeft(s[u].remainingS(), dt) <= 1;
                if (OffloadFirst.finishes(config, s[u].remainingBits(), s[u].cyclesPerBit(), window, others, r, cap)) {
                    local[u] = Math.max(local[u], cap); // finish with the CPU's help (exact least bits not needed here)
                } else if (last) {
                    sinr[u] = 0;
                    local[u] = 0;
                    gaveUp = true;
                }
            }
            if (!gaveUp) {
                break;
            }
        }
        double[][] actions = new double[k][2];
        for (int u = 0; u < k; u++) {
            if (s[u].pending()) {
                double window = Math.min(dt, s[u].remainingS());
                actions[u][0] = Pace.alpha(config, local[u], window, s[u].cyclesPerBit());
                actions[u][1] = Math.min(1, power[u] / config.pMaxW());
            }
        }
        return actions;
    }

    /**
     * The least powers for the SINR targets; when infeasible, first the targets of users that do not
     * finish their task this step are scaled by the largest feasible common factor, and only if the
     * finishing users alone are infeasible, theirs too (the others then get nothing). Writes
     * {@link #power} and {@link #scaled}; returns the factor of the finishing users (1 if untouched).
     */
    private double solve() {
        if (leastPowers.solve(gain, sinr, config.pMaxW(), power)) {
            System.arraycopy(sinr, 0, scaled, 0, k);
            return 1;
        }
        if (feasibleScaled(1, 0)) {
            double lo = bisect(f -> feasibleScaled(1, f));
            feasibleScaled(1, lo);
            return 1;
        }
        double lo = bisect(f -> feasibleScaled(f, 0));
        feasibleScaled(lo, 0);
        return lo;
    }

    private boolean feasibleScaled(double finishingFactor, double otherFactor) {
        for (int u = 0; u < k; u++) {
            scaled[u] = sinr[u] * (finishing[u] ? finishingFactor : otherFactor);
        }
        return leastPowers.solve(gain, scaled, config.pMaxW(), power);
    }

    /** The largest factor in [0,1] passing {@code feasible} (which must pass at 0), to 2^-30. */
    private static double bisect(java.util.function.DoublePredicate feasible) {
        double lo = 0;
        double hi = 1;
        for (int i = 0; i < 30; i++) {
            double mid = 0.5 * (lo + hi);
            if (feasible.test(mid)) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return NAME + "(theta=" + theta + ", localPace=" + localPace + ")";
    }
}
