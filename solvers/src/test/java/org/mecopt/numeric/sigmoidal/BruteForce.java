package org.mecopt.numeric.sigmoidal;

/**
 * An independent reference for small sigmoidal programs with non-decreasing functions: a fine grid
 * over the first n−1 variables (the last takes what is left, capped by its bound, which is optimal
 * for a non-decreasing f), then a local polish that moves capacity between pairs with shrinking
 * steps. Shares no code with the solver.
 */
public final class BruteForce {
    private BruteForce() {
    }

    public record Best(double[] x, double value) {
    }

    public static Best maximize(SigmoidalProgram p, int grid) {
        int n = p.size();
        double[] l = p.lower();
        double[] u = p.upper();
        double[] x = new double[n];
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        int[] idx = new int[n - 1];
        while (true) {
            double used = 0;
            for (int i = 0; i < n - 1; i++) {
                x[i] = l[i] + (u[i] - l[i]) * idx[i] / grid;
                used += x[i];
            }
            double last = Math.min(u[n - 1], p.capacity() - used);
            if (last >= l[n - 1]) {
                x[n - 1] = last;
                double v = p.value(x);
                if (v > bestValue) {
                    bestValue = v;
                    best = x.clone();
                }
            }
            int k = 0;
            while (k < n - 1 && ++idx[k] > grid) {
                idx[k] = 0;
                k++;
            }
            if (k == n - 1) {
                break;
            }
        }
        if (best == null) {
            return null;
        }
        // polish: move capacity between pairs (or into slack) with shrinking steps
        double step = 0;
        for (int i = 0; i < n; i++) {
            step = Math.max(step, (u[i] - l[i]) / grid);
        }
        for (; step > 1e-12; step *= 0.5) {
            boolean improved = true;
            while (improved) {
                improved = false;
                for (int i = 0; i < n; i++) {
                    for (int j = -1; j < n; j++) {
                        if (i == j) {
                            continue;
                        }
                        double[] y = best.clone();
                        y[i] += step;
                        if (j >= 0) {
                            y[j] -= step;
                        }
                        double sum = 0;
                        boolean ok = y[i] <= u[i] && (j < 0 || y[j] >= l[j]);
                        for (double v : y) {
                            sum += v;
                        }
                        if (ok && sum <= p.capacity() + 1e-12) {
                            double v = p.value(y);
                            if (v > bestValue + 1e-15) {
                                bestValue = v;
                                best = y;
                                improved = true;
                            }
                        }
                    }
                }
            }
        }
        return new Best(best, bestValue);
    }
}
