/**
 * Problem {@code qoe} (seed 003): split one edge server's CPU among its users to maximize the total
 * quality of experience. <b>Public API.</b>
 *
 * <p>Each user's QoE is a sigmoid of its latency (fixed part plus workload over its CPU share), so the
 * problem is a sum-of-sigmoids maximization under one capacity: not concave, but solved to a certified
 * gap by sigmoidal programming. {@link org.mecopt.qoe.QoeInstance} holds the capacity and the
 * {@link org.mecopt.qoe.QoeUser}s (or is drawn by {@link org.mecopt.qoe.QoeGenerator}); a
 * {@link org.mecopt.qoe.QoeSolution} is each user's allocation. A maximization: the result's bound is
 * an upper bound.
 *
 * <p>Which solver ({@code SolverRegistry.get(QoeInstance.class, name)}):
 * <ul>
 *   <li>{@code sigmoidal}: the default; the global optimum within a certified relative gap (1e-4 by
 *       default), about 1.5 ms for 200 users.</li>
 *   <li>{@code greedy}, {@code proportional}, {@code equal-share}: fast feasible baselines without a
 *       bound.</li>
 * </ul>
 */
package org.mecopt.qoe;
