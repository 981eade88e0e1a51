package org.mecopt.offloading;

import org.mecopt.api.Range;

/**
 * The magnitudes an {@link OffloadingInstance} may have: physically generous (each range spans many
 * orders of magnitude beyond any real device, server or link), yet bounded so that the model's
 * arithmetic on values inside cannot overflow or underflow in double precision.
 *
 * <p>Why these bounds: the SNR {@code P h / σ²} lies in {@code [1e-9·1e-20/1, 1e4·1e10/1e-25] =
 * [1e-29, 1e39]}, so {@code log1p} never underflows to a zero rate (the smallest rate is
 * {@code 1 Hz · 1e-29 / ln 2}, a transmission delay of at most {@code 1e15 / 1e-29 ≈ 1e44} s) and
 * never overflows; the KKT split {@code F √C_m / Σ √C_j} and a server's compute delay
 * {@code (Σ √C)² / F ≤ (M · 1e9)² / 1} stay far below {@code 1e308} for any M an instance can
 * hold, and so do the Lagrangian bound's {@code F λ²} terms. Without the bounds a CPU of
 * {@code Double.MAX_VALUE} made the KKT split infinite and a subnormal gain a zero rate.
 */
public final class OffloadingRanges {
    /** {@code B}: 1 Hz to 1 THz. */
    public static final Range BANDWIDTH_HZ = new Range(1, 1e12);
    /** {@code σ²}: 1e-25 W (below kT of a 1 Hz band at 1 K) to 1 W. */
    public static final Range NOISE_W = new Range(1e-25, 1);
    /** {@code P_m}: 1 nW to 10 kW. */
    public static final Range TX_POWER_W = new Range(1e-9, 1e4);
    /** {@code h_mn}: −200 dB to +100 dB. */
    public static final Range CHANNEL_GAIN = new Range(1e-20, 1e10);
    /** {@code S_m}: 1 bit to 1e15 bits (125 TB). */
    public static final Range INPUT_BITS = new Range(1, 1e15);
    /** {@code C_m}: 1 to 1e18 cycles (11 days at 1 PHz). */
    public static final Range CYCLES = new Range(1, 1e18);
    /** {@code F_n}: 1 Hz to 1 PHz. */
    public static final Range CPU_HZ = new Range(1, 1e15);

    private OffloadingRanges() {
    }
}
