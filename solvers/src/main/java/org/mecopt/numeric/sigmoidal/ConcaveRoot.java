package org.mecopt.numeric.sigmoidal;

/**
 * The best response of one variable to a capacity price on the concave side of its sigmoid:
 * {@code argmax_{x ∈ [a, b]} f(x) − λx} where f is concave on {@code [a, b]}, i.e. the root of
 * {@code f'(x) = λ} (f' is non-increasing there). Safeguarded Newton inside a bisection bracket that
 * keeps {@code f'(lo) > λ > f'(hi)}. Shared by {@link CapacityRelaxation}, {@link ActivationSearch} and {@link PriceResponse}.
 */
final class ConcaveRoot {
    static final int NEWTON_STEPS = 100;

    private ConcaveRoot() {
    }

    /**
     * The root of {@code f'(x) = price} in {@code (a, b)}, given {@code f'(a) > price > f'(b)}.
     *
     * @param warm a starting point (used when inside the bracket)
     * @param tol stop when the bracket is this narrow
     * @param v scratch of length ≥ 3 (f, f', f'' at the last point)
     * @param bracket written: {@code bracket[0..1]} the final bracket, {@code bracket[2]} = f' at the
     *     returned point minus the price (so {@code |bracket[2]|·(bracket[1] − bracket[0])} bounds how
     *     far {@code f(x) − λx} is below the maximum, by concavity); may be null
     */
    static double root(Sigmoid f, double a, double b, double price, double warm, double tol, double[] v,
                       double[] bracket) {
        double x = warm;
        if (!(x > a && x < b)) {
            x = 0.5 * (a + b);
        }
        double d = Double.NaN;
        for (int k = 0; k < NEWTON_STEPS; k++) {
            f.evaluate(x, v);
            d = v[1] - price;
            if (d > 0) {
                a = x;
            } else if (d < 0) {
                b = x;
            } else {
                break;
            }
            if (b - a <= tol) {
                break;
            }
            double h = v[2];
            double next = h < 0 ? x - d / h : Double.NaN;
            if (!(next > a && next < b)) {
                next = 0.5 * (a + b);
            } else if (Math.abs(next - x) <= tol) {
                x = next;
                d = Double.NaN; // not evaluated at the accepted point
                break;
            }
            x = next;
        }
        if (bracket != null) {
            bracket[0] = a;
            bracket[1] = b;
            bracket[2] = d;
        }
        return x;
    }
}
