package org.mecopt.numeric.sigmoidal;

import java.util.Arrays;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * A sigmoidal program with one capacity constraint:
 * {@code maximize Σ_i f_i(x_i) s.t. Σ_i x_i ≤ capacity, lower ≤ x ≤ upper}, each {@code f_i}
 * sigmoidal on {@code [lower_i, upper_i]}. Validated at construction; bad fields are named.
 *
 * <p>For general linear constraints {@code Ax ≤ b} use {@link LinearSigmoidalProgram}, whose
 * relaxations go through the toolkit's interior-point method.
 *
 * @param functions the sigmoids {@code f_i}
 * @param lower lower bounds {@code l_i} (finite)
 * @param upper upper bounds {@code u_i ≥ l_i} (finite)
 * @param capacity the right-hand side C of {@code Σ x ≤ C}
 */
public record SigmoidalProgram(List<Sigmoid> functions, double[] lower, double[] upper, double capacity) {

    public SigmoidalProgram {
        functions = List.copyOf(Check.present("functions", functions));
        Check.atLeast("functions.length", functions.size(), 1);
        Check.present("lower", lower);
        Check.present("upper", upper);
        if (lower.length != functions.size()) {
            throw new InvalidInstanceException("lower.length", lower.length, "must equal " + functions.size());
        }
        if (upper.length != functions.size()) {
            throw new InvalidInstanceException("upper.length", upper.length, "must equal " + functions.size());
        }
        for (int i = 0; i < lower.length; i++) {
            if (!Double.isFinite(lower[i])) {
                throw new InvalidInstanceException("lower[" + i + "]", lower[i], "must be finite");
            }
            if (!Double.isFinite(upper[i])) {
                throw new InvalidInstanceException("upper[" + i + "]", upper[i], "must be finite");
            }
            Check.ordered("lower[" + i + "]", lower[i], "upper[" + i + "]", upper[i]);
        }
        if (!Double.isFinite(capacity)) {
            throw new InvalidInstanceException("capacity", capacity, "must be finite");
        }
        lower = lower.clone();
        upper = upper.clone();
    }

    /** Every variable in {@code [0, capacity]}. */
    public static SigmoidalProgram ofCapacity(List<? extends Sigmoid> functions, double capacity) {
        Check.nonNegative("capacity", capacity);
        double[] l = new double[functions.size()];
        double[] u = new double[functions.size()];
        Arrays.fill(u, capacity);
        return new SigmoidalProgram(List.copyOf(functions), l, u, capacity);
    }

    public int size() {
        return functions.size();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    /** {@code Σ f_i(x_i)}. */
    public double value(double[] x) {
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += functions.get(i).value(x[i]);
        }
        return sum;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigmoidalProgram p && functions.equals(p.functions) && Arrays.equals(lower, p.lower)
                && Arrays.equals(upper, p.upper) && capacity == p.capacity;
    }

    @Override
    public int hashCode() {
        return 31 * functions.hashCode() + Arrays.hashCode(lower) + 17 * Arrays.hashCode(upper);
    }

    @Override
    public String toString() {
        return "SigmoidalProgram[n=" + size() + ", capacity=" + capacity + "]";
    }
}
