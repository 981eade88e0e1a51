package org.mecopt.qoe;

import org.mecopt.api.Range;

/**
 * The magnitudes a {@link QoeInstance} may have: physically generous, yet bounded so that the
 * sigmoids stay computable in double precision.
 *
 * <p>Why these bounds: in units of the capacity a user's workload is {@code w / P ∈ [1e-15, 1e18]};
 * the logistic's exponent {@code α (d + w/p − β)} is at most {@code 1e6 · 2e6} away from zero before
 * the workload term, so {@code exp} saturates cleanly to 0 or +∞ (QoE {@code L} or 0) instead of
 * mixing subnormal and overflowing terms, and a transition at least {@code 1/α = 1 µs} wide stays
 * resolvable. {@code maxQoe} spans twelve orders of magnitude, so a sum of QoE over users neither
 * overflows nor drowns in rounding. Steepness of 1e18 or subnormal workloads, outside these ranges,
 * are what broke the sigmoidal bound.
 */
public final class QoeRanges {
    /** {@code P}: 1 Hz to 1 PHz. */
    public static final Range CAPACITY_HZ = new Range(1, 1e15);
    /** {@code d_u}: 0 to 1e6 s (11 days). */
    public static final Range FIXED_LATENCY_S = new Range(0, 1e6);
    /** {@code w_u}: 1 to 1e18 cycles. */
    public static final Range WORKLOAD_CYCLES = new Range(1, 1e18);
    /** {@code L_u}: 1e-6 to 1e6. */
    public static final Range MAX_QOE = new Range(1e-6, 1e6);
    /** {@code α_u}: 1e-6 to 1e6 per s. */
    public static final Range STEEPNESS_PER_S = new Range(1e-6, 1e6);
    /** {@code β_u}: −1e6 to 1e6 s. */
    public static final Range MIDPOINT_S = new Range(-1e6, 1e6);

    private QoeRanges() {
    }
}
