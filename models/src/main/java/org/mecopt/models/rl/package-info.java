/**
 * The reinforcement-learning layer on DJL + PyTorch. <b>Public API</b> (less settled than the
 * solvers'): {@link org.mecopt.models.rl.Dqn} with {@link org.mecopt.models.rl.DqnConfig} (discrete
 * actions, target network, double Q, action masks), {@link org.mecopt.models.rl.Ddpg} with
 * {@link org.mecopt.models.rl.DdpgConfig} (continuous actions), their results, and
 * {@link org.mecopt.models.rl.Mlp} / {@link org.mecopt.models.rl.IncrementalMlp}, the trained network
 * acting in plain Java. Runs are seeded and reproducible on one engine thread, checkpoint everything
 * they depend on (Adam's moments included) and resume exactly; curves are CSV + PNG. Why a layer of our
 * own, its algorithms and the CartPole and Pendulum results: docs/rl.md.
 */
package org.mecopt.models.rl;
