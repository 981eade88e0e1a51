/**
 * The problem/solver API: what every problem family and solver has in common. <b>Public API.</b>
 *
 * <p>A {@link org.mecopt.api.Problem} is an immutable, validated instance that evaluates any solution
 * (objective, violated constraints); a bad field is rejected at construction with an
 * {@link org.mecopt.api.InvalidInstanceException} naming it. A {@link org.mecopt.api.Solver} is found by
 * problem type and name in {@link org.mecopt.api.SolverRegistry} and returns a
 * {@link org.mecopt.api.Result}: the solution, its {@link org.mecopt.api.Status}, objective, bound, gap,
 * iterations and solve time, re-checked against the problem's own rules.
 *
 * <pre>{@code
 * Solver<OffloadingInstance, OffloadingSolution> solver = SolverRegistry.get(OffloadingInstance.class, "exact");
 * Result<OffloadingSolution> r = solver.solve(instance, SolverOptions.defaults().withTimeLimitMillis(1_000));
 * if (r.hasFeasibleSolution()) {
 *     System.out.println(r.status() + " " + r.objective() + " bound " + r.bound());
 * }
 * }</pre>
 *
 * <p>The families are {@code org.mecopt.offloading}, {@code org.mecopt.latency} and
 * {@code org.mecopt.qoe}; their overviews say which solver to pick. {@link org.mecopt.api.ProblemFamily},
 * {@link org.mecopt.api.TensorCodec} and {@link org.mecopt.api.ProblemSolver} are the extension points
 * for a new family or solver (README, "Adding a problem family").
 */
package org.mecopt.api;
