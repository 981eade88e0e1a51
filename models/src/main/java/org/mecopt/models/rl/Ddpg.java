package org.mecopt.models.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.env.Box;
import org.mecopt.env.Env;
import org.mecopt.env.Reset;
import org.mecopt.env.Step;
import org.mecopt.io.AtomicFiles;

/**
 * Deep deterministic policy gradient (Lillicrap et al. 2016) for environments with a bounded
 * {@link Box} action space: a deterministic actor explores with Gaussian noise, a critic learns
 * {@code Q(s, a)} from a replay buffer against slowly moving target networks, and the actor climbs
 * the critic's gradient.
 *
 * <p>Why written here: no maintained Java library offers it (RL.md). It follows Stable-Baselines3's
 * DDPG: uniformly random actions for the first {@code learningStarts} steps, then the actor's action
 * plus Gaussian noise (not Ornstein–Uhlenbeck: Fujimoto et al. found uncorrelated noise as good, and
 * RL-Zoo's tuned Pendulum run uses it) clipped to the box, one gradient step per environment step.
 * Actions are stored normalized to {@code [-1, 1]} (the actor's tanh range) and scaled onto the box
 * only for the environment ({@link ActionScale}). A transition stores {@code terminated} only: the
 * time limit's truncation bootstraps.
 *
 * <p>Seeding and resumption: one seed determines the networks' initialization, the exploration,
 * the replay sampler and every episode's start (episode {@code k} is reset with a seed derived from
 * the run's seed and {@code k}, so no environment stream has to be saved). A run is reproducible on
 * one engine thread. Checkpoints, written at episode ends into {@code outDir/checkpoint}, hold the
 * four networks, both optimizers' moments, the replay buffer with its sampler, the exploration
 * stream, the counters and the curves: {@link #resume} continues as the uninterrupted run would have.
 * A run stopped in the middle of an episode resumes with a fresh episode.
 *
 * <p>Greedy evaluations run on a second environment from the supplier, every {@code evalEvery} steps
 * (at the next episode end) and at the end, from the same {@code evalEpisodes} starts each time.
 * Outputs in {@code outDir}: {@code policy.mlp} (the actor, {@link Mlp#load}), the curves of
 * {@link TrainingLog#write} and {@code checkpoint/}.
 */
public final class Ddpg {
    /** The metrics logged per interval: mean critic loss, mean actor loss (−Q), mean Q of the batches. */
    public static final List<String> METRICS = List.of("criticLoss", "actorLoss", "meanQ");
    /** Environment steps per logging interval. */
    public static final int LOG_EVERY = 1_000;
    public static final String POLICY = "policy.mlp";
    public static final String CHECKPOINT = "checkpoint";

    private static final String STATE_MAGIC = "mecopt-ddpg-state-1";
    // streams of seeds derived from the run's seed (Dqn.mix, the hash DQN uses)
    private static final long TRAIN_EPISODES = 1;
    private static final long EVAL_EPISODES = 2;
    private static final long SAMPLER = 3;
    private static final long EXPLORATION = 4;

    private Ddpg() {
    }

    /**
     * Trains from scratch; a previous checkpoint in {@code outDir} is overwritten.
     *
     * @param envs makes two identically configured environments: one to train in, one for the greedy
     *             evaluations
     */
    public static DdpgResult train(Supplier<? extends Env<double[]>> envs, DdpgConfig config, Path outDir,
                                   RlProgress progress) throws IOException {
        try (Run run = new Run(envs, config)) {
            return run.go(outDir, progress);
        }
    }

    /**
     * Continues the run checkpointed in {@code outDir} up to {@code config.totalSteps()} environment
     * steps in all; {@code config} must be the checkpoint's except for {@code totalSteps}.
     */
    public static DdpgResult resume(Supplier<? extends Env<double[]>> envs, DdpgConfig config, Path outDir,
                                    RlProgress progress) throws IOException {
        Path dir = outDir.resolve(CHECKPOINT);
        DdpgConfig saved;
        try (DataInputStream in = Checkpoints.open(dir.resolve("state.bin"))) {
            Checkpoints.checkMagic(in, STATE_MAGIC, dir, "DDPG");
            saved = readConfig(in);
        }
        if (!saved.withTotalSteps(config.totalSteps()).equals(config)) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " was trained with " + saved
                    + ", not " + config + " (only totalSteps may change)");
        }
        try (Run run = new Run(envs, config)) {
            run.load(dir);
            return run.go(outDir, progress);
        }
    }

    /** The mutable state of one training run. */
    private static final class Run implements AutoCloseable {
        private final Env<double[]> env;
        private final Env<double[]> evaluationEnv;
        private final DdpgConfig config;
        private final ActionScale scale;
        private final int observationSize;
        private final ActorCritic networks;
        private ReplayBuffer buffer;
        private final RestorableUniformRandomProvider exploration;
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private TrainingLog log = new TrainingLog(METRICS);
        private long step;
        private long episode;
        private long updates;
        private long trainNanos;
        private long nextEvaluation;
        private long nextCheckpoint;
        private final MetricMeans metrics = new MetricMeans(METRICS.size());

        Run(Supplier<? extends Env<double[]>> envs, DdpgConfig config) {
            Env<double[]> env = envs.get();
            if (!(env.actionSpace() instanceof Box box)) {
                throw new IllegalArgumentException("DDPG needs a Box action space, got " + env.actionSpace());
            }
            if (env.maxEpisodeSteps().isEmpty()) {
                throw new IllegalArgumentException("the environment has no time limit: a greedy evaluation "
                        + "episode might never end");
            }
            this.env = env;
            this.evaluationEnv = envs.get();
            this.config = config;
            this.scale = new ActionScale(box);
            this.observationSize = env.observationSpace().dimension();
            this.networks = new ActorCritic(observationSize, box.dimension(), config);
            this.buffer = new ReplayBuffer(config.bufferSize(), observationSize, box.dimension(), 0,
                    Dqn.mix(config.seed(), SAMPLER, 0));
            this.exploration = RandomSource.XO_RO_SHI_RO_128_PP.create(Dqn.mix(config.seed(), EXPLORATION, 0));
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(exploration);
            this.nextEvaluation = config.evalEvery();
            this.nextCheckpoint = config.checkpointEvery();
        }

        DdpgResult go(Path outDir, RlProgress progress) throws IOException {
            Files.createDirectories(outDir);
            long start = System.nanoTime();
            long intervalStart = start;
            long intervalStep = step;
            long trainNanosBefore = trainNanos;
            long updatesBefore = updates;
            double[] observation = env.reset(Dqn.mix(config.seed(), TRAIN_EPISODES, episode)).observation();
            double episodeReturn = 0;
            int length = 0;
            Mlp policy = null;
            while (step < config.totalSteps()) {
                double[] action;
                if (step < config.learningStarts()) {
                    action = randomAction();
                } else {
                    if (policy == null) {
                        policy = networks.policy();
                    }
                    action = explore(policy.forward(observation));
                }
                Step s = env.step(scale.toBox(action));
                buffer.add(observation, action, s.reward(), s.observation(), s.terminated(), null);
                step++;
                episodeReturn += s.reward();
                length++;
                observation = s.observation();
                if (step > config.learningStarts() && buffer.size() >= config.batchSize()) {
                    train();
                    policy = null;
                }
                if (step % LOG_EVERY == 0) {
                    long now = System.nanoTime();
                    double perSecond = (step - intervalStep) / ((now - intervalStart) / 1e9);
                    progress.interval(log.interval(step, perSecond, metrics.take()), config.totalSteps(), METRICS);
                    intervalStart = now;
                    intervalStep = step;
                }
                if (s.done()) {
                    log.episode(step, episodeReturn, length);
                    episode++;
                    if (config.evalEvery() > 0 && step >= nextEvaluation) {
                        evaluate();
                        nextEvaluation = Checkpoints.nextDue(nextEvaluation, step, config.evalEvery());
                    }
                    if (config.checkpointEvery() > 0 && step >= nextCheckpoint && step < config.totalSteps()) {
                        save(outDir.resolve(CHECKPOINT));
                        nextCheckpoint = Checkpoints.nextDue(nextCheckpoint, step, config.checkpointEvery());
                    }
                    observation = env.reset(Dqn.mix(config.seed(), TRAIN_EPISODES, episode)).observation();
                    episodeReturn = 0;
                    length = 0;
                }
            }
            if (length > 0) {
                episode++; // the interrupted episode is dropped: a resumption starts the next one
            }
            List<TrainingLog.Evaluation> evaluations = log.evaluations();
            if (evaluations.isEmpty() || evaluations.get(evaluations.size() - 1).step() != step) {
                evaluate();
            }
            save(outDir.resolve(CHECKPOINT));
            networks.policy().save(outDir.resolve(POLICY));
            log.write(outDir, "DDPG");
            long newUpdates = updates - updatesBefore;
            evaluations = log.evaluations();
            return new DdpgResult(networks.policy(), scale, log, step,
                    evaluations.get(evaluations.size() - 1).meanReturn(), (System.nanoTime() - start) / 1e9,
                    newUpdates == 0 ? Double.NaN : (trainNanos - trainNanosBefore) / 1e6 / newUpdates);
        }

        private double[] randomAction() {
            double[] a = new double[scale.dimension()];
            for (int i = 0; i < a.length; i++) {
                a[i] = 2 * exploration.nextDouble() - 1;
            }
            return a;
        }

        private double[] explore(double[] greedy) {
            double[] a = new double[greedy.length];
            for (int i = 0; i < a.length; i++) {
                a[i] = Math.max(-1, Math.min(1, greedy[i] + config.noiseSigma() * gaussian.sample()));
            }
            return a;
        }

        private void train() {
            long t0 = System.nanoTime();
            ActorCritic.Losses losses = networks.update(buffer.sample(config.batchSize()));
            trainNanos += System.nanoTime() - t0;
            updates++;
            metrics.add(losses.critic(), losses.actor(), losses.meanQ());
        }

        /** Greedy (noise-free) episodes from the same fixed starts every time, so evaluations compare. */
        private void evaluate() {
            Mlp policy = networks.policy();
            double[] returns = new double[config.evalEpisodes()];
            for (int k = 0; k < returns.length; k++) {
                Reset reset = evaluationEnv.reset(Dqn.mix(config.seed(), EVAL_EPISODES, k));
                double[] observation = reset.observation();
                boolean done = false;
                while (!done) {
                    Step s = evaluationEnv.step(scale.toBox(policy.forward(observation)));
                    returns[k] += s.reward();
                    observation = s.observation();
                    done = s.done();
                }
            }
            double mean = 0;
            for (double r : returns) {
                mean += r / returns.length;
            }
            double variance = 0;
            for (double r : returns) {
                variance += (r - mean) * (r - mean) / returns.length;
            }
            log.evaluation(step, mean, Math.sqrt(variance), returns.length);
        }

        void save(Path dir) throws IOException {
            Files.createDirectories(dir);
            buffer.save(dir.resolve("replay.bin"));
            AtomicFiles.write(dir.resolve("networks.bin"), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                networks.save(out);
                out.flush();
            });
            // written last: a checkpoint is complete when its state is
            AtomicFiles.write(dir.resolve("state.bin"), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                out.writeUTF(STATE_MAGIC);
                writeConfig(out, config);
                out.writeLong(step);
                out.writeLong(episode);
                out.writeLong(updates);
                out.writeLong(trainNanos);
                out.writeLong(nextEvaluation);
                out.writeLong(nextCheckpoint);
                metrics.save(out);
                Checkpoints.writeRng(out, exploration);
                log.save(out);
                out.flush();
            });
            AtomicFiles.writeString(dir.resolve("config.txt"), config + "\n");
        }

        void load(Path dir) throws IOException {
            buffer = ReplayBuffer.load(dir.resolve("replay.bin"));
            try (DataInputStream in = Checkpoints.open(dir.resolve("networks.bin"))) {
                networks.load(in);
            }
            try (DataInputStream in = Checkpoints.open(dir.resolve("state.bin"))) {
                Checkpoints.checkMagic(in, STATE_MAGIC, dir, "DDPG");
                readConfig(in);
                step = in.readLong();
                episode = in.readLong();
                updates = in.readLong();
                trainNanos = in.readLong();
                nextEvaluation = in.readLong();
                nextCheckpoint = in.readLong();
                metrics.load(in);
                Checkpoints.readRng(in, exploration);
                log = TrainingLog.load(in);
            }
        }

        @Override
        public void close() {
            networks.close();
        }
    }

    private static void writeConfig(DataOutputStream out, DdpgConfig c) throws IOException {
        out.writeInt(c.hidden().size());
        for (int h : c.hidden()) {
            out.writeInt(h);
        }
        out.writeDouble(c.actorLearningRate());
        out.writeDouble(c.criticLearningRate());
        out.writeInt(c.bufferSize());
        out.writeInt(c.batchSize());
        out.writeDouble(c.gamma());
        out.writeDouble(c.tau());
        out.writeDouble(c.noiseSigma());
        out.writeInt(c.learningStarts());
        out.writeInt(c.totalSteps());
        out.writeInt(c.evalEvery());
        out.writeInt(c.evalEpisodes());
        out.writeInt(c.checkpointEvery());
        out.writeLong(c.seed());
    }

    private static DdpgConfig readConfig(DataInputStream in) throws IOException {
        List<Integer> hidden = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            hidden.add(in.readInt());
        }
        return new DdpgConfig(hidden, in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), in.readDouble(),
                in.readDouble(), in.readDouble(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong());
    }
}
