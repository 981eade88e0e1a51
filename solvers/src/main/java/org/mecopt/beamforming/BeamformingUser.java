package org.mecopt.beamforming;

/**
 * One single-antenna user of a {@link BeamformingInstance}.
 *
 * @param weight {@code α_i}, its weight in the weighted sum rate
 * @param minRateBps {@code r_i^min}, the rate it must get, bit/s (0: no requirement)
 */
public record BeamformingUser(double weight, double minRateBps) {
}
