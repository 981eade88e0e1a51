package org.mecopt.numeric.sigmoidal;

/**
 * The concave relaxation of one branch-and-bound node, solved exactly without an LP:
 * {@code maximize Σ g_i(x_i) s.t. Σ x_i ≤ C, l ≤ x ≤ u} with each {@code g_i} a
 * {@link ConcaveEnvelope}. For a price λ ≥ 0 on capacity, each variable's best response
 * {@code x_i(λ) = argmax g_i(x) − λx} is a one-dimensional concave problem: {@code l_i} when λ is at
 * least the envelope's chord slope, else the point of the concave side where {@code f_i' = λ}
 * (safeguarded Newton inside a bisection bracket, since {@code f'} is monotone there). The total
 * demand is non-increasing in λ and jumps only at chord slopes, so the price is found by a
 * bracketing search: chord slopes inside the bracket are tried first (nearest the middle; a price
 * pinned at a jump, as with identical users, is then found exactly), then regula falsi with the
 * Illinois modification, every fourth step a bisection.
 *
 * <p>Every price gives a valid upper bound by weak duality,
 * {@code Ψ(λ) = λC + Σ max_x (g_i(x) − λx)}, so the bound is safe even if the search is cut short;
 * the search stops when the best Ψ is within the requested tolerance of the envelope value of a
 * feasible relaxed point, or after {@link #MAX_PRICE_STEPS} steps.
 *
 * <p>Hand-written (no LP or root finder among the toolkit's dependencies); tested through the branch
 * and bound against brute force ({@code SigmoidalProgrammingTest}, {@code
 * SigmoidalProgrammingProperties}).
 *
 * <p>The relaxed point fills the capacity left at the upper price first with the variables whose
 * demand is continuous, then with those whose demand jumps (users whose price equals their chord
 * slope, e.g. identical users) in index order, whole, so at most one variable ends inside its chord
 * piece. That keeps the relaxed point on f everywhere but one coordinate, the property that bounds
 * the gap by one envelope gap (Udell and Boyd, Thm. 1).
 */
final class CapacityRelaxation {

    static final int MAX_PRICE_STEPS = 200;

    private final Sigmoid[] f;
    private final double capacity;
    private final double[] xa;
    private final double[] xb;
    private final double[] warm;
    private final double[] scratch = new double[3];

    /** Number of price evaluations of the last solve. */
    int priceSteps;

    private final double relativeTolerance;
    private final double absoluteTolerance;

    /**
     * @param relativeTolerance the relaxation stops when its bound and its relaxed value differ by at
     *     most this fraction of the bound (or by {@code absoluteTolerance}); the branch and bound
     *     passes 1 % of its own gap, since a looser relaxation only costs nodes, never validity
     */
    CapacityRelaxation(Sigmoid[] f, double capacity, double relativeTolerance, double absoluteTolerance) {
        this.f = f;
        this.capacity = capacity;
        this.relativeTolerance = Math.max(1e-12, relativeTolerance);
        this.absoluteTolerance = absoluteTolerance;
        this.xa = new double[f.length];
        this.xb = new double[f.length];
        this.warm = new double[f.length];
    }

    /** The relaxation's answer: a feasible relaxed point, its envelope value and a proven upper bound. */
    record Solution(double[] x, double relaxedValue, double upperBound, double price) {
    }

    /**
     * Solves the relaxation over the node's envelopes; null when the box is infeasible
     * ({@code Σ l > C}).
     *
     * @param priceHint a price near the answer (the parent's), or ≤ 0 for none
     */
    Solution solve(ConcaveEnvelope[] env, double priceHint) {
        int n = f.length;
        double sumLower = 0;
        double maxSlope = 0;
        for (int i = 0; i < n; i++) {
            sumLower += env[i].l();
            maxSlope = Math.max(maxSlope, env[i].slope());
            warm[i] = Double.NaN;
        }
        double slack = 1e-12 * Math.max(1, Math.abs(capacity));
        if (sumLower > capacity + slack) {
            return null;
        }
        priceSteps = 1;
        double[] xlo = xa;
        double dualLo = demandAndDual(env, 0, xlo);
        double sumLo = sum(xlo);
        if (sumLo <= capacity) {
            double v = envelopeValue(env, xlo);
            return new Solution(xlo.clone(), v, Math.max(v, dualLo), 0);
        }
        double lo = 0;
        double hi = maxSlope;
        double[] xhi = xb;
        for (int i = 0; i < n; i++) {
            xhi[i] = env[i].l();
        }
        double best = dualAt(env, hi, xhi);
        if (priceHint > 0 && priceHint < hi) {
            double[] probe = new double[n];
            for (double step : new double[] {1e-6, 1e-3}) {
                double a = priceHint * (1 - step);
                double b = priceHint * (1 + step);
                if (!(a > lo && b < hi)) {
                    continue;
                }
                best = Math.min(best, demandAndDual(env, a, probe));
                priceSteps++;
                if (sum(probe) <= capacity) {
                    hi = a;
                    System.arraycopy(probe, 0, xhi, 0, n);
                    continue;
                }
                lo = a;
                System.arraycopy(probe, 0, xlo, 0, n);
                best = Math.min(best, demandAndDual(env, b, probe));
                priceSteps++;
                if (sum(probe) <= capacity) {
                    hi = b;
                    System.arraycopy(probe, 0, xhi, 0, n);
                    break;
                }
                lo = b;
                System.arraycopy(probe, 0, xlo, 0, n);
            }
        }
        double[] mid = new double[n];
        double[] fill = new double[n];
        double relaxed;
        // Regula falsi with the Illinois modification on D(λ) − C, safeguarded by bisection: D is
        // non-increasing, smooth between the jumps at chord slopes, where it still converges.
        double gLo = sum(xlo) - capacity; // > 0
        double gHi = sum(xhi) - capacity; // ≤ 0
        int side = 0;
        for (int k = 0; ; k++) {
            relaxed = fill(env, xlo, xhi, fill);
            if (best - relaxed <= Math.max(absoluteTolerance, relativeTolerance * Math.abs(best))
                    || k >= MAX_PRICE_STEPS) {
                break;
            }
            // Jumps first: the chord slopes inside the bracket are tried before any interpolation, so
            // a price pinned at a jump (ties, identical users) is found exactly.
            double m = Double.NaN;
            double centre = 0.5 * (lo + hi);
            for (ConcaveEnvelope e : env) {
                double b = e.slope();
                if (e.hasChord() && b > lo && b < hi && !(Math.abs(b - centre) >= Math.abs(m - centre))) {
                    m = b;
                }
            }
            boolean atJump = !Double.isNaN(m);
            if (!atJump) {
                double width = hi - lo;
                m = gLo - gHi > 0 ? hi - gHi * (hi - lo) / (gHi - gLo) : centre;
                if (!(m > lo + 0.01 * width && m < hi - 0.01 * width) || (k & 3) == 3) {
                    m = centre; // every fourth step bisects: guaranteed shrinking
                }
            }
            if (m <= lo || m >= hi) {
                break;
            }
            for (int probe = 0; probe < 2; probe++) {
                best = Math.min(best, demandAndDual(env, m, mid));
                priceSteps++;
                double g = sum(mid) - capacity;
                if (g > 0) {
                    lo = m;
                    gLo = g;
                    System.arraycopy(mid, 0, xlo, 0, n);
                    if (side == -1) {
                        gHi *= 0.5;
                    }
                    side = -1;
                    break;
                }
                hi = m;
                gHi = g;
                System.arraycopy(mid, 0, xhi, 0, n);
                if (side == 1) {
                    gLo *= 0.5;
                }
                side = 1;
                if (!atJump) {
                    break;
                }
                // the demand jumps just below a chord slope: probe its left limit
                m = m - Math.max(1e-13 * m, Math.ulp(m));
                if (m <= lo) {
                    break;
                }
            }
        }
        return new Solution(fill.clone(), relaxed, Math.max(best, relaxed), 0.5 * (lo + hi));
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private double envelopeValue(ConcaveEnvelope[] env, double[] x) {
        double v = 0;
        for (int i = 0; i < x.length; i++) {
            v += env[i].value(f[i], x[i]);
        }
        return v;
    }

    /** Ψ(λ) with the demands already known to be x. */
    private double dualAt(ConcaveEnvelope[] env, double price, double[] x) {
        double v = price * capacity;
        for (int i = 0; i < x.length; i++) {
            v += env[i].value(f[i], x[i]) - price * x[i];
        }
        return v;
    }

    /** Writes the best responses to {@code price} into x and returns Ψ(price). */
    private double demandAndDual(ConcaveEnvelope[] env, double price, double[] x) {
        double v = price * capacity;
        for (int i = 0; i < x.length; i++) {
            ConcaveEnvelope e = env[i];
            double xi = demand(i, e, price);
            x[i] = xi;
            v += e.value(f[i], xi) - price * xi;
        }
        return v;
    }

    private double demand(int i, ConcaveEnvelope e, double price) {
        if (!(e.u() > e.l()) || price >= e.slope()) {
            return e.l();
        }
        double w = e.w();
        double u = e.u();
        if (w >= u) {
            return u;
        }
        Sigmoid fi = f[i];
        if (e.du() >= price) {
            return u;
        }
        if (e.dw() <= price) {
            return w;
        }
        // f' is decreasing on [w, u]: solve f'(x) = price
        double x = ConcaveRoot.root(fi, w, u, price, warm[i], 1e-13 * (u - e.l()), scratch, null);
        warm[i] = x;
        return x;
    }

    /**
     * The feasible relaxed point between the demands at the two bracket ends (sum(xhi) ≤ C <
     * sum(xlo)); returns its envelope value. Without a jump in the bracket the demands are
     * interpolated linearly (first order in the bracket width, exact in the limit); with jumps the
     * continuous variables are filled first and then the jumping ones, whole, in index order.
     */
    private double fill(ConcaveEnvelope[] env, double[] xlo, double[] xhi, double[] out) {
        int n = out.length;
        double left = capacity;
        double continuous = 0;
        boolean anyJump = false;
        for (int i = 0; i < n; i++) {
            out[i] = xhi[i];
            left -= xhi[i];
            if (jumps(env[i], xlo[i], xhi[i])) {
                anyJump = true;
            } else {
                continuous += xlo[i] - xhi[i];
            }
        }
        if (left > 0 && !anyJump && continuous > 0) {
            double theta = Math.min(1, left / continuous);
            for (int i = 0; i < n; i++) {
                out[i] = xhi[i] + theta * (xlo[i] - xhi[i]);
            }
            return envelopeValue(env, out);
        }
        for (int pass = 0; pass < 2 && left > 0; pass++) {
            for (int i = 0; i < n && left > 0; i++) {
                if (jumps(env[i], xlo[i], xhi[i]) == (pass == 1)) {
                    double add = Math.min(left, xlo[i] - xhi[i]);
                    if (add > 0) {
                        out[i] = xhi[i] + add;
                        left -= add;
                    }
                }
            }
        }
        return envelopeValue(env, out);
    }

    private static boolean jumps(ConcaveEnvelope e, double xlo, double xhi) {
        return xhi <= e.l() && xlo > e.l() && e.hasChord();
    }
}
