/**
 * Problem {@code offloading} (seed 004): multi-user, multi-server full offloading. <b>Public API.</b>
 *
 * <p>Each of M devices sends its whole task (input bits, CPU cycles) to one of N edge servers over its
 * own uplink; each server takes at most {@code maxTasks} tasks and splits its CPU among them. Minimize the
 * average delay (transmission plus computing). {@link org.mecopt.offloading.OffloadingInstance} is built
 * from {@link org.mecopt.offloading.Device}s, {@link org.mecopt.offloading.Server}s and a channel-gain
 * matrix (or drawn by {@link org.mecopt.offloading.OffloadingGenerator}); an
 * {@link org.mecopt.offloading.OffloadingSolution} is each device's server and CPU share.
 *
 * <p>Which solver ({@code SolverRegistry.get(OffloadingInstance.class, name)}):
 * <ul>
 *   <li>{@code exact}: the proven optimum (branch and bound, gap 1e-9); milliseconds up to a few tens of
 *       devices, and the relaxation bound when its time limit stops it. The default.</li>
 *   <li>{@code local-search}: large instances (1000 devices and 20 servers in about 17 ms); feasible, with
 *       a Lagrangian lower bound, so the gap is known.</li>
 *   <li>{@code greedy}: the fastest feasible answer, no bound.</li>
 *   <li>{@code kkt}: the optimal CPU split for an assignment you already have (parameter
 *       {@code assignment}).</li>
 *   <li>{@code goa}, {@code roa}: the paper's baselines, for comparison only ({@code goa} ignores capacity
 *       and may return an infeasible point).</li>
 * </ul>
 */
package org.mecopt.offloading;
