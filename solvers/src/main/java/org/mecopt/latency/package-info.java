/**
 * Problem {@code latency} (seed 001): min-max latency in MEC over cell-free massive MIMO.
 * <b>Public API.</b>
 *
 * <p>K users share N subcarriers; each chooses a power share per subcarrier (at most 1 in total) and the
 * share of its task it offloads, the rest computed locally. Minimize the largest user latency under
 * inter-user interference. {@link org.mecopt.latency.LatencyInstance} holds the users
 * ({@link org.mecopt.latency.LatencyUser}) and the effective gains {@code gain[n][k][j]}, so any channel
 * model plugs in; {@link org.mecopt.latency.LatencyGenerator} draws them from the paper's cell-free or
 * BS-centred network ({@code org.mecopt.channel}). A {@link org.mecopt.latency.LatencySolution} is the
 * powers and offloading ratios.
 *
 * <p>Which solver ({@code SolverRegistry.get(LatencyInstance.class, name)}):
 * <ul>
 *   <li>{@code ica}: the default; a local optimum by iterative convex approximation, every iterate
 *       feasible, with the interference-free lower bound (about 7 ms at K = 10, N = 4).</li>
 *   <li>{@code exact-single-carrier}: the proven optimum when N = 1 (UNSUPPORTED otherwise).</li>
 *   <li>{@code cnn-lstm} (module {@code mecopt-models}): a trained network, about 100 times faster than
 *       {@code ica} and within about 1 % of it; the bundled model covers K = 10, N = 4, M = 64.</li>
 *   <li>{@code interference-free}: the lower bound alone, with a feasible point.</li>
 *   <li>{@code ica-paper}, {@code equal-power}, {@code full-offload}, {@code local-only}: the paper's
 *       formulation and baselines, for comparison.</li>
 * </ul>
 */
package org.mecopt.latency;
