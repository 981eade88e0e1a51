package org.mecopt.models.rl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.env.Discrete;
import org.mecopt.env.Env;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.models.learning.Djl;

/**
 * Deep Q-learning (Mnih et al. 2015) with a target network, optional double Q, ε-greedy exploration
 * and action masks, trained with DJL on one thread and acted with a plain-Java {@link Mlp}.
 *
 * <p>Why our own: DJL's {@code modality.rl} has no target network, a single done flag and an
 * unseeded replay (RL.md). The loop follows SB3's and CleanRL's DQN: every {@code trainFrequency}
 * environment steps after {@code learningStarts}, {@code gradientSteps} updates on uniform
 * mini-batches; every {@code targetUpdatePeriod} steps a Polyak update of the target. Targets
 * ({@link DqnTargets}) bootstrap unless the transition terminated: a time-limit truncation
 * bootstraps. Masks: ε-greedy draws among allowed actions and the greedy choice is the best allowed
 * one; the target maximizes over the next state's allowed actions.
 *
 * <p>Reproducible: the seed fixes the network initialization (the engine's seed), every episode's
 * start (episode {@code k} is reset with a seed derived from the run's seed and {@code k}), ε-greedy
 * and the sampler; the same seed gives the same run on the same machine (the engine runs on one
 * thread: {@link Networks#oneEngineThread}), bit for bit except rarely in the engine's last digits
 * (seen once in six test runs under load; cause not found, docs/rl.md). Checkpoints ({@code outDir/checkpoint}) are written at episode ends and hold
 * everything the run depends on: both networks, Adam's moments ({@link Adam}), the replay buffer
 * and its sampler, the ε stream, the counters and the curves; {@link #resume} continues to the
 * same result as an uninterrupted run.
 *
 * <p>Files in {@code outDir}: {@code policy.mlp} (final Q-network), {@code best-policy.mlp} (best
 * greedy evaluation), {@code dqn-config.json}, and the {@link TrainingLog} curves.
 */
public final class Dqn {
    /** The metrics of the curves and the progress line. */
    public static final List<String> METRICS = List.of("loss", "q", "epsilon");
    public static final String POLICY = "policy.mlp";
    public static final String BEST_POLICY = "best-policy.mlp";
    public static final String CONFIG = "dqn-config.json";
    static final String CHECKPOINT = "checkpoint";
    private static final String STATE_MAGIC = "mecopt-dqn-state-1";
    private static final long EVALUATION_STREAM = 0x6576616cL;
    private static final long EPSILON_STREAM = 0x65707369L;
    private static final long REPLAY_STREAM = 0x7265706cL;

    private Dqn() {
    }

    /**
     * Trains from scratch for {@code cfg.totalSteps()} environment steps.
     *
     * @param envs new, identically configured environments (one to train on, one to evaluate on),
     *             with a {@link Discrete} action space
     */
    public static DqnResult train(Supplier<? extends Env<Integer>> envs, DqnConfig cfg, Path outDir,
                                  RlProgress progress) throws IOException {
        try (Run run = new Run(envs, cfg, outDir)) {
            return run.loop(progress);
        }
    }

    /**
     * Continues the run whose last checkpoint is in {@code outDir/checkpoint} up to
     * {@code cfg.totalSteps()}. {@code cfg} must be the checkpoint's configuration; only
     * {@code totalSteps} may differ (a longer run; an ε schedule given as a fraction of the steps
     * then stretches from there on).
     */
    public static DqnResult resume(Supplier<? extends Env<Integer>> envs, DqnConfig cfg, Path outDir,
                                   RlProgress progress) throws IOException {
        try (Run run = new Run(envs, cfg, outDir)) {
            run.restore();
            return run.loop(progress);
        }
    }

    /** Whether {@code outDir} holds a checkpoint that {@link #resume} can continue. */
    public static boolean hasCheckpoint(Path outDir) {
        return Files.isDirectory(outDir.resolve(CHECKPOINT));
    }

    /** The best action allowed by {@code mask} ({@code null}: all) under the Q-values of {@code q}; ties go to the lowest index. */
    public static int greedy(Mlp q, double[] observation, boolean[] mask) {
        return argmax(q.forward(observation), mask);
    }

    /** The allowed action ({@code mask == null}: all) of highest value; ties go to the lowest index. */
    public static int argmax(double[] values, boolean[] mask) {
        int best = -1;
        for (int a = 0; a < values.length; a++) {
            if ((mask == null || mask[a]) && (best < 0 || values[a] > values[best])) {
                best = a;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("the action mask allows no action");
        }
        return best;
    }

    /**
     * The returns of {@code episodes} greedy episodes of {@code q} on {@code env}, episode {@code i}
     * reset with a seed derived from {@code seed} and {@code i} (the same episodes for every call).
     */
    public static double[] evaluate(Mlp q, Env<Integer> env, long seed, int episodes) {
        double[] returns = new double[episodes];
        for (int i = 0; i < episodes; i++) {
            Reset r = env.reset(mix(seed, EVALUATION_STREAM, i));
            double[] obs = r.observation();
            boolean[] mask = r.info().actionMask();
            Step s;
            do {
                s = env.step(greedy(q, obs, mask));
                returns[i] += s.reward();
                obs = s.observation();
                mask = s.info().actionMask();
            } while (!s.done());
        }
        return returns;
    }

    /** A SplitMix64-style hash of the run's seed with a stream and an index: independent seeds per use. */
    public static long mix(long seed, long stream, long index) {
        long z = seed * 0x9E3779B97F4A7C15L + stream * 0xBF58476D1CE4E5B9L + index * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The networks and their optimizer: the part that lives in the engine. */
    static final class Learner implements AutoCloseable {
        private final DqnConfig cfg;
        private final int observationSize;
        private final int actions;
        private final NDManager manager;
        final Block online;
        final Block target;
        final Adam adam;
        private Mlp policy;

        Learner(DqnConfig cfg, int observationSize, int actions) {
            Djl.offline();
            Networks.oneEngineThread();
            this.cfg = cfg;
            this.observationSize = observationSize;
            this.actions = actions;
            this.manager = NDManager.newBaseManager();
            Engine.getInstance().setRandomSeed((int) (cfg.seed() ^ (cfg.seed() >>> 32)));
            online = Networks.initialize(Networks.mlp(observationSize, cfg.hiddenArray(), actions, Mlp.Output.IDENTITY),
                    manager, observationSize);
            target = Networks.initialize(Networks.mlp(observationSize, cfg.hiddenArray(), actions, Mlp.Output.IDENTITY),
                    manager, observationSize);
            Polyak.update(target, online, 1);
            adam = new Adam(cfg.learningRate());
        }

        /** The online network for acting, copied out of the engine after the last update. */
        Mlp policy() {
            if (policy == null) {
                policy = Mlp.of(online, Mlp.Output.IDENTITY);
            }
            return policy;
        }

        /** One gradient step on {@code batch}; returns {loss, mean Q(s, a)}. */
        double[] update(ReplayBatch batch) {
            int n = batch.size();
            policy = null;
            try (NDManager m = manager.newSubManager()) {
                NDArray next = m.create(batch.nextObservations(), new Shape(n, observationSize));
                float[] nextTarget = forward(target, m, next, false).toFloatArray();
                float[] nextOnline = cfg.doubleQ() ? forward(online, m, next, false).toFloatArray() : null;
                float[] y = DqnTargets.compute(batch, nextTarget, nextOnline, actions, cfg.gamma());
                float[] oneHot = new float[n * actions];
                for (int i = 0; i < n; i++) {
                    oneHot[i * actions + batch.discreteAction(i)] = 1;
                }
                NDArray observations = m.create(batch.observations(), new Shape(n, observationSize));
                NDArray chosen = m.create(oneHot, new Shape(n, actions));
                NDArray targets = m.create(y, new Shape(n));
                NDArray loss;
                NDArray q;
                try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    q = forward(online, m, observations, true).mul(chosen).sum(new int[] {1});
                    NDArray error = q.sub(targets);
                    loss = cfg.loss() == DqnConfig.Loss.HUBER ? huber(error) : error.square().mean();
                    gc.backward(loss);
                }
                adam.step(online, Adam.clipScale(online, cfg.maxGradNorm()));
                double meanQ = 0;
                for (float v : q.toFloatArray()) {
                    meanQ += v;
                }
                return new double[] {loss.getFloat(), meanQ / n};
            }
        }

        /** Huber with δ = 1: ½e² for |e| ≤ 1, |e| − ½ beyond, written as ½c² + (|e| − c) with c = min(|e|, 1). */
        static NDArray huber(NDArray error) {
            NDArray abs = error.abs();
            NDArray clipped = abs.minimum(1f);
            return clipped.square().mul(0.5f).add(abs.sub(clipped)).mean();
        }

        private static NDArray forward(Block block, NDManager m, NDArray x, boolean training) {
            return block.forward(new ParameterStore(m, false), new NDList(x), training).singletonOrThrow();
        }

        void updateTarget() {
            Polyak.update(target, online, cfg.tau());
        }

        void save(DataOutputStream out) throws IOException {
            BlockParameters.save(online, out);
            BlockParameters.save(target, out);
            adam.save(out);
        }

        void load(DataInputStream in) throws IOException {
            BlockParameters.load(online, in);
            BlockParameters.load(target, in);
            adam.load(in, online);
            policy = null;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /** One training run's state: what a checkpoint holds. */
    private static final class Run implements AutoCloseable {
        private final DqnConfig cfg;
        private final Path outDir;
        private final Env<Integer> env;
        private final Env<Integer> evaluationEnv;
        private final Discrete actionSpace;
        private final Learner learner;
        private final RestorableUniformRandomProvider exploration;
        private ReplayBuffer buffer;
        private TrainingLog log = new TrainingLog(METRICS);
        private long step;
        private long episodes;
        private long updates;
        private double bestReturn = Double.NaN;
        private Mlp bestPolicy;
        private double intervalLoss;
        private double intervalQ;
        private long intervalUpdates;
        private long startStep;
        private long lastCheckpoint;

        Run(Supplier<? extends Env<Integer>> envs, DqnConfig cfg, Path outDir) {
            this.cfg = cfg;
            this.outDir = outDir;
            this.env = envs.get();
            this.evaluationEnv = envs.get();
            if (!(env.actionSpace() instanceof Discrete d)) {
                throw new IllegalArgumentException("DQN needs a Discrete action space, not " + env.actionSpace());
            }
            this.actionSpace = d;
            int observationSize = env.observationSpace().dimension();
            this.buffer = new ReplayBuffer(cfg.bufferCapacity(), observationSize, 1, d.n(),
                    mix(cfg.seed(), REPLAY_STREAM, 0));
            this.exploration = RandomSource.XO_RO_SHI_RO_128_PP.create(mix(cfg.seed(), EPSILON_STREAM, 0));
            this.learner = new Learner(cfg, observationSize, d.n());
        }

        DqnResult loop(RlProgress progress) throws IOException {
            Files.createDirectories(outDir);
            AtomicFiles.writeString(outDir.resolve(CONFIG), Json.mapper().writeValueAsString(cfg));
            long began = System.nanoTime();
            long intervalStart = began;
            long intervalStep = step;
            long updateNanos = 0;
            long updatesHere = 0;
            double[] observation = null;
            boolean[] mask = null;
            double episodeReturn = 0;
            int episodeLength = 0;
            while (step < cfg.totalSteps()) {
                if (observation == null) {
                    Reset r = env.reset(mix(cfg.seed(), 0, episodes));
                    observation = r.observation();
                    mask = r.info().actionMask();
                    episodeReturn = 0;
                    episodeLength = 0;
                }
                double epsilon = cfg.epsilon(step, episodes);
                int action = exploration.nextDouble() < epsilon ? actionSpace.sample(exploration, mask)
                        : greedy(learner.policy(), observation, mask);
                Step s = env.step(action);
                // the terminated flag only: a truncated transition bootstraps like any other
                buffer.add(observation, action, s.reward(), s.observation(), s.terminated(), s.info().actionMask());
                step++;
                episodeReturn += s.reward();
                episodeLength++;
                observation = s.observation();
                mask = s.info().actionMask();
                if (step > cfg.learningStarts() && step % cfg.trainFrequency() == 0) {
                    long t0 = System.nanoTime();
                    for (int g = 0; g < cfg.gradientSteps(); g++) {
                        double[] lq = learner.update(buffer.sample(cfg.batchSize()));
                        intervalLoss += lq[0];
                        intervalQ += lq[1];
                        intervalUpdates++;
                        updates++;
                    }
                    updateNanos += System.nanoTime() - t0;
                    updatesHere += cfg.gradientSteps();
                }
                if (step % cfg.targetUpdatePeriod() == 0) {
                    learner.updateTarget();
                }
                if (s.done()) {
                    log.episode(step, episodeReturn, episodeLength);
                    episodes++;
                    observation = null;
                }
                if (step % cfg.logEvery() == 0 || step == cfg.totalSteps()) {
                    long now = System.nanoTime();
                    TrainingLog.Interval row = log.interval(step, (step - intervalStep) / ((now - intervalStart) / 1e9),
                            intervalUpdates == 0 ? Double.NaN : intervalLoss / intervalUpdates,
                            intervalUpdates == 0 ? Double.NaN : intervalQ / intervalUpdates, epsilon);
                    intervalLoss = 0;
                    intervalQ = 0;
                    intervalUpdates = 0;
                    intervalStart = now;
                    intervalStep = step;
                    progress.interval(row, cfg.totalSteps(), METRICS);
                }
                if (cfg.evalEvery() > 0 && step % cfg.evalEvery() == 0) {
                    evaluate();
                }
                // at an episode end, after this step's logging: a resumed run starts a fresh episode here
                if (observation == null && cfg.checkpointEvery() > 0
                        && step / cfg.checkpointEvery() > lastCheckpoint / cfg.checkpointEvery()) {
                    checkpoint();
                }
            }
            Mlp policy = learner.policy();
            policy.save(outDir.resolve(POLICY));
            Mlp best = bestPolicy == null ? policy : bestPolicy;
            best.save(outDir.resolve(BEST_POLICY));
            log.write(outDir, "DQN");
            return new DqnResult(policy, best, bestReturn, log, startStep, step, updates, (System.nanoTime() - began) / 1e9,
                    updatesHere == 0 ? Double.NaN : updateNanos / 1e6 / updatesHere);
        }

        private void evaluate() {
            Mlp q = learner.policy();
            double[] returns = Dqn.evaluate(q, evaluationEnv, cfg.seed(), cfg.evalEpisodes());
            double mean = 0;
            for (double r : returns) {
                mean += r / returns.length;
            }
            double var = 0;
            for (double r : returns) {
                var += (r - mean) * (r - mean) / returns.length;
            }
            log.evaluation(step, mean, Math.sqrt(var), returns.length);
            if (Double.isNaN(bestReturn) || mean > bestReturn) {
                bestReturn = mean;
                bestPolicy = q;
            }
        }

        private void checkpoint() throws IOException {
            Path dir = outDir.resolve(CHECKPOINT);
            Files.createDirectories(dir);
            buffer.save(dir.resolve("replay.bin"));
            if (bestPolicy != null) {
                bestPolicy.save(dir.resolve(BEST_POLICY));
            }
            lastCheckpoint = step;
            AtomicFiles.write(dir.resolve("state.bin"), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeUTF(STATE_MAGIC);
                out.writeUTF(Json.mapper().writeValueAsString(cfg));
                out.writeLong(step);
                out.writeLong(episodes);
                out.writeLong(updates);
                out.writeDouble(bestReturn);
                out.writeDouble(intervalLoss);
                out.writeDouble(intervalQ);
                out.writeLong(intervalUpdates);
                byte[] rng = ((RandomProviderDefaultState) exploration.saveState()).getState();
                out.writeInt(rng.length);
                out.write(rng);
                learner.save(out);
                log.save(out);
                out.flush();
            });
            log.write(outDir, "DQN");
        }

        void restore() throws IOException {
            Path dir = outDir.resolve(CHECKPOINT);
            try (InputStream stream = new BufferedInputStream(Files.newInputStream(dir.resolve("state.bin")))) {
                DataInputStream in = new DataInputStream(stream);
                String magic = in.readUTF();
                if (!STATE_MAGIC.equals(magic)) {
                    throw new IOException(dir + " holds no DQN checkpoint (header " + magic + ")");
                }
                DqnConfig saved = Json.mapper().readValue(in.readUTF(), DqnConfig.class);
                if (!cfg.withTotalSteps(saved.totalSteps()).equals(saved)) {
                    throw new IllegalArgumentException("the checkpoint in " + dir + " was trained with " + saved
                            + ", not " + cfg + " (only totalSteps may change)");
                }
                step = in.readLong();
                episodes = in.readLong();
                updates = in.readLong();
                bestReturn = in.readDouble();
                intervalLoss = in.readDouble();
                intervalQ = in.readDouble();
                intervalUpdates = in.readLong();
                byte[] rng = new byte[in.readInt()];
                in.readFully(rng);
                exploration.restoreState(new RandomProviderDefaultState(rng));
                learner.load(in);
                log = TrainingLog.load(in);
            }
            buffer = ReplayBuffer.load(dir.resolve("replay.bin"));
            if (buffer.added() != step) {
                throw new IOException("the replay buffer in " + dir + " holds " + buffer.added()
                        + " transitions, the checkpoint is at step " + step + ": a torn checkpoint");
            }
            Path best = dir.resolve(BEST_POLICY);
            bestPolicy = Files.exists(best) ? Mlp.load(best) : null;
            startStep = step;
            lastCheckpoint = step;
        }

        @Override
        public void close() {
            learner.close();
        }
    }
}
