package org.mecopt.edge.env;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.api.Check;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.env.Box;
import org.mecopt.env.Info;
import org.mecopt.env.ParallelEpisodicEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.env.Space;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * Seed 003's distributed task allocation as a parallel environment (§IV, MODEL.md §6): the
 * |H| = 7 edge servers are the agents {@code es0 … es6}.
 *
 * <ul>
 *   <li><b>Episode</b>: one step, a contextual bandit. Each reset draws a new system of the fixed
 *       {@link EdgeSystemGenerator.Deployment} (links and every user index's η stay, everything
 *       else about the users is redrawn, as the paper's §VI-A says), and nothing the agents do
 *       changes the next draw. A longer episode would only chain independent draws, so bootstrapping
 *       across steps could add nothing but noise (the paper's γ = 0.1 is close to this).</li>
 *   <li><b>Observation</b> of server h: {@link EdgeFeatures#observation}, |U| × 9 flattened.
 *       <b>State</b>: {@link EdgeFeatures#state}, every row.</li>
 *   <li><b>Action</b> of server h: a {@code |U| × 7} matrix in [0, 1]; the row of user u is read
 *       only from u's connected server and its argmax executed ({@link EdgeFeatures#decide}).</li>
 *   <li><b>Transition</b>: every server splits its CPU among the users sent to it by sigmoidal
 *       programming with the cloud fallback ({@link EdgeEvaluator}): a user goes to the cloud when its
 *       share gives no more QoE than the cloud.</li>
 *   <li><b>Reward</b>: the system QoE Σ_u QoE_u, shared by all servers (eq. (23)). The step's info
 *       carries {@code system_qoe}, {@code mean_latency_s}, {@code satisfied}, {@code disturbed},
 *       {@code lost} and {@code cloud} for Fig. 6's curves.</li>
 * </ul>
 *
 * <p><b>Seeds.</b> {@code reset(s)} draws the system {@link #system(EdgeSystemGenerator.Deployment,
 * long) system(deployment, s)}; later {@code reset()} calls continue that stream. Training streams
 * use seeds below {@link #EVALUATION_SEED_START}; evaluation systems are the first systems of the
 * seeds from {@link #EVALUATION_SEED_START} on, so no evaluation system is ever trained on.
 */
public final class EdgeAllocationEnv extends ParallelEpisodicEnv<double[]> {

    /** Evaluation systems use seeds from here on; training seeds stay below. */
    public static final long EVALUATION_SEED_START = 1_000_000L;
    /** The deployment (links, η) every experiment and bundled policy uses unless told otherwise. */
    public static final long DEFAULT_DEPLOYMENT_SEED = 3L;

    private final EdgeSystemGenerator.Deployment deployment;
    private final SigmoidalProgramming.Settings settings;
    private final int users;
    private final int servers;
    private final Box observationSpace;
    private final Box actionSpace;
    private EdgeSystem system;
    private List<double[]> observations;
    private double[] state;
    private SystemOutcome outcome;

    /**
     * @param deployment the fixed links and η
     * @param settings the per-server sigmoidal solves (the default gap 1e-4 is what the experiments use)
     */
    public EdgeAllocationEnv(EdgeSystemGenerator.Deployment deployment, SigmoidalProgramming.Settings settings) {
        super(1);
        Check.present("deployment", deployment);
        Check.present("settings", settings);
        this.deployment = deployment;
        this.settings = settings;
        this.users = deployment.users();
        this.servers = deployment.config().serverCapacityHz().length;
        this.observationSpace = featureBox(users);
        this.actionSpace = Box.of(users * servers, 0, 1);
    }

    /** The seed-003 setting with {@code users} users, deployment {@link #DEFAULT_DEPLOYMENT_SEED}. */
    public static EdgeAllocationEnv seed003(int users) {
        return new EdgeAllocationEnv(
                EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(users),
                        DEFAULT_DEPLOYMENT_SEED), SigmoidalProgramming.Settings.DEFAULTS);
    }

    /** The system {@code reset(seed)} draws: evaluation system {@code seed} of the deployment. */
    public static EdgeSystem system(EdgeSystemGenerator.Deployment deployment, long seed) {
        return EdgeSystemGenerator.draw(deployment, seed);
    }

    private static Box featureBox(int users) {
        // fixed affine maps (EdgeFeatures): the first column is in (0, 1], the others are bounded only
        // by the distributions, which other settings (Fig. 9/10) may widen
        double[] low = new double[users * EdgeFeatures.FEATURES];
        double[] high = new double[low.length];
        for (int i = 0; i < low.length; i++) {
            boolean connected = i % EdgeFeatures.FEATURES == 0;
            low[i] = connected ? 0 : Double.NEGATIVE_INFINITY;
            high[i] = connected ? 1 : Double.POSITIVE_INFINITY;
        }
        return new Box(low, high);
    }

    public EdgeSystemGenerator.Deployment deployment() {
        return deployment;
    }

    public int userCount() {
        return users;
    }

    /** The current episode's system (null before the first reset). */
    public EdgeSystem system() {
        return system;
    }

    /** The outcome of the last step (null before the first step of an episode). */
    public SystemOutcome lastOutcome() {
        return outcome;
    }

    @Override
    public int agentCount() {
        return servers;
    }

    @Override
    public String agentName(int agent) {
        return "es" + agent;
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
        return observationSpace;
    }

    @Override
    public double[] state() {
        if (state == null) {
            throw new IllegalStateException("call reset(seed) before state()");
        }
        return state.clone();
    }

    @Override
    protected ParallelReset begin(UniformRandomProvider rng) {
        system = EdgeSystemGenerator.draw(deployment, rng);
        outcome = null;
        state = EdgeFeatures.state(system);
        observations = new ArrayList<>(servers);
        for (int h = 0; h < servers; h++) {
            observations.add(EdgeFeatures.observation(system, h));
        }
        return new ParallelReset(observations, Collections.nCopies(servers, Info.EMPTY));
    }

    @Override
    protected ParallelStep advance(List<double[]> actions, UniformRandomProvider rng) {
        int[] assignment = EdgeFeatures.decide(system, actions);
        outcome = new EdgeEvaluator(system, settings).evaluate(assignment);
        Info info = Info.of(metrics(outcome));
        // the episode ends here; the terminal observation is the one acted on (nothing bootstraps
        // from it), copied so a learner editing the reset's arrays in place cannot change it
        List<double[]> terminal = new ArrayList<>(servers);
        for (double[] o : observations) {
            terminal.add(o.clone());
        }
        return ParallelStep.shared(terminal, outcome.systemQoe(), true, Collections.nCopies(servers, info));
    }

    /** Seed 003's metrics of an outcome, by name (the step info's values). */
    public static Map<String, Double> metrics(SystemOutcome o) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("system_qoe", o.systemQoe());
        m.put("mean_latency_s", o.meanLatencyS());
        m.put("satisfied", (double) o.satisfied());
        m.put("disturbed", (double) o.disturbed());
        m.put("lost", (double) o.lost());
        m.put("cloud", (double) o.cloud());
        return m;
    }
}
