/**
 * The {@code dqn-rao} learned solver of problem {@code offloading} (seed 004 §III): a Q-network trained
 * by {@link org.mecopt.models.rl.Dqn} on {@link org.mecopt.offloading.OffloadingEnv} assigns the devices
 * in index order to servers with free slots; the CPU split is the KKT rule. <b>Public API:</b>
 * {@link org.mecopt.models.offloading.DqnRaoSolver} (also reached by name through the registry),
 * {@link org.mecopt.models.offloading.DqnRaoTrainer}, {@link org.mecopt.models.offloading.DqnRaoModel},
 * and {@link org.mecopt.models.offloading.OffloadingComparison}, which measures any offloading solver
 * against {@code exact}'s proven optimum.
 *
 * <p>Pick it to decide many instances of its training family fast (15–32 µs); on other families, or
 * when every instance counts, {@code local-search} is closer to the optimum at a similar cost.
 * Measurements: docs/dqn-rao.md.
 */
package org.mecopt.models.offloading;
