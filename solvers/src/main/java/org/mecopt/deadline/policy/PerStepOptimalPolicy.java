package org.mecopt.deadline.policy;

import org.mecopt.api.Check;
import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * Centralized: knows every user's task and this step's gains {@code G_kj}. Each user's rate target
 * and local bits come from the {@link OffloadFirst} rule with the edge rates of eq. (5)–(6) on
 * everyone's remainders (at the start of the step: the others' local work this step, at most a few
 * kbit, is not anticipated); the rate targets become SINR targets {@code γ_k = 2^{R_k/(W·rateFactor)} − 1}
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
 * above p_max) the powers are the least fixed point of the capped interference function
 * ({@link LeastPowers#capped}, Yates 1995): users held at p_max get less than their targets, all
 * others meet theirs with the least power. A user short of its finishing rate then adds the least
 * local work that still finishes the task; a task in its last step that cannot finish even with its
 * whole local capacity is given up (α = η = 0) and the powers are solved again, so no energy goes to
 * a task that fails anyway.
 */
public final class PerStepOptimalPolicy implements DeadlinePolicy {
    public static final String NAME = "per-step-optimal";

    private final DeadlineEnergyConfig config;
    private final OffloadFirstSettings settings;
    private final String name;
    private final int k;
    private final LeastPowers leastPowers;
    private final double[][] gain;
    private final double[] sinr;
    private final double[] achieved;
    private final double[] power;
    private final double[] local;
    private final double[] rate;

    /** @param settings the offload-first rule's knobs */
    public PerStepOptimalPolicy(DeadlineEnergyConfig config, OffloadFirstSettings settings) {
        this(config, settings, NAME);
    }

    /** A variant registered under its own name. */
    PerStepOptimalPolicy(DeadlineEnergyConfig config, OffloadFirstSettings settings, String name) {
        this.name = Check.present("name", name);
        this.config = Check.present("config", config);
        this.settings = Check.present("settings", settings);
        this.k = config.users();
        leastPowers = new LeastPowers(k);
        gain = new double[k][k];
        sinr = new double[k];
        achieved = new double[k];
        power = new double[k];
        local = new double[k];
        rate = new double[k];
    }

    /** With {@link OffloadFirstSettings#DEFAULTS}. */
    public PerStepOptimalPolicy(DeadlineEnergyConfig config) {
        this(config, OffloadFirstSettings.DEFAULTS);
    }

    @Override
    public String name() {
        return name;
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
            if (s[u].pending()) {
                OffloadFirst.Plan plan = OffloadFirst.plan(config, s[u].remainingBits(), s[u].cyclesPerBit(),
                        s[u].remainingS(), total - s[u].remainingBits(), settings,
                        config.rateBps(config.pMaxW() * gain[u][u]));
                local[u] = plan.localBits();
                rate[u] = plan.rateBps();
            }
            sinr[u] = rate[u] > 0 ? config.sinrFor(rate[u]) : 0;
        }
        for (int round = 0; round < k + 1; round++) {
            if (leastPowers.solve(gain, sinr, config.pMaxW(), power)) {
                break;
            }
            leastPowers.capped(gain, sinr, config.pMaxW(), power, achieved);
            // users held at p_max get a lower rate: finish with the CPU's help, or give up a last step
            boolean gaveUp = false;
            for (int u = 0; u < k; u++) {
                if (!s[u].pending() || sinr[u] == 0 || achieved[u] >= sinr[u] * (1 - 1e-9)) {
                    continue;
                }
                double window = Math.min(dt, s[u].remainingS());
                double r = config.rateBps(achieved[u]);
                double least = OffloadFirst.leastLocalToFinish(config, s[u].remainingBits(), s[u].cyclesPerBit(), window,
                        total - s[u].remainingBits(), r);
                if (!Double.isNaN(least)) {
                    local[u] = Math.max(local[u], least);
                } else if (Pace.stepsLeft(s[u].remainingS(), dt) <= 1) {
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

    @Override
    public String toString() {
        return name + settings;
    }
}
