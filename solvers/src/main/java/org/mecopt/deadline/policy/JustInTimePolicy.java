package org.mecopt.deadline.policy;

import org.mecopt.api.Check;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.EpisodeInfo;

/**
 * Decentralized: each user follows the {@link OffloadFirst} rule on its own estimates — offload
 * first with the least power its estimates say reaches the rate; compute locally at the least
 * frequency that finishes the task (this step, or by its deadline as predicted), else at the base
 * CPU share; give up a task in its last step that cannot finish. It uses only its own {@link LocalState}: its task, its {@code Σ_m β_mk}, and what its own
 * last step gave (η, SINR, edge rate) — no other user's state and no current fading.
 *
 * <p><b>Estimates</b> (ours). Watts per unit of SINR, {@code ĉ = (interference + 1)/G_kk}: starts at
 * {@code 2σ²/Σ_m β_mk} (MRC gain ≈ Σβ/σ², interference as strong as the noise), then an exponential
 * average (weight 1/2) of what its last step realized, {@code η p_max/γ}. The others' remainders: eq.
 * (5)–(6) inverted on its own last step gives the total then, {@code Σ = Q_rem F/(C r_edge)}, minus
 * its own remainder; assumed unchanged (0 before any step). The power is raised by {@code margin}
 * against the fading and interference it cannot see: {@code η = min(1, (1+margin) ĉ γ / p_max)}.
 *
 * <p>Guarantees: none under interference (its estimates may be wrong, and it may fall short of its
 * rate or overshoot it); its plan is the same {@link OffloadFirst} rule as {@link PerStepOptimalPolicy}'s,
 * on estimates instead of the step's gains and the others' remainders.
 */
public final class JustInTimePolicy implements DeadlinePolicy {
    public static final String NAME = "just-in-time";

    private final DeadlineEnergyConfig config;
    private final OffloadFirstSettings settings;
    private final double margin;
    private double[] wattsPerSinr = new double[0];
    private double[] lastRemainder = new double[0];
    private double[] lastCycles = new double[0];
    private double[] seenEta = new double[0];
    private double[] seenSinr = new double[0];

    /**
     * @param settings the offload-first rule's knobs
     * @param margin   relative raise of the power over the estimate
     */
    public JustInTimePolicy(DeadlineEnergyConfig config, OffloadFirstSettings settings, double margin) {
        this.config = Check.present("config", config);
        this.settings = Check.present("settings", settings);
        this.margin = Check.nonNegative("margin", margin);
    }

    /** With {@link OffloadFirstSettings#DEFAULTS} and margin 1 (tuned, docs/deadline-energy.md). */
    public JustInTimePolicy(DeadlineEnergyConfig config) {
        this(config, OffloadFirstSettings.DEFAULTS, 1);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void begin(EpisodeInfo episode) {
        int k = episode.users();
        wattsPerSinr = new double[k];
        for (int u = 0; u < k; u++) {
            wattsPerSinr[u] = 2 * config.noiseW() / episode.sumBeta(u);
        }
        lastRemainder = new double[k];
        lastCycles = new double[k];
        seenEta = new double[k];
        seenSinr = new double[k];
    }

    @Override
    public double[][] act(StepView view) {
        int k = view.users();
        double[][] actions = new double[k][2];
        for (int u = 0; u < k; u++) {
            LocalState s = view.local(u);
            learn(u, s);
            if (s.pending()) {
                actions[u] = plan(u, s);
            }
        }
        return actions;
    }

    /** Folds the last step's realized SINR cost into the estimate (once per new observation). */
    private void learn(int u, LocalState s) {
        if (s.lastEta() > 0 && s.lastSinr() > 0 && (s.lastEta() != seenEta[u] || s.lastSinr() != seenSinr[u])) {
            double realized = s.lastEta() * config.pMaxW() / s.lastSinr();
            wattsPerSinr[u] = 0.5 * wattsPerSinr[u] + 0.5 * realized;
            seenEta[u] = s.lastEta();
            seenSinr[u] = s.lastSinr();
        }
    }

    private double[] plan(int u, LocalState s) {
        double dt = config.stepS();
        double window = Math.min(dt, s.remainingS());
        int left = Pace.stepsLeft(s.remainingS(), dt);
        double bits = s.remainingBits();
        double c = s.cyclesPerBit();
        double others = 0;
        if (s.lastEdgeRateBps() > 0 && lastRemainder[u] > 0) {
            others = Math.max(0, lastRemainder[u] * config.edgeHz() / (lastCycles[u] * s.lastEdgeRateBps())
                    - lastRemainder[u]);
        }
        double reach = config.rateBps(config.pMaxW() / ((1 + margin) * wattsPerSinr[u]));
        OffloadFirst.Plan plan = OffloadFirst.plan(config, bits, c, s.remainingS(), others, settings, reach);
        double local = plan.localBits();
        double eta = plan.rateBps() > 0 ? (1 + margin) * wattsPerSinr[u] * config.sinrFor(plan.rateBps()) / config.pMaxW() : 0;
        if (eta > 1) {
            // rounding put the rate just out of reach: at full power, can the task still finish?
            double cap = Math.min(bits, Pace.localCapacity(config, window, c));
            if (OffloadFirst.finishes(config, bits, c, window, others, reach, cap)) {
                local = cap;
            } else if (left <= 1) {
                local = 0;
                eta = 0;
            }
            eta = Math.min(eta, 1);
        }
        lastRemainder[u] = bits - local;
        lastCycles[u] = c;
        return new double[] {Pace.alpha(config, local, window, c), eta};
    }

    @Override
    public String toString() {
        return NAME + settings + "(margin=" + margin + ")";
    }
}
