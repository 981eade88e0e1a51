package org.mecopt.models.rl;

import static org.mecopt.models.rl.ConfigChecks.atLeast;
import static org.mecopt.models.rl.ConfigChecks.positiveFinite;
import static org.mecopt.models.rl.ConfigChecks.unitInterval;
import static org.mecopt.models.rl.ConfigChecks.widths;

import java.util.List;

/**
 * MADDPG's hyper-parameters and set-up choices ({@link Maddpg}). Two presets:
 * <ul>
 *   <li>{@link #paper()}: seed 000's networks taken literally — one actor (2×1024, ReLU, layer norm,
 *       sigmoid head) and one centralized critic (3×1024, layer norm) per agent, an update at every
 *       environment step, each agent's policy gradient through its own action only (Lowe et al.).
 *       With 10 agents that is about a day of training on our 2 cores (RL.md).</li>
 *   <li>{@link #defaults()}: the set-up we train: one critic shared by all agents (the reward is
 *       shared, so all critics would estimate the same value), one actor shared by all agents with
 *       a one-hot agent id in its input, an update every 4 environment steps, actor 2×128 and
 *       critic 3×256 with layer norm, batch 128. {@code docs/deadline-energy-maddpg.md} gives the
 *       measured costs behind these choices.</li>
 * </ul>
 * A {@link Builder} changes any field: {@code MaddpgConfig.defaults().toBuilder().seed(3).build()}.
 *
 * @param actorHidden        the actor's hidden widths (ReLU, after the layer norm if any)
 * @param criticHidden       the critic's hidden widths
 * @param layerNorm          layer normalization before every hidden ReLU, in actor and critic
 * @param sharedActor        one actor for all agents (parameter sharing), else one per agent
 * @param agentId            with a shared actor, a one-hot agent index appended to its input, so the
 *                           shared actor can still act differently per agent
 * @param sharedCritic       one centralized critic for all agents, trained on the team reward (the
 *                           agents' rewards must be equal), else one critic per agent on its own reward
 * @param actorGradient      which actions the actor update takes from the current policy
 * @param actorLearningRate  Adam's learning rate for the actor(s)
 * @param criticLearningRate Adam's learning rate for the critic(s)
 * @param maxGradNorm        global gradient-norm clip per network, 0 for none
 * @param bufferSize         replay capacity in joint transitions
 * @param batchSize          joint transitions per gradient step
 * @param gamma              discount factor
 * @param tau                soft target update rate after each gradient step
 * @param noiseSigma         standard deviation of the Gaussian exploration noise, in units of the
 *                           action range (the actor's sigmoid output lies in [0, 1])
 * @param learningStarts     environment steps of uniformly random actions before the first update
 * @param trainEvery         environment steps between rounds of updates (the update cadence)
 * @param gradientSteps      gradient steps per round
 * @param totalSteps         environment (joint) steps to train for
 * @param evalEvery          environment steps between greedy evaluations (at the next episode
 *                           end), 0 for the final one only
 * @param evalEpisodes       episodes per greedy evaluation
 * @param checkpointEvery    environment steps between checkpoints (at the next episode end), 0 for
 *                           the final one only
 * @param seed               seeds the initialization, the exploration, the replay sampler and the
 *                           episodes
 */
public record MaddpgConfig(List<Integer> actorHidden, List<Integer> criticHidden, boolean layerNorm,
                           boolean sharedActor, boolean agentId, boolean sharedCritic, ActorGradient actorGradient,
                           double actorLearningRate, double criticLearningRate, double maxGradNorm, int bufferSize,
                           int batchSize, double gamma, double tau, double noiseSigma, int learningStarts,
                           int trainEvery, int gradientSteps, int totalSteps, int evalEvery, int evalEpisodes,
                           int checkpointEvery, long seed) {

    /** Which agents' actions the policy-gradient step replaces by the current actors' actions. */
    public enum ActorGradient {
        /**
         * Lowe et al.'s MADDPG: agent {@code i}'s gradient goes through {@code Q(s, a_1 … μ_i(o_i) … a_K)}
         * with the other agents' actions from the replay buffer (K critic passes per update).
         */
        PER_AGENT,
        /**
         * All agents' actions from the current actors at once, {@code Q(s, μ_1(o_1) … μ_K(o_K))}
         * (the centralized policy gradient of FACMAC, Peng et al. 2021): one critic pass, and the
         * gradient sees the other agents as they act now rather than as they acted when the
         * transition was stored.
         */
        JOINT
    }

    public MaddpgConfig {
        actorHidden = widths("actorHidden", actorHidden);
        criticHidden = widths("criticHidden", criticHidden);
        if (actorGradient == null) {
            throw new IllegalArgumentException("actorGradient must be PER_AGENT or JOINT, not null");
        }
        if (agentId && !sharedActor) {
            throw new IllegalArgumentException("agentId = true needs sharedActor = true (per-agent actors know "
                    + "their agent)");
        }
        positiveFinite("actorLearningRate", actorLearningRate);
        positiveFinite("criticLearningRate", criticLearningRate);
        if (!(maxGradNorm >= 0) || !Double.isFinite(maxGradNorm)) {
            throw new IllegalArgumentException("maxGradNorm = " + maxGradNorm + " must be >= 0 (0 = no clipping)");
        }
        atLeast("bufferSize", bufferSize, 1);
        atLeast("batchSize", batchSize, 1);
        unitInterval("gamma", gamma);
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " must be in (0, 1]");
        }
        if (!(noiseSigma >= 0) || !Double.isFinite(noiseSigma)) {
            throw new IllegalArgumentException("noiseSigma = " + noiseSigma + " must be >= 0 and finite");
        }
        atLeast("learningStarts", learningStarts, 0);
        atLeast("trainEvery", trainEvery, 1);
        atLeast("gradientSteps", gradientSteps, 1);
        atLeast("totalSteps", totalSteps, 1);
        atLeast("evalEvery", evalEvery, 0);
        atLeast("evalEpisodes", evalEpisodes, 1);
        atLeast("checkpointEvery", checkpointEvery, 0);
    }




    /**
     * Our default set-up (class comment): shared critic, shared actor with agent id, joint policy
     * gradient, actor 2×128 and critic 3×256 with layer norm, an update every 4 steps, batch 128 joint
     * transitions (1 280 agent samples for the shared actor), γ 0.95 and τ 0.01 (openai/maddpg's),
     * Adam 1e-4 for the actor and 1e-3 for the critic (Lillicrap et al.'s DDPG; with 1e-3 for the actor
     * the sigmoid head saturated at 0 or 1 within 20 000 steps on deadline-energy), σ 0.1, 5 000
     * random steps, 60 000 steps (300 episodes of 200 steps; the paper trains 400), a replay of
     * 100 000 transitions (all of them).
     */
    public static MaddpgConfig defaults() {
        return new MaddpgConfig(List.of(128, 128), List.of(256, 256, 256), true, true, true, true,
                ActorGradient.JOINT, 1e-4, 1e-3, 0, 100_000, 128, 0.95, 0.01, 0.1, 5_000, 4, 1, 60_000, 10_000, 10,
                10_000, 1);
    }

    /**
     * Seed 000 taken literally: per-agent actors (2×1024) and critics (3×1024) with layer norm, Lowe
     * et al.'s per-agent policy gradient, an update every step; the rest as {@link #defaults()}.
     */
    public static MaddpgConfig paper() {
        return defaults().toBuilder().actorHidden(1024, 1024).criticHidden(1024, 1024, 1024).sharedActor(false)
                .agentId(false).sharedCritic(false).actorGradient(ActorGradient.PER_AGENT).trainEvery(1).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A mutable copy of a configuration, for changing a few fields. */
    public static final class Builder {
        private List<Integer> actorHidden;
        private List<Integer> criticHidden;
        private boolean layerNorm;
        private boolean sharedActor;
        private boolean agentId;
        private boolean sharedCritic;
        private ActorGradient actorGradient;
        private double actorLearningRate;
        private double criticLearningRate;
        private double maxGradNorm;
        private int bufferSize;
        private int batchSize;
        private double gamma;
        private double tau;
        private double noiseSigma;
        private int learningStarts;
        private int trainEvery;
        private int gradientSteps;
        private int totalSteps;
        private int evalEvery;
        private int evalEpisodes;
        private int checkpointEvery;
        private long seed;

        private Builder(MaddpgConfig c) {
            actorHidden = c.actorHidden;
            criticHidden = c.criticHidden;
            layerNorm = c.layerNorm;
            sharedActor = c.sharedActor;
            agentId = c.agentId;
            sharedCritic = c.sharedCritic;
            actorGradient = c.actorGradient;
            actorLearningRate = c.actorLearningRate;
            criticLearningRate = c.criticLearningRate;
            maxGradNorm = c.maxGradNorm;
            bufferSize = c.bufferSize;
            batchSize = c.batchSize;
            gamma = c.gamma;
            tau = c.tau;
            noiseSigma = c.noiseSigma;
            learningStarts = c.learningStarts;
            trainEvery = c.trainEvery;
            gradientSteps = c.gradientSteps;
            totalSteps = c.totalSteps;
            evalEvery = c.evalEvery;
            evalEpisodes = c.evalEpisodes;
            checkpointEvery = c.checkpointEvery;
            seed = c.seed;
        }

        public Builder actorHidden(Integer... widths) {
            actorHidden = List.of(widths);
            return this;
        }

        public Builder actorHidden(List<Integer> widths) {
            actorHidden = widths;
            return this;
        }

        public Builder criticHidden(Integer... widths) {
            criticHidden = List.of(widths);
            return this;
        }

        public Builder criticHidden(List<Integer> widths) {
            criticHidden = widths;
            return this;
        }

        public Builder layerNorm(boolean v) {
            layerNorm = v;
            return this;
        }

        public Builder sharedActor(boolean v) {
            sharedActor = v;
            return this;
        }

        public Builder agentId(boolean v) {
            agentId = v;
            return this;
        }

        public Builder sharedCritic(boolean v) {
            sharedCritic = v;
            return this;
        }

        public Builder actorGradient(ActorGradient v) {
            actorGradient = v;
            return this;
        }

        /** Both learning rates. */
        public Builder learningRate(double v) {
            actorLearningRate = v;
            criticLearningRate = v;
            return this;
        }

        public Builder actorLearningRate(double v) {
            actorLearningRate = v;
            return this;
        }

        public Builder criticLearningRate(double v) {
            criticLearningRate = v;
            return this;
        }

        public Builder maxGradNorm(double v) {
            maxGradNorm = v;
            return this;
        }

        public Builder bufferSize(int v) {
            bufferSize = v;
            return this;
        }

        public Builder batchSize(int v) {
            batchSize = v;
            return this;
        }

        public Builder gamma(double v) {
            gamma = v;
            return this;
        }

        public Builder tau(double v) {
            tau = v;
            return this;
        }

        public Builder noiseSigma(double v) {
            noiseSigma = v;
            return this;
        }

        public Builder learningStarts(int v) {
            learningStarts = v;
            return this;
        }

        /** The update cadence: {@code gradientSteps} gradient steps every {@code every} environment steps. */
        public Builder training(int every, int gradientSteps) {
            this.trainEvery = every;
            this.gradientSteps = gradientSteps;
            return this;
        }

        public Builder trainEvery(int v) {
            trainEvery = v;
            return this;
        }

        public Builder gradientSteps(int v) {
            gradientSteps = v;
            return this;
        }

        public Builder totalSteps(int v) {
            totalSteps = v;
            return this;
        }

        public Builder evaluation(int every, int episodes) {
            evalEvery = every;
            evalEpisodes = episodes;
            return this;
        }

        public Builder checkpointEvery(int v) {
            checkpointEvery = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public MaddpgConfig build() {
            return new MaddpgConfig(actorHidden, criticHidden, layerNorm, sharedActor, agentId, sharedCritic,
                    actorGradient, actorLearningRate, criticLearningRate, maxGradNorm, bufferSize, batchSize, gamma,
                    tau, noiseSigma, learningStarts, trainEvery, gradientSteps, totalSteps, evalEvery, evalEpisodes,
                    checkpointEvery, seed);
        }
    }
}
