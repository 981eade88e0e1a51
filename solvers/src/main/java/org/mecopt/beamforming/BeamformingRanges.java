package org.mecopt.beamforming;

import org.mecopt.api.Range;

/**
 * The magnitudes a {@link BeamformingInstance} may have: physically generous, yet bounded so that the
 * evaluator's arithmetic cannot overflow or underflow in double precision.
 *
 * <p>Why these bounds: a received power {@code |Σ_b h^H w|²} is at most {@code (A · 1e3 · √1e4)²}
 * for {@code A ≤ 4096} antennas, about {@code 1e24}, and divided by a noise of at least
 * {@code 1e-25} W the SINR stays below {@code 1e50}, far from overflow, while {@code log1p} of the
 * smallest non-zero SINR is exact; weights of at most {@code 1e6} times rates of at most
 * {@code 1e12 · N · 166} bit/s keep the weighted sum finite for any instance that fits in memory.
 * A channel coefficient of 0 is allowed (an antenna that does not reach a user).
 */
public final class BeamformingRanges {
    /** {@code W_sc}: 1 Hz to 1 THz. */
    public static final Range SUBCARRIER_BANDWIDTH_HZ = new Range(1, 1e12);
    /** {@code σ²}: 1e-25 W (below kT of a 1 Hz band at 1 K) to 1 W. */
    public static final Range NOISE_W = new Range(1e-25, 1);
    /** {@code P_b^max}: 1 nW to 10 kW. */
    public static final Range MAX_POWER_W = new Range(1e-9, 1e4);
    /** {@code M_b}: 1 to 1024 antennas per station. */
    public static final Range ANTENNAS = new Range(1, 1024);
    /** {@code A = Σ_b M_b}: at most 4096 antennas in the network. */
    public static final Range TOTAL_ANTENNAS = new Range(1, 4096);
    /** {@code α_i}: 1e-6 to 1e6. */
    public static final Range WEIGHT = new Range(1e-6, 1e6);
    /** {@code r_i^min}: 0 to 1e15 bit/s. */
    public static final Range MIN_RATE_BPS = new Range(0, 1e15);
    /** Real and imaginary part of a channel coefficient: −1e3 to 1e3 (+60 dB amplitude gain). */
    public static final Range CHANNEL_COMPONENT = new Range(-1e3, 1e3);
    /** {@code Q}: at least one user per subcarrier (above I it constrains nothing). */
    public static final Range MAX_USERS_PER_SUBCARRIER = new Range(1, Integer.MAX_VALUE);

    private BeamformingRanges() {
    }
}
