package org.mecopt.qoe;

/**
 * The concave envelope of a sigmoid on a box {@code [l, u]} (Udell and Boyd §3): the line from
 * {@code (l, f(l))} tangent to f at a point {@code w}, then f itself. Stored as three numbers so a
 * branch-and-bound node can keep one per variable.
 *
 * <p>{@code w} solves {@code φ(w) = f(w) − f(l) − f'(w)(w − l) = 0} on the concave side
 * {@code [z, u]}, where φ is non-decreasing and {@code φ(z) ≤ 0}; when {@code φ(u) ≤ 0} the chord
 * from l to u is the envelope ({@code w = u}). Bisection keeps the low end of its bracket, where
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
 */
public record ConcaveEnvelope(double l, double u, double w, double slope, double fl, double shift) {

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
            return new ConcaveEnvelope(l, u, l, 0, fl, 0);
        }
        if (z <= l) {
            return new ConcaveEnvelope(l, u, l, f.derivative(l), fl, 0);
        }
        double fu = f.value(u);
        if (phi(f, l, fl, u) <= 0) {
            return new ConcaveEnvelope(l, u, u, (fu - fl) / (u - l), fl, 0);
        }
        double lo = z;
        double hi = u;
        if (phi(f, l, fl, lo) > 0) {
            lo = l; // z was not exact: the concave side starts before it; φ(l) = 0
        }
        double tol = 1e-13 * (u - l);
        for (int k = 0; k < TANGENT_STEPS && hi - lo > tol; k++) {
            double m = 0.5 * (lo + hi);
            if (m <= lo || m >= hi) {
                break;
            }
            if (phi(f, l, fl, m) <= 0) {
                lo = m;
            } else {
                hi = m;
            }
        }
        double w = lo;
        if (w <= l) {
            return new ConcaveEnvelope(l, u, l, f.derivative(l), fl, 0);
        }
        double fw = f.value(w);
        double s = Math.max(f.derivative(w), (fw - fl) / (w - l));
        double shift = Math.max(0, fl + s * (w - l) - fw);
        return new ConcaveEnvelope(l, u, w, s, fl, shift);
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
