package org.mecopt.numeric.sigmoidal;

/**
 * {@code h(x) = max(f(x) − c, 0)} for a non-decreasing sigmoidal f and a constant c: the gain of
 * serving a user over its fallback option worth c (in the edge system, the QoE it would get from the
 * cloud). h is sigmoidal again: if f crosses c at {@code x_c} below f's inflection point z, h is
 * convex up to z (the maximum of two convex functions) and concave after; if it crosses above z, h
 * is 0 (linear) up to {@code x_c} and concave after, with a convex kink at {@code x_c}. Either way
 * the inflection point is {@code max(z, x_c)}.
 *
 * <p>{@code x_c} is found by {@link Sigmoid#levelCrossing} and rounded up (to a point where {@code f ≥ c}), so the
 * concave side never contains the kink.
 *
 * @param f the non-decreasing sigmoid
 * @param fallback c
 */
public record FallbackSigmoid(Sigmoid f, double fallback) implements Sigmoid {

    @Override
    public double value(double x) {
        return Math.max(f.value(x) - fallback, 0);
    }

    @Override
    public double derivative(double x) {
        return f.value(x) >= fallback ? f.derivative(x) : 0;
    }

    @Override
    public double secondDerivative(double x) {
        return f.value(x) >= fallback ? f.secondDerivative(x) : 0;
    }

    @Override
    public void evaluate(double x, double[] out) {
        f.evaluate(x, out);
        if (out[0] >= fallback) {
            out[0] -= fallback;
        } else {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
        }
    }

    @Override
    public double inflectionPoint(double lo, double hi) {
        double z = f.inflectionPoint(lo, hi);
        if (f.value(lo) >= fallback) {
            return z;
        }
        if (f.value(hi) < fallback) {
            return hi; // h ≡ 0 on the box: linear, any point will do
        }
        double b = f.levelCrossing(fallback, lo, hi);
        while (b < hi && f.value(b) < fallback) { // guard a closed form's rounding
            b = Math.min(hi, b + Math.max(Math.ulp(b), 1e-15 * (hi - lo)));
        }
        return Math.max(z, b);
    }
}
