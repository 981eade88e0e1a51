package org.mecopt.latency;

import java.util.Arrays;

/**
 * A lower bound on the optimal maximum latency for any number of subcarriers. Dropping the
 * interference terms can only raise every rate, and without interference the users decouple: each
 * maximizes its own {@code Σ_n log(1 + p_n G[n][k][k])} under {@code Σ_n p_n ≤ 1}, a water-filling
 * with a closed form. The bound is the largest of the users' best latencies at those rates.
 */
public final class InterferenceFreeBound {
    /** Level over total above which {@code μ − floor} has lost more than half its digits (2^26). */
    static final double CANCELLATION = 0x1p26;

    private InterferenceFreeBound() {
    }

    /** The bound in s. */
    public static double lowerBound(LatencyInstance instance) {
        double[][] power = waterFilledPower(instance);
        double bound = 0;
        for (int k = 0; k < instance.userCount(); k++) {
            double rate = 0;
            for (int n = 0; n < instance.subcarrierCount(); n++) {
                rate += Math.log1p(power[n][k] * instance.gain(n, k, k));
            }
            rate *= instance.subcarrierBandwidthHz() / Math.log(2);
            bound = Math.max(bound, instance.bestLatency(k, rate));
        }
        return bound;
    }

    /** Each user's water-filled power {@code p[n][k]} over its own gains, interference ignored. */
    public static double[][] waterFilledPower(LatencyInstance instance) {
        int n = instance.subcarrierCount();
        double[][] power = new double[n][instance.userCount()];
        double[] inverse = new double[n];
        double[] filled = new double[n];
        for (int k = 0; k < instance.userCount(); k++) {
            for (int s = 0; s < n; s++) {
                inverse[s] = 1 / instance.gain(s, k, k);
            }
            waterFill(inverse, 1, filled);
            for (int s = 0; s < n; s++) {
                power[s][k] = filled[s];
            }
        }
        return power;
    }

    /**
     * The water-filled shares {@code max(0, μ − floor_s)} summing to {@code total}, written to
     * {@code out}. Where the level is far above the total (a gain of 1e-30 makes a floor of 1e30),
     * {@code μ − floor_s} cancels to 0 and the user would get no power: there the shares are
     * computed from differences of floors, {@code (total + Σ_{i under water} (floor_i − floor_s)) / j}.
     * Below {@link #CANCELLATION} the direct form keeps at least half its digits and is kept, so that
     * normal instances (and the datasets labelled on them) keep their bits.
     * Infinite floors (gains that are subnormal, whose inverse overflows) are never under water
     * unless all are, and then the total goes to the largest gain, the low-SNR limit.
     */
    static void waterFill(double[] floors, double total, double[] out) {
        java.util.Arrays.fill(out, 0);
        int best = 0;
        for (int s = 1; s < floors.length; s++) {
            best = floors[s] < floors[best] ? s : best;
        }
        if (floors[best] == Double.POSITIVE_INFINITY) {
            out[best] = total; // every 1/g overflowed: no finite level exists
            return;
        }
        double level = waterLevel(floors, total);
        int under = 0;
        for (double f : floors) {
            under += f < level ? 1 : 0;
        }
        if (under == 0) {
            out[best] = total; // the level rounded onto the lowest floor
            return;
        }
        if (level <= CANCELLATION * total) {
            for (int s = 0; s < floors.length; s++) {
                // level − floor rounds: a lone share could come out an ulp above the whole budget
                out[s] = Math.min(total, Math.max(0, level - floors[s]));
            }
            return;
        }
        for (int s = 0; s < floors.length; s++) {
            if (floors[s] < level) {
                double sum = total;
                for (double f : floors) {
                    if (f < level) {
                        sum += f - floors[s];
                    }
                }
                out[s] = Math.min(total, Math.max(0, sum / under));
            }
        }
    }

    /**
     * The level μ with {@code Σ max(0, μ − floor_i) = total}: with the floors sorted, the first
     * j floors are under water where {@code μ = (total + Σ_{i<j} floor_i)/j} stays above floor_{j−1}
     * and at or below floor_j.
     */
    static double waterLevel(double[] floors, double total) {
        double[] sorted = floors.clone();
        Arrays.sort(sorted);
        double sum = 0;
        double level = sorted[0] + total;
        for (int j = 1; j <= sorted.length; j++) {
            sum += sorted[j - 1];
            level = (total + sum) / j;
            if (j == sorted.length || level <= sorted[j]) {
                break;
            }
        }
        return level;
    }
}
