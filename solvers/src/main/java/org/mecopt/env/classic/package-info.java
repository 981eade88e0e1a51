/**
 * Textbook control tasks, written from Gymnasium's published equations, on which the learners of
 * {@code org.mecopt.models.rl} are checked before the MEC tasks: {@link org.mecopt.env.classic.CartPole}
 * (CartPole-v1, discrete) and {@link org.mecopt.env.classic.Pendulum} (Pendulum-v1, continuous).
 * <b>Public API.</b>
 */
package org.mecopt.env.classic;
