package org.mecopt.cli.experiments;

import java.util.Arrays;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The mean of independent samples and the half-width of its two-sided 95 % confidence interval,
 * {@code t(0.975; n − 1) · s / √n}, s being the sample standard deviation (n − 1 in the
 * denominator). Every experiment reports its means through this class.
 *
 * <p><b>Why Student's t.</b> The variance is estimated from the same samples, so the interval's
 * quantile is Student's t with n − 1 degrees of freedom (Commons Statistics), not the normal 1.96
 * the experiments used before: that understates the half-width by 6.8 % at n = 20 (latency-vs-users'
 * default), by 0.4 % at n = 300 (offloading-cpu-sweep's), and by 2.2× at n = 3. One sample gives
 * no interval: {@code ci95} is NaN.
 *
 * <p><b>Why two passes.</b> The mean is compensated summation's ({@link
 * java.util.stream.DoubleStream#average()}); the variance is a second pass around it, which does
 * not lose digits as {@code (Σx² − n·mean²) / (n − 1)} does when the spread is small beside the
 * mean.
 *
 * @param mean  the sample mean
 * @param ci95  the half-width of the 95 % confidence interval of the mean; NaN when count = 1
 * @param count the number of samples
 */
public record SampleMean(double mean, double ci95, int count) {

    /**
     * @param samples at least one value, not modified
     * @throws IllegalArgumentException if there are none
     */
    public static SampleMean of(double... samples) {
        int n = samples.length;
        if (n == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double mean = Arrays.stream(samples).average().orElseThrow();
        if (n == 1) {
            return new SampleMean(mean, Double.NaN, 1);
        }
        double squares = Arrays.stream(samples).map(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double t = TDistribution.of(n - 1).inverseSurvivalProbability(0.025);
        return new SampleMean(mean, t * sd / Math.sqrt(n), n);
    }
}
