package org.mecopt.numeric.sigmoidal;

/**
 * The best response of a sigmoid to a linear price: {@code sup_{x ∈ [lo, hi]} f(x) − μ x}, with a
 * certified upper bound. Used by Lagrangian bounds, where an underestimated supremum would make
 * the bound invalid, so the upper value is what a bound must use.
 *
 * <p><b>Why it is exact.</b> Let {@code φ(x) = f(x) − μx} and z the inflection point clipped to
 * {@code [lo, hi]}. On {@code [lo, z]} f is convex, so φ is convex and its maximum there is at
 * {@code lo} or at {@code z}. On {@code [z, hi]} φ is concave with derivative {@code f'(x) − μ}
 * non-increasing, so its maximum there is at z if {@code f'(z) ≤ μ}, at hi if
 * {@code f'(hi) ≥ μ}, and otherwise at the unique root of {@code f'(x) = μ}. The point z is
 * covered by the concave side, so {@code sup φ = max(φ(lo), max_{[z,hi]} φ)}: one endpoint and
 * one 1-D concave maximization. The root is bracketed, {@code f'(a) ≥ μ ≥ f'(b)}, and shrunk by
 * Newton steps safeguarded by bisection; by concavity {@code φ(x) ≤ φ(a) + (f'(a) − μ)(b − a)} for
 * every x in {@code [a, b]}, which is the certified upper value ({@code upperBound ≥ sup φ}, up to
 * the rounding of f itself). Tested against a fine grid in {@code PriceResponseTest}.
 *
 * @param x a maximizer (within the final bracket)
 * @param value {@code φ(x)}, a lower value of the supremum
 * @param upperBound a certified upper value of the supremum
 * @param slope {@code −x}: the derivative of the supremum in μ (Danskin), for price searches
 */
public record PriceResponse(double x, double value, double upperBound, double slope) {

    private static final int STEPS = 100;

    /**
     * @param f a sigmoid (convex then concave)
     * @param price μ
     * @param lo the lower end
     * @param hi the upper end, ≥ lo
     * @param inflection f's inflection point (clipped to {@code [lo, hi]} here)
     */
    public static PriceResponse of(Sigmoid f, double price, double lo, double hi, double inflection) {
        double z = Math.min(hi, Math.max(lo, inflection));
        double atLo = f.value(lo) - price * lo;
        double[] out = new double[3];
        double x;
        double value;
        double upper;
        f.evaluate(z, out);
        if (z >= hi) {
            double atHi = out[0] - price * hi;
            x = atHi > atLo ? hi : lo;
            value = Math.max(atHi, atLo);
            upper = value;
        } else if (out[1] <= price) {
            x = z;
            value = out[0] - price * z;
            upper = value;
        } else {
            f.evaluate(hi, out);
            if (out[1] >= price) {
                x = hi;
                value = out[0] - price * hi;
                upper = value;
            } else {
                double a = z;
                double b = hi;
                double t = 0.5 * (a + b);
                double tol = 1e-13 * Math.max(1, Math.abs(hi));
                for (int k = 0; k < STEPS && b - a > tol; k++) {
                    f.evaluate(t, out);
                    double d = out[1] - price;
                    if (d >= 0) {
                        a = t;
                    } else {
                        b = t;
                    }
                    double step = out[2] < 0 ? -d / out[2] : Double.NaN;
                    // Newton approaches the root from one side and would leave the far end of the
                    // bracket where it is: a small step is doubled, which lands past the root (the
                    // error after a Newton step is second order) and closes the bracket
                    if (Math.abs(step) < 1e-3 * (b - a)) {
                        step = 2 * step + Math.copySign(tol, step);
                    }
                    double next = t + step;
                    t = next > a && next < b ? next : 0.5 * (a + b);
                }
                f.evaluate(a, out);
                double va = out[0] - price * a;
                double slopeA = Math.max(0, out[1] - price);
                double vb = f.value(b) - price * b;
                x = vb > va ? b : a;
                value = Math.max(va, vb);
                upper = Math.max(value, va + slopeA * (b - a));
            }
        }
        if (atLo >= upper) {
            return new PriceResponse(lo, atLo, atLo, -lo);
        }
        return new PriceResponse(x, Math.max(value, atLo), Math.max(upper, atLo), -x);
    }
}
