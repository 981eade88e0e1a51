/**
 * Problem {@code subcarrier-beamforming} (seed 002, MODEL.md §5, <b>our reconstruction</b>): B
 * multi-antenna stations jointly serve I single-antenna users on N subcarriers; choose every beam
 * {@code w_{n,i,b}} (which also schedules users on subcarriers) to maximize the weighted sum rate
 * under minimum rates, per-station power limits and at most Q users per subcarrier. <b>Public API.</b>
 *
 * <p>{@link org.mecopt.beamforming.BeamformingInstance} holds the stations, users and the channel as a
 * {@link org.mecopt.beamforming.ComplexTensor} (flat {@code [N, I, A, 2]} storage, A = Σ_b M_b);
 * {@link org.mecopt.beamforming.BeamformingSolution} holds the beams in the same layout;
 * {@link org.mecopt.beamforming.BeamformingEvaluator} computes SINRs, rates, powers and the schedule
 * on flat arrays; {@link org.mecopt.beamforming.BeamformingGenerator} draws 38.901 UMa instances.
 */
package org.mecopt.beamforming;
