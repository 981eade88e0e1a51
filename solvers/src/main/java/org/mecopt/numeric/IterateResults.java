package org.mecopt.numeric;

import org.mecopt.api.Status;

/** The {@link InteriorPointResult} of an iterate: a Phase II point with its bound, or a failure. */
final class IterateResults {
    private IterateResults() {
    }

    static InteriorPointResult result(Iterate it, Status status, int phaseOneIterations, String message) {
        int m = it.problem.inequalityCount();
        double[] x = java.util.Arrays.copyOf(it.y, it.n);
        double objective = it.problem.objective().value(x);
        double maxIneq = maxInequality(it, x, m);
        double rdn = Iterate.norm(it.rD, it.n);
        double rpn = Iterate.norm(it.rP, it.p);
        if (!Double.isFinite(objective) || !Double.isFinite(it.lastGap) || !Double.isFinite(rdn)
                || !Double.isFinite(rpn) || (m > 0 && !Double.isFinite(maxIneq)) || !Iterate.allFinite(x)) {
            status = Status.NUMERICAL_ERROR;
            message = "non-finite value at the final point (" + message + ")";
        }
        return new InteriorPointResult(status, x, java.util.Arrays.copyOf(it.lam, m),
                java.util.Arrays.copyOf(it.nu, it.p), objective, m == 0 ? 0 : it.lastGap, rpn, rdn, maxIneq,
                it.iterations, phaseOneIterations, message);
    }

    /** {@code max_i f_i(x)} over the m inequalities, a NaN counting as +∞; −∞ when m = 0. */
    private static double maxInequality(Iterate it, double[] x, int m) {
        double[] values = new double[m];
        it.problem.inequalityValues(x, values);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            max = Math.max(max, Double.isNaN(v) ? Double.POSITIVE_INFINITY : v);
        }
        return max;
    }

    /** A result whose point is not a Phase II iterate: gap and dual residual are +∞ (no bound). */
    static InteriorPointResult failure(Iterate it, Status status, int phaseOneIterations, String message) {
        int m = it.problem.inequalityCount();
        double[] x = java.util.Arrays.copyOf(it.y, it.n);
        double objective = it.problem.objective().value(x);
        double maxIneq = maxInequality(it, x, m);
        double[] r = new double[it.p];
        it.problem.equalityResiduals(x, r);
        return new InteriorPointResult(status, x, java.util.Arrays.copyOf(it.lam, m), new double[it.p], objective,
                Double.POSITIVE_INFINITY, Iterate.norm(r, it.p), Double.POSITIVE_INFINITY, maxIneq,
                it.phaseOne ? 0 : it.iterations, phaseOneIterations, message);
    }
}
