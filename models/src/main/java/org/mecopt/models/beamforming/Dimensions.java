package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;

/**
 * The sizes a learned beamformer is built for: B stations of M antennas each (the learners need
 * equal antenna counts), I users, N subcarriers. Beams and channels are laid out as the instance
 * JSON nests them, {@code [n][i][b][m]}, flattened to {@code ((n·I + i)·B + b)·M + m}, i.e. antenna
 * {@code k = b·M + m} of the stacked network-wide {@code K = B·M} antennas.
 */
public record Dimensions(int stations, int antennas, int users, int subcarriers) {
    public Dimensions {
        check("stations", stations);
        check("antennas", antennas);
        check("users", users);
        check("subcarriers", subcarriers);
    }

    private static void check(String field, int v) {
        if (v < 1) {
            throw new InvalidInstanceException(field, v, "must be >= 1");
        }
    }

    /** K = B·M, the network-wide antennas. */
    public int totalAntennas() {
        return stations * antennas;
    }

    /** Complex coefficients of a channel (or of all beams): N·I·K. */
    public int coefficients() {
        return subcarriers * users * totalAntennas();
    }

    /** Complex coefficients one station sees or sends: N·I·M. */
    public int localCoefficients() {
        return subcarriers * users * antennas;
    }

    /** The flat index of coefficient (n, i, b, m). */
    public int index(int n, int i, int b, int m) {
        return ((n * users + i) * stations + b) * antennas + m;
    }

    public Dimensions withStations(int b) {
        return new Dimensions(b, antennas, users, subcarriers);
    }

    @Override
    public String toString() {
        return "B=" + stations + ", M=" + antennas + ", I=" + users + ", N=" + subcarriers;
    }
}
