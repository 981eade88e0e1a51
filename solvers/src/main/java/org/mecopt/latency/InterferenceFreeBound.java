package org.mecopt.latency;

import java.util.Arrays;

/**
 * A lower bound on the optimal maximum latency for any number of subcarriers. Dropping the
 * interference terms can only raise every rate, and without interference the users decouple: each
 * maximizes its own {@code Σ_n log(1 + p_n G[n][k][k])} under {@code Σ_n p_n ≤ 1}, a water-filling
 * with a closed form. The bound is the largest of the users' best latencies at those rates.
 */
public final class InterferenceFreeBound {
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
        for (int k = 0; k < instance.userCount(); k++) {
            for (int s = 0; s < n; s++) {
                inverse[s] = 1 / instance.gain(s, k, k);
            }
            double level = waterLevel(inverse, 1);
            for (int s = 0; s < n; s++) {
                power[s][k] = Math.max(0, level - inverse[s]);
            }
        }
        return power;
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
