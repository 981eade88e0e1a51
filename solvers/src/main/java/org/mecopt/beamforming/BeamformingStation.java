package org.mecopt.beamforming;

/**
 * One small base station of a {@link BeamformingInstance}.
 *
 * @param antennas {@code M_b}, its transmit antennas
 * @param maxPowerW {@code P_b^max}, the most it may radiate summed over all subcarriers and users, W
 */
public record BeamformingStation(int antennas, double maxPowerW) {
}
