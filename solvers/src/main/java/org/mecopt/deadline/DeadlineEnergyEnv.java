package org.mecopt.deadline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.api.Check;
import org.mecopt.deadline.policy.LocalState;
import org.mecopt.deadline.policy.StepView;
import org.mecopt.env.Box;
import org.mecopt.env.Info;
import org.mecopt.env.ParallelEpisodicEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.env.Space;

/**
 * Seed 000's simulator as a parallel multi-agent environment (MODEL.md §4): K users (agents), each
 * observing {@code [Q/Q_init, (C − C_min)/(C_max − C_min), d/D, Σβ normalized]} (zeros without a
 * task) and choosing {@code [α, η] ∈ [0,1]²}; every agent gets the team reward, the mean over users
 * of eq. (12); the episode is truncated (never terminated) after T steps.
 *
 * <p><b>One step</b>, for every user with a task (eqs. (2)–(10)): window {@code τ = min(Δt, d)};
 * local bits {@code B_loc = min(Q, τ α f_max / C)} and energy {@code φ B_loc C (α f_max)²};
 * {@code Q_rem = Q − B_loc}; edge share {@code f_k = Q_rem,k/(Σ_i Q_rem,i + ε)·F_edge},
 * {@code r_edge = f_k/C}; SINR {@code γ_k = η_k p_max G_kk/(Σ_{j≠k} η_j p_max G_kj + 1)} over the users
 * with a task; rate {@code R = W·rateFactor·log2(1+γ)}; {@code S_off = τ/(1/(R+ε) + 1/(r_edge+ε))};
 * {@code B_off = min(Q_rem, S_off)}, energy {@code η p_max B_off/(R+ε)}; {@code Q ← Q_rem − B_off}.
 * A task succeeds in the step its last bit is processed (that step's window already ends at the
 * deadline, so the bits were processed in time — our reading of "Q ≤ 0 with d ≥ 0") and fails when
 * its ⌈D/Δt⌉-th step ends with bits left (the remainder is dropped). Then the next step's arrivals
 * appear. Users without a task spend nothing and cause no interference.
 *
 * <p><b>Reward</b> of user k with a task, eq. (12): {@code w_p (Q − Q')/(Q_init+ε) − w_e min(E/(E_max+ε),1)
 * + w_s 1[success] − w_f 1[failure] − w_u π (Q'/(Q_init+ε))^β} with Q' the bits left after the step
 * (before a drop) and {@code π = 1 − max(d',0)/(D+ε)}, d' the budget left after the step; 0 for a user
 * without a task. The team reward is the mean over all K users.
 *
 * <p><b>Global state</b> ({@link #state()}, for a centralized critic), in [0,1]^{5K+1}: the K
 * observations concatenated (4K), then per user 1 if XR else 0 (K), then the elapsed fraction
 * t/T of the episode (1). It holds no small-scale fading (a critic learns the expectation over it).
 *
 * <p>Scenarios: {@link #DeadlineEnergyEnv(DeadlineEnergyConfig)} draws a new one per reset from the
 * reset's stream ({@link ScenarioGenerator}); {@link #replaying(Scenario)} runs the same fixed scenario
 * at every reset. Seeds: training should use seeds below {@link #FIRST_EVALUATION_SEED}; evaluation
 * ({@code simulate}, {@code experiment deadline-energy}) uses that seed and above by default.
 */
public final class DeadlineEnergyEnv extends ParallelEpisodicEnv<double[]> {

    public static final int OBSERVATION_SIZE = 4;
    public static final int ACTION_SIZE = 2;
    /** Evaluation episodes use scenario seeds from here on; training must stay below. */
    public static final long FIRST_EVALUATION_SEED = 1_000_000L;

    /** Where the scenario of each episode comes from. */
    @FunctionalInterface
    public interface ScenarioSource {
        Scenario next(UniformRandomProvider rng);
    }

    private final DeadlineEnergyConfig config;
    private final ScenarioSource source;
    private final int k;
    private final Box observationSpace = Box.of(OBSERVATION_SIZE, 0, 1);
    private final Box actionSpace = Box.of(ACTION_SIZE, 0, 1);
    private final Box stateSpace;
    private final List<Info> infos;

    private Scenario scenario;
    private int stepsTaken;
    private final boolean[] pending;
    private final double[] bits;
    private final double[] initialBits;
    private final double[] cycles;
    private final double[] deadline;
    private final int[] window;
    private final int[] served;
    private final int[] arrivalStep;
    private final double[] betaFeature;
    private final double[] lastEta;
    private final double[] lastSinr;
    private final double[] lastEdgeRate;
    // the last step's per-user results
    private final StepRecord last;
    private final double[] remainder;
    private final double[] userRewards;
    private final List<TaskOutcome> outcomes = new ArrayList<>();
    private final List<TaskOutcome> stepOutcomes = new ArrayList<>();
    private final EnumMap<TaskClass, double[]> totals = new EnumMap<>(TaskClass.class);
    private final View view = new View();

    /** Each reset draws a new scenario from its stream. */
    public DeadlineEnergyEnv(DeadlineEnergyConfig config) {
        this(config, rng -> ScenarioGenerator.generate(config, rng));
    }

    /** Each reset takes its scenario from {@code source} (which must match {@code config}). */
    public DeadlineEnergyEnv(DeadlineEnergyConfig config, ScenarioSource source) {
        super(Check.present("config", config).steps());
        this.config = config;
        this.source = Check.present("source", source);
        this.k = config.users();
        this.stateSpace = Box.of(5 * k + 1, 0, 1);
        this.infos = Collections.nCopies(k, Info.EMPTY);
        pending = new boolean[k];
        bits = new double[k];
        initialBits = new double[k];
        cycles = new double[k];
        deadline = new double[k];
        window = new int[k];
        served = new int[k];
        arrivalStep = new int[k];
        betaFeature = new double[k];
        lastEta = new double[k];
        lastSinr = new double[k];
        lastEdgeRate = new double[k];
        last = new StepRecord(k);
        remainder = new double[k];
        userRewards = new double[k];
    }

    /** An environment whose every episode is {@code scenario} (replay; the reset seed is ignored). */
    public static DeadlineEnergyEnv replaying(Scenario scenario) {
        return new DeadlineEnergyEnv(scenario.config(), rng -> scenario);
    }

    public DeadlineEnergyConfig config() {
        return config;
    }

    @Override
    public int agentCount() {
        return k;
    }

    @Override
    public String agentName(int agent) {
        return "user_" + agent;
    }

    @Override
    public Box observationSpace(int agent) {
        return observationSpace;
    }

    @Override
    public Space<double[]> actionSpace(int agent) {
        return actionSpace;
    }

    @Override
    public Box stateSpace() {
        return stateSpace;
    }

    @Override
    protected ParallelReset begin(UniformRandomProvider rng) {
        Scenario s = source.next(rng);
        if (!s.config().equals(config)) {
            throw new IllegalArgumentException("the scenario's constants differ from the environment's");
        }
        scenario = s;
        stepsTaken = 0;
        Arrays.fill(pending, false);
        Arrays.fill(bits, 0);
        Arrays.fill(lastEta, 0);
        Arrays.fill(lastSinr, 0);
        Arrays.fill(lastEdgeRate, 0);
        last.clear();
        outcomes.clear();
        stepOutcomes.clear();
        totals.clear();
        for (TaskClass c : TaskClass.values()) {
            totals.put(c, new double[9]);
        }
        double lo = config.observedMinSumBetaDb();
        double hi = config.observedMaxSumBetaDb();
        for (int u = 0; u < k; u++) {
            double db = 10 * Math.log10(s.sumBeta(u));
            betaFeature[u] = Math.min(1, Math.max(0, (db - lo) / (hi - lo)));
        }
        arrive(1);
        return new ParallelReset(observations(), infos);
    }

    /** Starts the tasks arriving at step t. */
    private void arrive(int t) {
        for (int u = 0; u < k; u++) {
            Arrival a = scenario.arrival(u, t);
            if (a == null) {
                continue;
            }
            if (pending[u]) {
                throw new IllegalStateException("user " + u + " gets a task at step " + t + " while one is running");
            }
            pending[u] = true;
            bits[u] = a.bits();
            initialBits[u] = a.bits();
            cycles[u] = a.cyclesPerBit();
            deadline[u] = a.deadlineS();
            window[u] = a.windowSteps(config.stepS());
            served[u] = 0;
            arrivalStep[u] = t;
            double[] tot = totals.get(scenario.taskClass(u));
            tot[ARRIVALS]++;
            tot[ARRIVED_BITS] += a.bits();
        }
    }

    private static final int ARRIVALS = 0;
    private static final int SUCCESSES = 1;
    private static final int FAILURES = 2;
    private static final int LOCAL_ENERGY = 3;
    private static final int OFFLOAD_ENERGY = 4;
    private static final int ARRIVED_BITS = 5;
    private static final int LOCAL_BITS = 6;
    private static final int OFFLOAD_BITS = 7;
    private static final int DROPPED_BITS = 8;

    @Override
    protected ParallelStep advance(List<double[]> actions, UniformRandomProvider rng) {
        int t = stepsTaken + 1;
        double[][] g = scenario.gainsAt(t);
        double dt = config.stepS();
        double fMax = config.fMaxHz();
        double pMax = config.pMaxW();
        double eps = config.epsilon();
        last.clear();
        stepOutcomes.clear();
        double remSum = 0;
        for (int u = 0; u < k; u++) {
            if (!pending[u]) {
                continue;
            }
            double[] a = actions.get(u);
            double alpha = a[0];
            double tau = Math.min(dt, deadline[u] - served[u] * dt);
            double f = alpha * fMax;
            double local = Math.min(bits[u], tau * f / cycles[u]);
            last.localBits[u] = local;
            last.localEnergyJ[u] = config.phi() * local * cycles[u] * f * f;
            last.window[u] = tau;
            last.eta[u] = a[1];
            remainder[u] = bits[u] - local;
            remSum += remainder[u];
        }
        double energyMax = config.maxStepEnergyJ();
        RewardWeights w = config.reward();
        double teamReward = 0;
        for (int u = 0; u < k; u++) {
            userRewards[u] = 0;
            if (!pending[u]) {
                continue;
            }
            double[] gu = g[u];
            double interference = 0;
            // every user busy at the start of the step interferes for the whole step, also one whose task
            // ends earlier in this loop (pending[] changes as we go; eta is 0 for users idle from the start)
            for (int j = 0; j < k; j++) {
                if (j != u) {
                    interference += last.eta[j] * pMax * gu[j];
                }
            }
            double sinr = last.eta[u] * pMax * gu[u] / (interference + 1);
            double rate = config.rateBps(sinr);
            double edgeRate = remainder[u] / (remSum + eps) * config.edgeHz() / cycles[u];
            double s = last.window[u] / (1 / (rate + eps) + 1 / (edgeRate + eps));
            double off = Math.min(remainder[u], s);
            last.sinr[u] = sinr;
            last.rateBps[u] = rate;
            last.edgeRateBps[u] = edgeRate;
            last.offloadBits[u] = off;
            last.offloadEnergyJ[u] = last.eta[u] * pMax * off / (rate + eps);
            double before = bits[u];
            double after = remainder[u] - off;
            served[u]++;
            lastEta[u] = last.eta[u];
            lastSinr[u] = sinr;
            lastEdgeRate[u] = edgeRate;
            double[] tot = totals.get(scenario.taskClass(u));
            tot[LOCAL_ENERGY] += last.localEnergyJ[u];
            tot[OFFLOAD_ENERGY] += last.offloadEnergyJ[u];
            tot[LOCAL_BITS] += last.localBits[u];
            tot[OFFLOAD_BITS] += off;
            boolean success = after <= 0;
            boolean failure = !success && served[u] >= window[u];
            double left = Math.max(0, deadline[u] - served[u] * dt);
            double energy = last.localEnergyJ[u] + last.offloadEnergyJ[u];
            double q0 = initialBits[u] + eps;
            double remaining = Math.max(0, after) / q0;
            double urgency = 1 - left / (deadline[u] + eps);
            userRewards[u] = w.progress() * (before - Math.max(0, after)) / q0
                    - w.energy() * Math.min(energy / (energyMax + eps), 1)
                    + (success ? w.success() : 0) - (failure ? w.failure() : 0)
                    - w.urgency() * urgency * Math.pow(remaining, w.urgencyPower());
            teamReward += userRewards[u];
            bits[u] = Math.max(0, after);
            if (success || failure) {
                TaskOutcome o = new TaskOutcome(u, arrivalStep[u], success, t);
                outcomes.add(o);
                stepOutcomes.add(o);
                tot[success ? SUCCESSES : FAILURES]++;
                if (failure) {
                    tot[DROPPED_BITS] += bits[u];
                    last.droppedBits[u] = bits[u];
                }
                pending[u] = false;
                bits[u] = 0;
            }
        }
        teamReward /= k;
        stepsTaken = t;
        if (t < config.steps()) {
            arrive(t + 1);
        }
        return ParallelStep.shared(observations(), teamReward, false, infos);
    }

    private List<double[]> observations() {
        List<double[]> obs = new ArrayList<>(k);
        for (int u = 0; u < k; u++) {
            obs.add(observation(u));
        }
        return obs;
    }

    private double[] observation(int u) {
        double[] o = new double[OBSERVATION_SIZE];
        if (pending[u]) {
            o[0] = Math.min(1, Math.max(0, bits[u] / initialBits[u]));
            o[1] = Math.min(1, Math.max(0, (cycles[u] - config.observedMinCyclesPerBit())
                    / (config.observedMaxCyclesPerBit() - config.observedMinCyclesPerBit())));
            o[2] = Math.min(1, Math.max(0, (deadline[u] - served[u] * config.stepS()) / deadline[u]));
            o[3] = betaFeature[u];
        }
        return o;
    }

    @Override
    public double[] state() {
        requireEpisode();
        double[] s = new double[5 * k + 1];
        for (int u = 0; u < k; u++) {
            System.arraycopy(observation(u), 0, s, OBSERVATION_SIZE * u, OBSERVATION_SIZE);
            s[OBSERVATION_SIZE * k + u] = scenario.taskClass(u) == TaskClass.XR ? 1 : 0;
        }
        s[5 * k] = (double) stepsTaken / config.steps();
        return s;
    }

    private void requireEpisode() {
        if (scenario == null) {
            throw new IllegalStateException("call reset(seed) first");
        }
    }

    /** The scenario of the current (or last) episode. */
    public Scenario scenario() {
        requireEpisode();
        return scenario;
    }

    /** The system before the next step, for a policy (live: it changes with every step). */
    public StepView view() {
        requireEpisode();
        return view;
    }

    /** Steps taken in the current episode. */
    public int stepsTaken() {
        return stepsTaken;
    }

    /** Per-user results of the last step (a copy; zeros for users without a task). */
    public StepRecord lastStep() {
        return last.copy();
    }

    /** Each user's eq. (12) reward in the last step (the team reward is their mean). */
    public double[] lastUserRewards() {
        return userRewards.clone();
    }

    /** The tasks that ended in the last step. */
    public List<TaskOutcome> lastOutcomes() {
        return List.copyOf(stepOutcomes);
    }

    /** Every task that ended so far in this episode, in the order they ended. */
    public List<TaskOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** Fig. 1's counts and energies of this episode so far. */
    public EpisodeMetrics metrics() {
        EnumMap<TaskClass, ClassTotals> m = new EnumMap<>(TaskClass.class);
        totals.forEach((c, v) -> m.put(c, new ClassTotals((long) v[ARRIVALS], (long) v[SUCCESSES], (long) v[FAILURES],
                v[LOCAL_ENERGY], v[OFFLOAD_ENERGY], v[ARRIVED_BITS], v[LOCAL_BITS], v[OFFLOAD_BITS], v[DROPPED_BITS])));
        return new EpisodeMetrics(config, m);
    }

    /** Bits still pending (tasks not yet ended), per class. */
    public double pendingBits(TaskClass c) {
        double s = 0;
        for (int u = 0; u < k; u++) {
            s += pending[u] && scenario.taskClass(u) == c ? bits[u] : 0;
        }
        return s;
    }

    private final class View implements StepView {
        @Override
        public int step() {
            return stepsTaken + 1;
        }

        @Override
        public int users() {
            return k;
        }

        @Override
        public DeadlineEnergyConfig config() {
            return config;
        }

        @Override
        public double[] observation(int user) {
            return DeadlineEnergyEnv.this.observation(user);
        }

        @Override
        public LocalState local(int u) {
            if (!pending[u]) {
                return new LocalState(false, scenario.taskClass(u), 0, 0, 0, 0, 0, scenario.sumBeta(u), lastEta[u],
                        lastSinr[u], lastEdgeRate[u]);
            }
            return new LocalState(true, scenario.taskClass(u), bits[u], initialBits[u], cycles[u],
                    deadline[u] - served[u] * config.stepS(), deadline[u], scenario.sumBeta(u), lastEta[u], lastSinr[u],
                    lastEdgeRate[u]);
        }

        @Override
        public boolean pending(int user) {
            return pending[user];
        }

        @Override
        public double gain(int a, int b) {
            return scenario.gain(Math.min(stepsTaken + 1, config.steps()), a, b);
        }
    }
}
