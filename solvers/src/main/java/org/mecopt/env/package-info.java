/**
 * Environments for reinforcement learning, in Gymnasium's shape (one agent) and PettingZoo's parallel
 * shape (several agents). <b>Public API.</b> Plain Java: no learning library.
 *
 * <p>{@link org.mecopt.env.Env} ({@code reset(seed)}, {@code step(action)} with separate
 * {@code terminated} and {@code truncated}, {@link org.mecopt.env.Info} with an action mask),
 * {@link org.mecopt.env.ParallelEnv} (per-agent observations, actions, rewards and flags, and a global
 * {@code state()} for centralized critics), the spaces {@link org.mecopt.env.Box} and
 * {@link org.mecopt.env.Discrete}. A new environment extends {@link org.mecopt.env.EpisodicEnv} or
 * {@link org.mecopt.env.ParallelEpisodicEnv}, which keep seeding, the time limit and action checks in
 * one place, and runs {@link org.mecopt.env.EnvChecker} in its tests.
 * {@link org.mecopt.env.ObservationScaler} standardizes observations for a learner.
 *
 * <p>The environments: {@code org.mecopt.env.classic} (CartPole-v1, Pendulum-v1, to check learners on
 * textbook tasks) and {@code org.mecopt.offloading.OffloadingEnv} (seed 004's DQN-RAO episode).
 * The learners are in {@code org.mecopt.models.rl}; docs/rl.md.
 */
package org.mecopt.env;
