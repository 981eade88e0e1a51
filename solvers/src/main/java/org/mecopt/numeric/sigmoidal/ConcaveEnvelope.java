package org.mecopt.numeric.sigmoidal;

/**
 * The concave envelope of a sigmoid on a box {@code [l, u]} (Udell and Boyd §3): the line from
 * {@code (l, f(l))} tangent to f at a point {@code w}, then f itself. Stored as three numbers so a
 * branch-and-bound node can keep one per variable.
 *
 * <p>{@code w} solves {@code φ(w) = f(w) − f(l) − f'(w)(w − l) = 0} on the concave side
 * {@code [z, u]}, where φ is non-decreasing and {@code φ(z) ≤ 0}; when {@code φ(u) ≤ 0} the chord
 * from l to u is the envelope ({@code w = u}). Newton steps safeguarded by bisection
 * ({@code φ' = −f''(w)(w − l) ≥ 0}) shrink a bracket, and the low end of the bracket, where
 * {@code φ ≤ 0}, so that {@code w ≤ w*} and the line of slope {@code s = f'(w) ≥ f'(w*)} dominates f
 * on {@code [l, u]}; right of w the envelope is {@code f + δ} with the tiny {@code δ = −φ(w) ≥ 0}
 * that keeps it continuous. The result is concave and never below f even when the bisection stops
 * early, so bounds built on it stay valid.
 *
 * @param l the box's lower end
 * @param u the box's upper end
 * @param w the tangent point, in {@code [l, u]}
 * @param slope the slope s of the linear piece on {@code [l, w]}
 * @param fl {@code f(l)}
 * @param shift δ ≥ 0 added to f on {@code [w, u]}
 * @param dw {@code f'(w)}, cached for the relaxation
 * @param du {@code f'(u)}, cached for the relaxation
 */
public record ConcaveEnvelope(double l, double u, double w, double slope, double fl, double shift, double dw,
                              double du) {

    /** Bisection steps on the tangent point (the bracket also stops when it cannot shrink). */
    static final int TANGENT_STEPS = 100;

    /**
     * The envelope of f on {@code [l, u]} given f's inflection point clipped to the box.
     *
     * @param z the inflection point of f clipped to {@code [l, u]}
     */
    public static ConcaveEnvelope of(Sigmoid f, double l, double u, double z) {
        double fl = f.value(l);
        if (!(u > l)) {
            return new ConcaveEnvelope(l, u, l, 0, fl, 0, 0, 0);
        }
        if (z <= l) {
            double dl = f.derivative(l);
            return new ConcaveEnvelope(l, u, l, dl, fl, 0, dl, f.derivative(u));
        }
        double fu = f.value(u);
        if (phi(f, l, fl, u) <= 0) {
            double du = f.derivative(u);
            return new ConcaveEnvelope(l, u, u, (fu - fl) / (u - l), fl, 0, du, du);
        }
        double lo = z;
        double hi = u;
        if (phi(f, l, fl, lo) > 0) {
            lo = l; // z was not exact: the concave side starts before it; φ(l) = 0
        }
        double tol = 1e-13 * (u - l);
        double x = 0.5 * (lo + hi);
        double[] d = new double[3];
        for (int k = 0; k < TANGENT_STEPS && hi - lo > tol; k++) {
            f.evaluate(x, d);
            double fx = d[0] - fl - d[1] * (x - l);
            if (fx <= 0) {
                lo = x;
            } else {
                hi = x;
            }
            // safeguarded Newton: φ'(x) = −f''(x)(x − l) ≥ 0 on the concave side
            double slope = -d[2] * (x - l);
            double next = slope > 0 ? x - fx / slope : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            } else if (Math.abs(next - x) <= tol) {
                // converged: step just left of the root so that the low end satisfies φ ≤ 0
                double left = Math.max(lo, next - 4 * tol);
                if (left > lo && phi(f, l, fl, left) <= 0) {
                    lo = left;
                }
                break;
            }
            if (next <= lo || next >= hi) {
                break;
            }
            x = next;
        }
        double w = lo;
        if (w <= l) {
            double dl = f.derivative(l);
            return new ConcaveEnvelope(l, u, l, dl, fl, 0, dl, f.derivative(u));
        }
        double fw = f.value(w);
        double dw = f.derivative(w);
        double s = Math.max(dw, (fw - fl) / (w - l));
        double fhi = f.value(hi);
        if (hi > w && fl + s * (hi - l) < fhi - 1e-12 * Math.abs(fhi)) {
            // The line misses f at the bracket's top: f rises within the bracket faster than its
            // derivative said (a transition narrower than the doubles resolve, e.g. steepness ~1e18,
            // where f' underflows to 0 on both sides of a step). The tangent point w* lies in
            // [lo, hi], so the line from (l, f(l)) that reaches f(hi) already at lo has a slope
            // ≥ f'(w*): it dominates f on [l, w*] like the tangent, and on [lo, hi] since f is
            // non-decreasing; from hi on, f is on its concave side.
            w = hi;
            fw = fhi;
            dw = f.derivative(hi);
            s = Math.max(dw, (fhi - fl) / (lo - l));
        }
        double shift = Math.max(0, fl + s * (w - l) - fw);
        return new ConcaveEnvelope(l, u, w, s, fl, shift, dw, f.derivative(u));
    }

    private static double phi(Sigmoid f, double l, double fl, double w) {
        return f.value(w) - fl - f.derivative(w) * (w - l);
    }

    /** The envelope's value at x in {@code [l, u]}. */
    public double value(Sigmoid f, double x) {
        return x <= w ? fl + slope * (x - l) : f.value(x) + shift;
    }

    /** Whether the envelope has a linear piece of positive length (the convex side is covered). */
    public boolean hasChord() {
        return w > l;
    }
}
