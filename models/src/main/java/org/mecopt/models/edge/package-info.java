/**
 * Seed 003's learned task allocation on the seven-server edge system ({@link org.mecopt.edge.env.EdgeAllocationEnv}):
 * the server-side MADDPG and MAMaxEnt ({@link org.mecopt.models.edge.MarlTrainer}, {@link org.mecopt.models.edge.MarlConfig})
 * and the user-side IDQN, VDN-L and VDN-G ({@link org.mecopt.models.edge.UserQTrainer},
 * {@link org.mecopt.models.edge.UserQConfig}), their models on disk ({@link org.mecopt.models.edge.EdgeModel}), the
 * Fig. 6 curves ({@link org.mecopt.models.edge.EdgeCurves}) and the registry entries {@code mamaxent}, {@code maddpg},
 * {@code idqn}, {@code vdn}, {@code vdn-l}, {@code vdn-g} ({@link org.mecopt.models.edge.LearnedEdgePolicies}, with
 * bundled models of all five for 110 users, of MAMaxEnt, MADDPG and VDN-L also for 70 and 150). At 110 users {@code vdn} decides in ~0.2 ms at 97.8 % of the upper
 * bound and {@code mamaxent} in ~0.3 ms at 94 %; {@code local-search} is within 0.5 % of the bound at ~3 s.
 * Measurements: docs/qoe-agents.md.
 */
package org.mecopt.models.edge;
