package org.mecopt.numeric.sigmoidal;

import org.mecopt.api.Check;

/**
 * The logistic {@code f(x) = height / (1 + exp(−steepness (x − midpoint)))}: convex below
 * {@code midpoint}, concave above, with closed-form derivatives and inflection point.
 *
 * @param height the supremum of f, {@code > 0}
 * @param steepness {@code > 0}
 * @param midpoint the inflection point
 */
public record Logistic(double height, double steepness, double midpoint) implements Sigmoid {

    public Logistic {
        Check.positive("height", height);
        Check.positive("steepness", steepness);
        if (!Double.isFinite(midpoint)) {
            throw new org.mecopt.api.InvalidInstanceException("midpoint", midpoint, "must be finite");
        }
    }

    /** The standard logistic {@code 1/(1+e^{-x})}. */
    public static Logistic standard() {
        return new Logistic(1, 1, 0);
    }

    /** {@code 1/(1+e^{-t})} without overflow for any t. */
    public static double sigma(double t) {
        if (t >= 0) {
            return 1 / (1 + Math.exp(-t));
        }
        double e = Math.exp(t);
        return e / (1 + e);
    }

    @Override
    public double value(double x) {
        return height * sigma(steepness * (x - midpoint));
    }

    @Override
    public double derivative(double x) {
        double t = steepness * (x - midpoint);
        return height * steepness * sigma(t) * sigma(-t);
    }

    @Override
    public double secondDerivative(double x) {
        double t = steepness * (x - midpoint);
        double s = sigma(t);
        double c = sigma(-t);
        return height * steepness * steepness * s * c * (c - s);
    }

    @Override
    public void evaluate(double x, double[] out) {
        double t = steepness * (x - midpoint);
        double s = sigma(t);
        double c = sigma(-t);
        out[0] = height * s;
        out[1] = height * steepness * s * c;
        out[2] = out[1] * steepness * (c - s);
    }

    @Override
    public double inflectionPoint(double lo, double hi) {
        return Math.min(hi, Math.max(lo, midpoint));
    }
}
