package org.mecopt.latency;

import org.mecopt.api.Range;

/**
 * The magnitudes a {@link LatencyInstance} may have: physically generous, yet bounded so that the
 * model's arithmetic on values inside cannot overflow or underflow in double precision.
 *
 * <p>Why these bounds: the gains are SNRs at full power (noise normalized to 1), so a user's SINR on a
 * subcarrier is at most its own gain, {@code 1e20} (200 dB), and at full power at least {@code 1e-20},
 * whose {@code log1p} is still a normal number: no rate underflows to zero. Ratios of gains (the
 * Perron–Frobenius matrix {@code G_kj / G_kk} times an SINR target) stay below {@code 1e60}. Local and
 * server times {@code Z C / f} lie in {@code [1 · 1e-3 / 1e15, 1e15 · 1e9 / 1] = [1e-18, 1e24]} s.
 * Cross gains may be 0 (no interference); tiny ones are harmless since they add to the unit noise.
 */
public final class LatencyRanges {
    /** {@code B_sc}: 1 Hz to 1 THz. */
    public static final Range SUBCARRIER_BANDWIDTH_HZ = new Range(1, 1e12);
    /** {@code f_ser} and every user's {@code f_k}: 1 Hz to 1 PHz. */
    public static final Range CPU_HZ = new Range(1, 1e15);
    /** {@code Z_k}: 1 bit to 1e15 bits. */
    public static final Range TASK_BITS = new Range(1, 1e15);
    /** {@code C_k}: 1e-3 to 1e9 cycles per bit. */
    public static final Range CYCLES_PER_BIT = new Range(1e-3, 1e9);
    /** {@code G[n][k][k]}, a user's own effective gain: −200 dB to +200 dB. */
    public static final Range OWN_GAIN = new Range(1e-20, 1e20);
    /** {@code G[n][k][j]}, j ≠ k: 0 (no interference) to +200 dB. */
    public static final Range CROSS_GAIN = new Range(0, 1e20);
    /** {@code |h[n][k][l]|}, learning features only: 0 to 1e10. */
    public static final Range CHANNEL_MAGNITUDE = new Range(0, 1e10);

    private LatencyRanges() {
    }
}
