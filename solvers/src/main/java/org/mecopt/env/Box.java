package org.mecopt.env;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * A box {@code [low, high]} of real vectors (Gymnasium's {@code Box}); bounds may be infinite.
 * The arrays are copied in and out, so a box is immutable.
 */
public record Box(double[] low, double[] high) implements Space<double[]> {

    public Box {
        if (low.length != high.length) {
            throw new IllegalArgumentException("low has " + low.length + " entries but high has " + high.length);
        }
        low = low.clone();
        high = high.clone();
        for (int i = 0; i < low.length; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i]) || low[i] > high[i]) {
                throw new IllegalArgumentException("bounds of coordinate " + i + " are [" + low[i] + ", " + high[i] + "]");
            }
        }
    }

    /** The box {@code [low, high]^dimension}. */
    public static Box of(int dimension, double low, double high) {
        double[] lo = new double[dimension];
        double[] hi = new double[dimension];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return new Box(lo, hi);
    }

    public int dimension() {
        return low.length;
    }

    @Override
    public double[] low() {
        return low.clone();
    }

    @Override
    public double[] high() {
        return high.clone();
    }

    public double low(int i) {
        return low[i];
    }

    public double high(int i) {
        return high[i];
    }

    @Override
    public boolean contains(double[] value) {
        if (value == null || value.length != low.length) {
            return false;
        }
        for (int i = 0; i < value.length; i++) {
            // NaN fails both comparisons' negation, so it is never inside.
            if (!(value[i] >= low[i] && value[i] <= high[i])) {
                return false;
            }
        }
        return true;
    }

    /** Clips {@code value} into the box, coordinate by coordinate (a new array). */
    public double[] clip(double[] value) {
        double[] out = new double[value.length];
        for (int i = 0; i < value.length; i++) {
            out[i] = Math.min(high[i], Math.max(low[i], value[i]));
        }
        return out;
    }

    @Override
    public double[] sample(UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian normal = null;
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            boolean finiteLow = Double.isFinite(low[i]);
            boolean finiteHigh = Double.isFinite(high[i]);
            if (finiteLow && finiteHigh) {
                x[i] = low[i] + (high[i] - low[i]) * rng.nextDouble();
            } else {
                if (normal == null) {
                    normal = ZigguratSampler.NormalizedGaussian.of(rng);
                }
                double z = normal.sample();
                x[i] = finiteLow ? low[i] + Math.abs(z) : finiteHigh ? high[i] - Math.abs(z) : z;
            }
        }
        return x;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Box b && Arrays.equals(low, b.low) && Arrays.equals(high, b.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "Box" + Arrays.toString(low) + ".." + Arrays.toString(high);
    }
}
