package org.mecopt.numeric.sigmoidal;

/**
 * A sigmoidal function of one variable: continuous, convex below an inflection point {@code z} and
 * concave above it (Udell and Boyd, "Maximizing a sum of sigmoids"). Either side may be empty on a
 * given box: {@code z ≤ l} means concave on {@code [l, u]}, {@code z ≥ u} convex.
 *
 * <p>Implementations supply the value and the derivative; the second derivative and the inflection
 * point have defaults (a central difference, and bisection on the sign of the second derivative)
 * that closed forms should override. Everything here is hand-written rather than taken from a
 * library because the toolkit's dependencies (Commons RNG, Jackson, picocli, XChart) have no root
 * finder; each method is a plain bracketed bisection, tested against closed forms in
 * {@code SigmoidTest}.
 *
 * <p>On the concave side the derivative must be non-increasing and on the convex side
 * non-decreasing; where the function has a kink, {@link #derivative} returns the right derivative.
 */
public interface Sigmoid {

    /** {@code f(x)}; finite for every x in the boxes it is used on. */
    double value(double x);

    /** {@code f'(x)} (the right derivative at a kink). */
    double derivative(double x);

    /**
     * {@code f''(x)}. The default is a central difference of {@link #derivative} with a step of
     * {@code 1e-6 · max(1, |x|)}; it is only used to accelerate safeguarded Newton steps and by the
     * default {@link #inflectionPoint}, so an inexact value costs speed, never correctness.
     */
    default double secondDerivative(double x) {
        double h = 1e-6 * Math.max(1, Math.abs(x));
        return (derivative(x + h) - derivative(x - h)) / (2 * h);
    }

    /**
     * {@code f(x)}, {@code f'(x)} and {@code f''(x)} in one call, written to {@code out[0..2]}
     * (modified; length ≥ 3). The default calls the three methods; closed forms override it to
     * share one exponential, which is what the solver's Newton steps call.
     */
    default void evaluate(double x, double[] out) {
        out[0] = value(x);
        out[1] = derivative(x);
        out[2] = secondDerivative(x);
    }

    /**
     * The inflection point clipped to {@code [lo, hi]}: {@code lo} when f is concave on the whole
     * interval, {@code hi} when it is convex there. The default bisects on the sign of
     * {@link #secondDerivative} (positive on the convex side) for 200 halvings or until the bracket
     * stops shrinking in floating point.
     */
    default double inflectionPoint(double lo, double hi) {
        if (secondDerivative(lo) <= 0) {
            return lo;
        }
        if (secondDerivative(hi) >= 0) {
            return hi;
        }
        double a = lo;
        double b = hi;
        for (int k = 0; k < 200; k++) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            if (secondDerivative(m) > 0) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }

    /**
     * The smallest x in {@code [lo, hi]} with {@code f(x) ≥ level} for a non-decreasing f, rounded up
     * (so {@code f(result) ≥ level} whenever {@code f(hi) ≥ level}); {@code hi} when f stays below
     * the level. The default bisects; closed forms should override.
     */
    default double levelCrossing(double level, double lo, double hi) {
        if (value(lo) >= level) {
            return lo;
        }
        if (value(hi) < level) {
            return hi;
        }
        double a = lo;
        double b = hi;
        double tol = 1e-14 * (hi - lo);
        for (int k = 0; k < 200 && b - a > tol; k++) {
            double m = 0.5 * (a + b);
            if (m <= a || m >= b) {
                break;
            }
            if (value(m) >= level) {
                b = m;
            } else {
                a = m;
            }
        }
        return b;
    }
}
