package org.mecopt.qoe;

/**
 * The QoE of one user as a function of the CPU rate p it receives (seed 003 eq. (17), MODEL.md §3):
 * {@code Ω(p) = L / (1 + exp(α (d + w/p − β)))} for {@code p > 0} and {@code Ω(0) = 0}.
 *
 * <p>Writing {@code a = α(β − d)}, {@code b = α w} and {@code y = b/p}: {@code Ω = L σ(a − y)}, and
 * {@code Ω''(p) = L σ(1−σ) b/p³ · (y·tanh((y−a)/2) − 2)}. The factor {@code y tanh((y−a)/2)} is
 * negative for {@code y < a} and increasing for {@code y > max(a,0)}, so there is exactly one
 * inflection point {@code p* = b/y*} with {@code y*} the root of {@code y tanh((y−a)/2) = 2} in
 * {@code [max(a,0), max(a,0)+7]}: Ω is convex below p* and concave above, i.e. sigmoidal. The root
 * is found by bisection (no closed form exists).
 *
 * <p>The units of p are those of {@code workload} per second: cycles and Hz, or, as the solver uses
 * it, workload divided by the server capacity and p as a share of the capacity.
 *
 * @param maxQoe L
 * @param steepness α in 1/s
 * @param fixedLatency d in s (communication and forwarding)
 * @param workload w in cycles (or capacity-seconds)
 * @param midpoint β in s
 */
public record QoeSigmoid(double maxQoe, double steepness, double fixedLatency, double workload, double midpoint)
        implements Sigmoid {

    private double t(double p) {
        return steepness * (midpoint - fixedLatency - workload / p);
    }

    @Override
    public double value(double p) {
        return p <= 0 ? 0 : maxQoe * Logistic.sigma(t(p));
    }

    @Override
    public double derivative(double p) {
        if (p <= 0) {
            return 0;
        }
        double t = t(p);
        double e = Math.exp(-Math.abs(t)); // σ(t)σ(−t) = e/(1+e)² with one exponential
        double y = steepness * workload / p;
        return maxQoe * e / ((1 + e) * (1 + e)) * y / p;
    }

    @Override
    public double secondDerivative(double p) {
        if (p <= 0) {
            return 0;
        }
        double t = t(p);
        double e = Math.exp(-Math.abs(t));
        double big = 1 / (1 + e);      // σ(|t|)
        double small = e / (1 + e);    // σ(−|t|)
        double s = t >= 0 ? big : small;
        double c = t >= 0 ? small : big;
        double y = steepness * workload / p;
        return maxQoe * s * c * y / (p * p) * ((c - s) * y - 2);
    }

    /** The unconstrained inflection point {@code p* = αw / y*}. */
    public double inflection() {
        double a = steepness * (midpoint - fixedLatency);
        double lo = Math.max(a, 0);
        double hi = lo + 7;
        for (int k = 0; k < 200; k++) {
            double m = 0.5 * (lo + hi);
            if (m <= lo || m >= hi) {
                break;
            }
            if (m * Math.tanh(0.5 * (m - a)) < 2) {
                lo = m;
            } else {
                hi = m;
            }
        }
        return steepness * workload / (0.5 * (lo + hi));
    }

    @Override
    public double inflectionPoint(double lo, double hi) {
        return Math.min(hi, Math.max(lo, inflection()));
    }
}
