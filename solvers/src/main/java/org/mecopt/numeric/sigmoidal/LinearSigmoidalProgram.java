package org.mecopt.numeric.sigmoidal;

import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * A sigmoidal program with general linear constraints, as in SigmoidalProgramming.jl:
 * {@code maximize Σ_i f_i(x_i) s.t. A x ≤ b, lower ≤ x ≤ upper}. Solved by
 * {@link LinearSigmoidalProgramming}; with the single constraint {@code Σ x ≤ C} prefer
 * {@link SigmoidalProgram}, whose relaxation needs no convex solver. Keep the variables of order
 * one (the relaxations' convex solver uses absolute tolerances).
 *
 * @param functions the sigmoids {@code f_i}
 * @param lower finite lower bounds
 * @param upper finite upper bounds, {@code upper_i ≥ lower_i}
 * @param a the constraint matrix, {@code m × n} (m may be 0)
 * @param b the right-hand side, length m
 */
public record LinearSigmoidalProgram(List<Sigmoid> functions, double[] lower, double[] upper, double[][] a,
                                     double[] b) {

    public LinearSigmoidalProgram {
        functions = List.copyOf(Check.present("functions", functions));
        int n = Check.atLeast("functions.length", functions.size(), 1);
        Check.present("lower", lower);
        Check.present("upper", upper);
        Check.present("a", a);
        Check.present("b", b);
        if (lower.length != n || upper.length != n) {
            throw new InvalidInstanceException("lower/upper.length", lower.length + "/" + upper.length, "must equal " + n);
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(lower[i]) || !Double.isFinite(upper[i])) {
                throw new InvalidInstanceException("lower/upper[" + i + "]", lower[i] + "/" + upper[i], "must be finite");
            }
            Check.ordered("lower[" + i + "]", lower[i], "upper[" + i + "]", upper[i]);
        }
        if (a.length != b.length) {
            throw new InvalidInstanceException("a.length", a.length, "must equal b.length " + b.length);
        }
        double[][] copy = new double[a.length][];
        for (int r = 0; r < a.length; r++) {
            Check.present("a[" + r + "]", a[r]);
            if (a[r].length != n) {
                throw new InvalidInstanceException("a[" + r + "].length", a[r].length, "must equal " + n);
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(a[r][i])) {
                    throw new InvalidInstanceException("a[" + r + "][" + i + "]", a[r][i], "must be finite");
                }
            }
            if (!Double.isFinite(b[r])) {
                throw new InvalidInstanceException("b[" + r + "]", b[r], "must be finite");
            }
            copy[r] = a[r].clone();
        }
        lower = lower.clone();
        upper = upper.clone();
        a = copy;
        b = b.clone();
    }

    public int size() {
        return functions.size();
    }

    /** {@code Σ f_i(x_i)}. */
    public double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += functions.get(i).value(x[i]);
        }
        return sum;
    }

    /** The largest violation of {@code Ax ≤ b} and the bounds at x (≤ 0 when feasible). */
    public double maxViolation(double[] x) {
        double worst = Double.NEGATIVE_INFINITY;
        for (int r = 0; r < a.length; r++) {
            double v = -b[r];
            for (int i = 0; i < x.length; i++) {
                v += a[r][i] * x[i];
            }
            worst = Math.max(worst, v);
        }
        for (int i = 0; i < x.length; i++) {
            worst = Math.max(worst, Math.max(lower[i] - x[i], x[i] - upper[i]));
        }
        return worst;
    }
}
