package org.mecopt.models.edge;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.io.AtomicFiles;
import org.mecopt.models.rl.Dqn;
import org.mecopt.models.rl.ReplayBatch;
import org.mecopt.models.rl.ReplayBuffer;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.models.rl.TrainingLog;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * The training loop every seed-003 learner shares (server-side {@link MarlTrainer}, user-side
 * {@link UserQTrainer}): one episode is one system of {@link EdgeAllocationEnv} (users redrawn, a
 * contextual bandit), acted on by the learner's exploring policy, executed (argmax rows, sigmoidal
 * split, cloud fallback), stored in a replay buffer with the reward scaled to a mean QoE per user,
 * and followed by the learner's updates once {@code warmup} episodes are stored.
 *
 * <p>Seeds: episode e trains on the system of seed {@code mix(seed, e) mod 900 000}; greedy
 * evaluations during training use the systems of seeds 900 000 + k, never trained on and below
 * {@link EdgeAllocationEnv#EVALUATION_SEED_START}, whose systems stay for the final comparison. One
 * seed fixes initialization, exploration, sampling and systems: a run on one engine thread is
 * reproducible. Checkpoints hold the learner's networks and optimizer moments, the replay buffer
 * with its sampler, the exploration stream, the curves and the best model, so a resumed run ends
 * where the uninterrupted one ends.
 *
 * <p>Output directory: {@code model.json} and the networks of the final policy, {@code best/} (the
 * policy of the best greedy evaluation), {@code training/} (Fig. 6 curves {@code fig6.csv/png},
 * {@code metrics.csv}, {@code evaluations.csv}, {@code episodes.csv} and PNGs, {@code checkpoint/}).
 */
abstract class EdgeTrainingLoop implements AutoCloseable {
    /** Training systems use seeds below this; greedy evaluations during training the seeds from it on. */
    static final long VALIDATION_SEED_START = 900_000L;
    static final String TRAINING = "training";
    static final String CHECKPOINT = "checkpoint";
    static final String BEST = "best";
    private static final String STATE_MAGIC = "mecopt-edge-training-state-2";
    private static final long TRAIN_SYSTEMS = 11;
    private static final long SAMPLER = 12;
    private static final long EXPLORATION = 13;

    /** The schedule every learner shares. */
    record Schedule(int episodes, int warmupEpisodes, int batchSize, int bufferSize, int logEvery, int evalEvery,
                    int evalSystems, int checkpointEvery, long seed) {
    }

    protected final int users;
    protected final int servers;
    protected final long deploymentSeed;
    private final EdgeAllocationEnv env;
    private final EdgeAllocationEnv evaluationEnv;
    private final Schedule schedule;
    private final String configText;
    private ReplayBuffer buffer;
    protected final RestorableUniformRandomProvider exploration;
    private TrainingLog log;
    private EdgeCurves curves = new EdgeCurves();
    protected int episode;
    private double trainSeconds;
    private double bestEvaluation = Double.NEGATIVE_INFINITY;
    private int bestEpisode = -1;
    private EdgeModel best;
    private final double[] sums;
    private final int[] counts;

    /**
     * @param storedActionSize entries of the action kept per transition
     * @param configText the learner's configuration, compared on resume (episodes may differ)
     */
    EdgeTrainingLoop(int users, long deploymentSeed, Schedule schedule, int storedActionSize, String configText) {
        this.env = environment(users, deploymentSeed);
        this.evaluationEnv = environment(users, deploymentSeed);
        this.users = users;
        this.servers = env.agentCount();
        this.deploymentSeed = deploymentSeed;
        this.schedule = schedule;
        this.configText = configText;
        this.buffer = new ReplayBuffer(schedule.bufferSize(), observationSize(), storedActionSize, 0,
                Dqn.mix(schedule.seed(), SAMPLER, 0));
        this.exploration = RandomSource.XO_RO_SHI_RO_128_PP.create(Dqn.mix(schedule.seed(), EXPLORATION, 0));
        this.log = new TrainingLog(metrics());
        this.sums = new double[metrics().size()];
        this.counts = new int[metrics().size()];
    }

    /** The seed-003 environment of {@code users} users on deployment {@code deploymentSeed}. */
    static EdgeAllocationEnv environment(int users, long deploymentSeed) {
        return new EdgeAllocationEnv(EdgeSystemGenerator.deployment(EdgeSystemGenerator.Config.SEED_003.withUsers(users),
                deploymentSeed), SigmoidalProgramming.Settings.DEFAULTS);
    }

    /** The training system seed of episode {@code e}. */
    static long trainingSeed(long seed, long e) {
        return Math.floorMod(Dqn.mix(seed, TRAIN_SYSTEMS, e), VALIDATION_SEED_START);
    }

    abstract String title();

    abstract List<String> metrics();

    /**
     * The exploring action on a system: returns the server per user and writes the action to store
     * into {@code stored}.
     */
    abstract int[] explore(float[] state, int[] connected, double[] stored);

    /** The updates after an episode (a replay batch of the shared size); true when the policy changed. */
    abstract boolean update(ReplayBatch batch);

    /** The current greedy policy. */
    abstract EdgeModel model();

    abstract void saveNetworks(DataOutputStream out) throws IOException;

    abstract void loadNetworks(DataInputStream in) throws IOException;

    /** Extra manifest entries (hyper-parameters, final temperatures). */
    abstract Map<String, Object> manifest();

    final int observationSize() {
        return users * (org.mecopt.edge.env.EdgeFeatures.FEATURES + 1);
    }

    /** Adds a value to metric k of the current logging interval. */
    final void metric(int k, double value) {
        sums[k] += value;
        counts[k]++;
    }

    /** The state ({@code users × 9}) of a stored observation. */
    final float[] states(ReplayBatch b) {
        int f = org.mecopt.edge.env.EdgeFeatures.FEATURES;
        int width = observationSize();
        float[] states = new float[b.size() * users * f];
        float[] obs = b.observations();
        for (int i = 0; i < b.size(); i++) {
            System.arraycopy(obs, i * width, states, i * users * f, users * f);
        }
        return states;
    }

    /** The connected servers of a stored observation. */
    final int[] connected(ReplayBatch b) {
        int f = org.mecopt.edge.env.EdgeFeatures.FEATURES;
        int width = observationSize();
        int[] connected = new int[b.size() * users];
        float[] obs = b.observations();
        for (int i = 0; i < b.size(); i++) {
            for (int u = 0; u < users; u++) {
                connected[i * users + u] = (int) obs[i * width + users * f + u];
            }
        }
        return connected;
    }

    /** What a run produced. */
    record Result(EdgeModel model, EdgeModel best, TrainingLog log, EdgeCurves curves, int episodes, double seconds,
                  double lastEvaluation, double bestEvaluation) {
    }

    /**
     * Continues the checkpoint in {@code outDir} when {@code resume} and there is one; trains to the
     * last episode, or stops after the episode during which {@code maxSeconds} of wall time (this
     * call's) ran out, saving everything as at the end: a later resume continues exactly.
     */
    final Result run(Path outDir, boolean resume, double maxSeconds, RlProgress progress) throws IOException {
        long started = System.nanoTime();
        Path training = outDir.resolve(TRAINING);
        Path checkpoint = training.resolve(CHECKPOINT);
        if (resume && Files.isRegularFile(checkpoint.resolve("state.bin"))) {
            load(checkpoint);
        }
        Files.createDirectories(training);
        EdgeModel policy = model();
        long intervalStart = System.nanoTime();
        int intervalEpisode = episode;
        if (episode == 0 && schedule.evalEvery() > 0) {
            evaluate(policy); // the untrained policy: the curve's starting point
        }
        int f = org.mecopt.edge.env.EdgeFeatures.FEATURES;
        while (episode < schedule.episodes()) {
            long t0 = System.nanoTime();
            if ((t0 - started) / 1e9 >= maxSeconds) {
                break;
            }
            env.reset(trainingSeed(schedule.seed(), episode));
            EdgeSystem system = env.system();
            float[] state = ServerActors.state(system);
            int[] connected = ServerActors.connected(system);
            double[] stored = new double[buffer.actionSize()];
            int[] allocation = explore(state, connected, stored);
            double[] joint = new double[users * servers];
            for (int u = 0; u < users; u++) {
                joint[u * servers + allocation[u]] = 1;
            }
            env.step(Collections.nCopies(servers, joint));
            SystemOutcome outcome = env.lastOutcome();
            curves.add(outcome);
            double[] observation = new double[observationSize()];
            for (int i = 0; i < state.length; i++) {
                observation[i] = state[i];
            }
            for (int u = 0; u < users; u++) {
                observation[users * f + u] = connected[u];
            }
            buffer.add(observation, stored, outcome.systemQoe() / users, observation, true, null);
            episode++;
            log.episode(episode, outcome.systemQoe(), 1);
            if (episode >= schedule.warmupEpisodes() && update(buffer.sample(schedule.batchSize()))) {
                policy = model();
            }
            trainSeconds += (System.nanoTime() - t0) / 1e9;
            if (episode % schedule.logEvery() == 0) {
                long now = System.nanoTime();
                double perSecond = (episode - intervalEpisode) / ((now - intervalStart) / 1e9);
                progress.interval(log.interval(episode, perSecond, intervalMetrics()), schedule.episodes(), metrics());
                intervalStart = now;
                intervalEpisode = episode;
            }
            if (schedule.evalEvery() > 0 && episode % schedule.evalEvery() == 0 && episode < schedule.episodes()) {
                evaluate(policy);
            }
            if (schedule.checkpointEvery() > 0 && episode % schedule.checkpointEvery() == 0
                    && episode < schedule.episodes()) {
                save(checkpoint);
                curves.write(training, title());
            }
        }
        // the last evaluation: logged (and a candidate for the best policy) when it falls on the
        // evaluation grid or ends the run; a run stopped early between grid points only reports it, so
        // that resuming continues exactly as the uninterrupted run (same evaluations, same best policy)
        List<TrainingLog.Evaluation> evaluations = log.evaluations();
        double last;
        if (!evaluations.isEmpty() && evaluations.get(evaluations.size() - 1).step() == episode) {
            last = evaluations.get(evaluations.size() - 1).meanReturn();
        } else if (episode == schedule.episodes() || (schedule.evalEvery() > 0 && episode % schedule.evalEvery() == 0)) {
            last = evaluate(policy);
        } else {
            last = validationQoe(policy)[0];
        }
        save(checkpoint);
        log.write(training, title());
        curves.write(training, title());
        Map<String, Object> extra = new LinkedHashMap<>(manifest());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("episodes", episode);
        t.put("trainSeconds", trainSeconds);
        t.put("lastValidationQoe", last);
        t.put("bestValidationQoe", bestEvaluation);
        t.put("bestEpisode", bestEpisode); // the episode whose policy best/ holds
        t.put("validationSystems", schedule.evalSystems());
        t.put("validationFirstSeed", VALIDATION_SEED_START);
        t.put("recentTrainingQoe", curves.recent(0, EdgeCurves.WINDOW));
        t.put("stoppedByTimeLimit", episode < schedule.episodes());
        extra.put("training", t);
        policy.save(outDir, extra);
        EdgeModel bestSoFar = best == null ? policy : best; // no evaluation logged yet (evalEvery 0, stopped early)
        bestSoFar.save(outDir.resolve(BEST), extra);
        return new Result(policy, bestSoFar, log, curves, episode, trainSeconds, last,
                best == null ? last : bestEvaluation);
    }

    private double[] intervalMetrics() {
        double[] m = new double[sums.length];
        for (int k = 0; k < m.length; k++) {
            m[k] = counts[k] == 0 ? Double.NaN : sums[k] / counts[k];
            sums[k] = 0;
            counts[k] = 0;
        }
        return m;
    }

    /** Logs the greedy system QoE on the fixed validation systems and keeps the best policy; returns the mean. */
    private double evaluate(EdgeModel policy) {
        double[] ms = validationQoe(policy);
        log.evaluation(episode, ms[0], ms[1], schedule.evalSystems());
        if (best == null || ms[0] > bestEvaluation) {
            bestEvaluation = ms[0];
            bestEpisode = episode;
            best = policy;
        }
        return ms[0];
    }

    /** The mean and standard deviation of the greedy system QoE on the validation systems. */
    private double[] validationQoe(EdgeModel policy) {
        double[] q = new double[schedule.evalSystems()];
        for (int k = 0; k < q.length; k++) {
            evaluationEnv.reset(VALIDATION_SEED_START + k);
            EdgeSystem system = evaluationEnv.system();
            q[k] = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(policy.allocate(system))
                    .systemQoe();
        }
        double mean = 0;
        for (double v : q) {
            mean += v / q.length;
        }
        double var = 0;
        for (double v : q) {
            var += (v - mean) * (v - mean) / q.length;
        }
        return new double[] {mean, Math.sqrt(var)};
    }

    private void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        buffer.save(dir.resolve("replay.bin"));
        AtomicFiles.write(dir.resolve("networks.bin"), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            saveNetworks(out);
            out.flush();
        });
        if (best != null) {
            best.save(dir.resolve(BEST), Map.of());
        }
        // written last: a checkpoint is complete when its state is
        AtomicFiles.write(dir.resolve("state.bin"), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(STATE_MAGIC);
            out.writeUTF(configText);
            out.writeInt(episode);
            out.writeDouble(trainSeconds);
            out.writeDouble(bestEvaluation);
            out.writeInt(bestEpisode);
            out.writeBoolean(best != null);
            for (int k = 0; k < sums.length; k++) {
                out.writeDouble(sums[k]);
                out.writeInt(counts[k]);
            }
            byte[] rng = ((RandomProviderDefaultState) exploration.saveState()).getState();
            out.writeInt(rng.length);
            out.write(rng);
            log.save(out);
            curves.save(out);
            out.flush();
        });
    }

    private void load(Path dir) throws IOException {
        boolean hasBest;
        try (DataInputStream in = open(dir.resolve("state.bin"))) {
            if (!STATE_MAGIC.equals(in.readUTF())) {
                throw new IOException(dir + " is not a qoe-edge training checkpoint");
            }
            String saved = in.readUTF();
            if (!withoutEpisodes(saved).equals(withoutEpisodes(configText))) {
                throw new IllegalArgumentException("the checkpoint in " + dir + " was trained with " + saved
                        + ", not " + configText + " (only the number of episodes may change)");
            }
            episode = in.readInt();
            trainSeconds = in.readDouble();
            bestEvaluation = in.readDouble();
            bestEpisode = in.readInt();
            hasBest = in.readBoolean();
            for (int k = 0; k < sums.length; k++) {
                sums[k] = in.readDouble();
                counts[k] = in.readInt();
            }
            byte[] rng = new byte[in.readInt()];
            in.readFully(rng);
            exploration.restoreState(new RandomProviderDefaultState(rng));
            log = TrainingLog.load(in);
            curves = EdgeCurves.load(in);
        }
        best = hasBest ? EdgeModel.load(dir.resolve(BEST)) : null;
        buffer = ReplayBuffer.load(dir.resolve("replay.bin"));
        try (DataInputStream in = open(dir.resolve("networks.bin"))) {
            loadNetworks(in);
        }
    }

    private static String withoutEpisodes(String config) {
        return config.replaceAll("(?<![A-Za-z])episodes=\\d+", "");
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }
}
