package org.mecopt.qoe;

import org.mecopt.numeric.sigmoidal.Logistic;
import org.mecopt.numeric.sigmoidal.Sigmoid;

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

    @Override
    public void evaluate(double p, double[] out) {
        if (p <= 0) {
            out[0] = 0;
            out[1] = 0;
            out[2] = 0;
            return;
        }
        double t = t(p);
        double e = Math.exp(-Math.abs(t));
        double big = 1 / (1 + e);
        double small = e * big;
        double s = t >= 0 ? big : small;
        double c = t >= 0 ? small : big;
        double y = steepness * workload / p;
        double d1 = maxQoe * s * c * y / p;
        out[0] = maxQoe * s;
        out[1] = d1;
        out[2] = d1 / p * ((c - s) * y - 2);
    }

    /**
     * The unconstrained inflection point {@code p* = αw / y*}: Newton on
     * {@code h(y) = y tanh((y−a)/2) − 2}, safeguarded by bisection on {@code [max(a,0), max(a,0)+7]}
     * where h changes sign and is increasing.
     */
    public double inflection() {
        double a = steepness * (midpoint - fixedLatency);
        double lo = Math.max(a, 0);
        double hi = lo + 7;
        double y = lo + 2.5;
        for (int k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
            double th = Math.tanh(0.5 * (y - a));
            double h = y * th - 2;
            if (h < 0) {
                lo = y;
            } else if (h > 0) {
                hi = y;
            } else {
                break;
            }
            double dh = th + 0.5 * y * (1 - th * th);
            double next = dh > 0 ? y - h / dh : Double.NaN;
            if (!(next > lo && next < hi)) {
                next = 0.5 * (lo + hi);
            } else if (Math.abs(next - y) <= 1e-15 * hi) {
                y = next;
                break;
            }
            y = next;
        }
        return steepness * workload / y;
    }

    /** Closed form: {@code Ω(p) = c ⟺ p = αw / (α(β − d) − logit(c/L))} when that is positive. */
    @Override
    public double levelCrossing(double level, double lo, double hi) {
        if (value(lo) >= level) {
            return lo;
        }
        if (value(hi) < level) {
            return hi;
        }
        double ratio = level / maxQoe;
        double denominator = steepness * (midpoint - fixedLatency) - Math.log(ratio / (1 - ratio));
        double p = denominator > 0 ? steepness * workload / denominator : hi;
        p = Math.min(hi, Math.max(lo, p));
        return value(p) >= level ? p : Sigmoid.super.levelCrossing(level, p, hi);
    }

    @Override
    public double inflectionPoint(double lo, double hi) {
        return Math.min(hi, Math.max(lo, inflection()));
    }
}
