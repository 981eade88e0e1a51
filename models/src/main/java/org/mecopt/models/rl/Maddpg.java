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
import org.mecopt.env.ParallelEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.io.AtomicFiles;

/**
 * Multi-agent DDPG (Lowe et al. 2017) with centralized training and decentralized execution, for
 * {@link ParallelEnv}s with bounded {@link Box} actions: each agent acts on its own observation with
 * a deterministic actor, the critics see the global {@link ParallelEnv#state()} and every agent's
 * action. Options ({@link MaddpgConfig}): a critic shared by all agents (the team reward case) or
 * one per agent; an actor shared by all agents with a one-hot agent id or one per agent; Lowe et
 * al.'s per-agent policy gradient or the joint one; the update cadence; widths and layer norm.
 *
 * <p>Why written here: no maintained Java library offers it (RL.md). The loop is {@link Ddpg}'s
 * with joint transitions: uniformly random actions for {@code learningStarts} steps, then the
 * actors' actions plus Gaussian noise clipped to {@code [0, 1]} (the sigmoid head's range; mapped
 * onto each agent's box for the environment); every {@code trainEvery} steps, {@code gradientSteps}
 * gradient steps ({@link MultiActorCritic}); a transition is terminal only when every agent
 * terminated — a time limit's truncation bootstraps.
 *
 * <p>An episode's return, in the curves and evaluations, is the sum over its steps of the mean of
 * the agents' rewards (the team reward when they share it; not the sum over agents).
 *
 * <p>Seeding and resumption as {@link Ddpg}: one seed fixes the initialization, the exploration,
 * the sampler and every episode's start (episode {@code k} is reset with a seed derived from the
 * run's seed and {@code k}); checkpoints at episode ends in {@code outDir/checkpoint} hold all
 * networks, every optimizer's moments, the replay buffer with its sampler, the exploration stream,
 * the counters, the best evaluation's actors and the curves, and {@link #resume} continues exactly.
 * Outputs in {@code outDir}: {@code policy/} and {@code best-policy/} ({@link MaddpgPolicy#load}),
 * the curves of {@link TrainingLog#write}, {@code checkpoint/}.
 */
public final class Maddpg {
    public static final List<String> METRICS = List.of("criticLoss", "actorLoss", "meanQ");
    /** Environment steps per logging interval. */
    public static final int LOG_EVERY = 1_000;
    public static final String POLICY = "policy";
    public static final String BEST_POLICY = "best-policy";
    public static final String CHECKPOINT = "checkpoint";

    private static final String STATE_MAGIC = "mecopt-maddpg-state-1";
    // seed streams derived from the run's seed (Dqn.mix); the same numbers as Ddpg's, another algorithm
    private static final long TRAIN_EPISODES = 1;
    private static final long EVAL_EPISODES = 2;
    private static final long SAMPLER = 3;
    private static final long EXPLORATION = 4;

    private Maddpg() {
    }

    /**
     * Trains from scratch; a previous checkpoint in {@code outDir} is overwritten.
     *
     * @param envs makes two identically configured environments: one to train in, one for the greedy
     *             evaluations
     */
    public static MaddpgResult train(Supplier<? extends ParallelEnv<double[]>> envs, MaddpgConfig config,
                                     Path outDir, RlProgress progress) throws IOException {
        try (Run run = new Run(envs, config)) {
            return run.go(outDir, progress);
        }
    }

    /**
     * Continues the run checkpointed in {@code outDir} up to {@code config.totalSteps()} steps in all;
     * {@code config} must be the checkpoint's except for {@code totalSteps}.
     */
    public static MaddpgResult resume(Supplier<? extends ParallelEnv<double[]>> envs, MaddpgConfig config,
                                      Path outDir, RlProgress progress) throws IOException {
        Path dir = outDir.resolve(CHECKPOINT);
        MaddpgConfig saved = savedConfig(outDir);
        if (!saved.toBuilder().totalSteps(config.totalSteps()).build().equals(config)) {
            throw new IllegalArgumentException("the checkpoint in " + dir + " was trained with " + saved + ", not "
                    + config + " (only totalSteps may change)");
        }
        try (Run run = new Run(envs, config)) {
            run.load(dir);
            return run.go(outDir, progress);
        }
    }

    /** The configuration of the run checkpointed in {@code outDir}. */
    public static MaddpgConfig savedConfig(Path outDir) throws IOException {
        Path dir = outDir.resolve(CHECKPOINT);
        try (DataInputStream in = Checkpoints.open(dir.resolve("state.bin"))) {
            Checkpoints.checkMagic(in, STATE_MAGIC, dir, "MADDPG");
            return readConfig(in);
        }
    }

    /** Greedy episodes of {@code policy} from the given seeds; returns each episode's return (mean reward summed). */
    public static double[] evaluate(MaddpgPolicy policy, ParallelEnv<double[]> env, long[] seeds) {
        double[] returns = new double[seeds.length];
        for (int k = 0; k < seeds.length; k++) {
            List<double[]> observations = env.reset(seeds[k]).observations();
            boolean done = false;
            while (!done) {
                ParallelStep s = env.step(policy.act(observations));
                returns[k] += mean(s.rewards());
                observations = s.observations();
                done = s.done();
            }
        }
        return returns;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The mutable state of one training run. */
    private static final class Run implements AutoCloseable {
        private final ParallelEnv<double[]> env;
        private final ParallelEnv<double[]> evaluationEnv;
        private final MaddpgConfig config;
        private final int agents;
        private final int stateSize;
        private final int observationSize;
        private final int actionSize;
        private final List<Box> boxes = new ArrayList<>();
        private final MultiActorCritic networks;
        private ReplayBuffer buffer;
        private final RestorableUniformRandomProvider exploration;
        private final ZigguratSampler.NormalizedGaussian gaussian;
        private TrainingLog log = new TrainingLog(METRICS);
        private final MetricMeans metrics = new MetricMeans(METRICS.size());
        private long step;
        private long episode;
        private long updates;
        private long trainNanos;
        private long nextEvaluation;
        private long nextCheckpoint;
        private double bestReturn = Double.NEGATIVE_INFINITY;
        private MaddpgPolicy best;

        Run(Supplier<? extends ParallelEnv<double[]>> envs, MaddpgConfig config) {
            ParallelEnv<double[]> env = envs.get();
            this.agents = env.agentCount();
            if (env.maxEpisodeSteps().isEmpty()) {
                throw new IllegalArgumentException("the environment has no time limit: a greedy evaluation "
                        + "episode might never end");
            }
            this.observationSize = env.observationSpace(0).dimension();
            for (int i = 0; i < agents; i++) {
                if (!(env.actionSpace(i) instanceof Box box)) {
                    throw new IllegalArgumentException("MADDPG needs Box action spaces, agent " + env.agentName(i)
                            + " has " + env.actionSpace(i));
                }
                new ActionScale(box); // refuses an unbounded box
                boxes.add(box);
                if (box.dimension() != boxes.get(0).dimension()
                        || env.observationSpace(i).dimension() != observationSize) {
                    throw new IllegalArgumentException("agent " + env.agentName(i) + " has " + box.dimension()
                            + " actions and " + env.observationSpace(i).dimension() + " observations, agent "
                            + env.agentName(0) + " " + boxes.get(0).dimension() + " and " + observationSize
                            + ": MADDPG here needs the same sizes for all agents");
                }
            }
            this.env = env;
            this.evaluationEnv = envs.get();
            this.config = config;
            this.actionSize = boxes.get(0).dimension();
            this.stateSize = env.stateSpace().dimension();
            this.networks = new MultiActorCritic(agents, stateSize, observationSize, actionSize, config);
            this.buffer = new ReplayBuffer(config.bufferSize(), stateSize + agents * observationSize,
                    agents * actionSize, 0, agents, Dqn.mix(config.seed(), SAMPLER, 0));
            this.exploration = RandomSource.XO_RO_SHI_RO_128_PP.create(Dqn.mix(config.seed(), EXPLORATION, 0));
            this.gaussian = ZigguratSampler.NormalizedGaussian.of(exploration);
            this.nextEvaluation = config.evalEvery();
            this.nextCheckpoint = config.checkpointEvery();
        }

        private MaddpgPolicy policy() {
            return new MaddpgPolicy(networks.policies(), config.agentId(), observationSize, boxes);
        }

        MaddpgResult go(Path outDir, RlProgress progress) throws IOException {
            Files.createDirectories(outDir);
            long start = System.nanoTime();
            long intervalStart = start;
            long intervalStep = step;
            long trainNanosBefore = trainNanos;
            long updatesBefore = updates;
            ParallelReset reset = env.reset(Dqn.mix(config.seed(), TRAIN_EPISODES, episode));
            List<double[]> observations = reset.observations();
            double[] packed = pack(env.state(), observations);
            double episodeReturn = 0;
            int length = 0;
            MaddpgPolicy policy = null;
            while (step < config.totalSteps()) {
                double[][] actions = new double[agents][];
                if (step < config.learningStarts()) {
                    for (int i = 0; i < agents; i++) {
                        actions[i] = randomAction();
                    }
                } else {
                    if (policy == null) {
                        policy = policy();
                    }
                    for (int i = 0; i < agents; i++) {
                        actions[i] = explore(policy.normalized(i, observations.get(i)));
                    }
                }
                List<double[]> envActions = new ArrayList<>(agents);
                double[] flat = new double[agents * actionSize];
                for (int i = 0; i < agents; i++) {
                    envActions.add(MaddpgPolicy.toBox(boxes.get(i), actions[i]));
                    System.arraycopy(actions[i], 0, flat, i * actionSize, actionSize);
                }
                ParallelStep s = env.step(envActions);
                double[] rewards = s.rewards();
                if (config.sharedCritic()) {
                    for (double r : rewards) {
                        if (r != rewards[0]) {
                            throw new IllegalStateException("a shared critic needs a shared reward, but agents were "
                                    + "rewarded " + java.util.Arrays.toString(rewards) + " at step " + step);
                        }
                    }
                }
                boolean terminated = true;
                for (int i = 0; i < agents; i++) {
                    terminated &= s.terminated(i);
                }
                double[] nextPacked = pack(env.state(), s.observations());
                buffer.add(packed, flat, rewards, nextPacked, terminated, null);
                step++;
                episodeReturn += mean(rewards);
                length++;
                observations = s.observations();
                packed = nextPacked;
                if (step > config.learningStarts() && buffer.size() >= config.batchSize()
                        && step % config.trainEvery() == 0) {
                    for (int g = 0; g < config.gradientSteps(); g++) {
                        train();
                    }
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
                    reset = env.reset(Dqn.mix(config.seed(), TRAIN_EPISODES, episode));
                    observations = reset.observations();
                    packed = pack(env.state(), observations);
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
            MaddpgPolicy last = policy();
            last.save(outDir.resolve(POLICY));
            best.save(outDir.resolve(BEST_POLICY));
            log.write(outDir, "MADDPG");
            long newUpdates = updates - updatesBefore;
            evaluations = log.evaluations();
            return new MaddpgResult(last, best, bestReturn, log, step, updates,
                    evaluations.get(evaluations.size() - 1).meanReturn(), (System.nanoTime() - start) / 1e9,
                    newUpdates == 0 ? Double.NaN : (trainNanos - trainNanosBefore) / 1e6 / newUpdates);
        }

        private double[] pack(double[] state, List<double[]> observations) {
            double[] p = new double[stateSize + agents * observationSize];
            System.arraycopy(state, 0, p, 0, stateSize);
            for (int i = 0; i < agents; i++) {
                System.arraycopy(observations.get(i), 0, p, stateSize + i * observationSize, observationSize);
            }
            return p;
        }

        private double[] randomAction() {
            double[] a = new double[actionSize];
            for (int j = 0; j < a.length; j++) {
                a[j] = exploration.nextDouble();
            }
            return a;
        }

        private double[] explore(double[] greedy) {
            double[] a = new double[greedy.length];
            for (int j = 0; j < a.length; j++) {
                a[j] = Math.max(0, Math.min(1, greedy[j] + config.noiseSigma() * gaussian.sample()));
            }
            return a;
        }

        private void train() {
            long t0 = System.nanoTime();
            MultiActorCritic.Losses losses = networks.update(buffer.sample(config.batchSize()));
            trainNanos += System.nanoTime() - t0;
            updates++;
            metrics.add(losses.critic(), losses.actor(), losses.meanQ());
        }

        /** Greedy episodes from the same fixed starts every time, so evaluations compare; keeps the best actors. */
        private void evaluate() {
            MaddpgPolicy policy = policy();
            long[] seeds = new long[config.evalEpisodes()];
            for (int k = 0; k < seeds.length; k++) {
                seeds[k] = Dqn.mix(config.seed(), EVAL_EPISODES, k);
            }
            double[] returns = Maddpg.evaluate(policy, evaluationEnv, seeds);
            double mean = mean(returns);
            double variance = 0;
            for (double r : returns) {
                variance += (r - mean) * (r - mean) / returns.length;
            }
            log.evaluation(step, mean, Math.sqrt(variance), returns.length);
            if (mean > bestReturn || best == null) {
                bestReturn = mean;
                best = policy;
            }
        }

        void save(Path dir) throws IOException {
            Files.createDirectories(dir);
            buffer.save(dir.resolve("replay.bin"));
            AtomicFiles.write(dir.resolve("networks.bin"), stream -> {
                DataOutputStream out = new DataOutputStream(stream);
                networks.save(out);
                out.flush();
            });
            if (best != null) {
                best.save(dir.resolve(BEST_POLICY));
            }
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
                out.writeBoolean(best != null);
                out.writeDouble(bestReturn);
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
                Checkpoints.checkMagic(in, STATE_MAGIC, dir, "MADDPG");
                readConfig(in);
                step = in.readLong();
                episode = in.readLong();
                updates = in.readLong();
                trainNanos = in.readLong();
                nextEvaluation = in.readLong();
                nextCheckpoint = in.readLong();
                boolean hasBest = in.readBoolean();
                bestReturn = in.readDouble();
                metrics.load(in);
                Checkpoints.readRng(in, exploration);
                log = TrainingLog.load(in);
                best = hasBest ? MaddpgPolicy.load(dir.resolve(BEST_POLICY)) : null;
            }
        }

        @Override
        public void close() {
            networks.close();
        }
    }

    private static void writeConfig(DataOutputStream out, MaddpgConfig c) throws IOException {
        for (List<Integer> widths : List.of(c.actorHidden(), c.criticHidden())) {
            out.writeInt(widths.size());
            for (int h : widths) {
                out.writeInt(h);
            }
        }
        out.writeBoolean(c.layerNorm());
        out.writeBoolean(c.sharedActor());
        out.writeBoolean(c.agentId());
        out.writeBoolean(c.sharedCritic());
        out.writeUTF(c.actorGradient().name());
        out.writeDouble(c.actorLearningRate());
        out.writeDouble(c.criticLearningRate());
        out.writeDouble(c.maxGradNorm());
        out.writeInt(c.bufferSize());
        out.writeInt(c.batchSize());
        out.writeDouble(c.gamma());
        out.writeDouble(c.tau());
        out.writeDouble(c.noiseSigma());
        out.writeInt(c.learningStarts());
        out.writeInt(c.trainEvery());
        out.writeInt(c.gradientSteps());
        out.writeInt(c.totalSteps());
        out.writeInt(c.evalEvery());
        out.writeInt(c.evalEpisodes());
        out.writeInt(c.checkpointEvery());
        out.writeLong(c.seed());
    }

    private static MaddpgConfig readConfig(DataInputStream in) throws IOException {
        List<List<Integer>> widths = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            List<Integer> w = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                w.add(in.readInt());
            }
            widths.add(w);
        }
        return new MaddpgConfig(widths.get(0), widths.get(1), in.readBoolean(), in.readBoolean(), in.readBoolean(),
                in.readBoolean(), MaddpgConfig.ActorGradient.valueOf(in.readUTF()), in.readDouble(), in.readDouble(),
                in.readDouble(), in.readInt(), in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(),
                in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                in.readLong());
    }
}
