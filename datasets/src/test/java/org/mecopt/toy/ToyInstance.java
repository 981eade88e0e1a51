package org.mecopt.toy;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.Problem;

/**
 * The smallest problem that exercises a family plug-in: the point of the box {@code [0, cap]^n}
 * nearest to {@code target}, i.e. minimize {@code Σ (x_i − target_i)²}.
 */
public record ToyInstance(double[] target, double cap) implements Problem<ToySolution> {

    public ToyInstance {
        Check.present("target", target);
        Check.positive("cap", cap);
        target = target.clone();
    }

    @Override
    public String problemName() {
        return ToyFamily.NAME;
    }

    @Override
    public double objective(ToySolution s) {
        if (s.x().length != target.length) {
            return Double.POSITIVE_INFINITY;
        }
        double sum = 0;
        for (int i = 0; i < target.length; i++) {
            sum += (s.x()[i] - target[i]) * (s.x()[i] - target[i]);
        }
        return sum;
    }

    @Override
    public List<String> violations(ToySolution s) {
        List<String> v = new ArrayList<>();
        if (s.x().length != target.length) {
            v.add("x has " + s.x().length + " values, not " + target.length);
            return v;
        }
        for (int i = 0; i < target.length; i++) {
            if (!(s.x()[i] >= 0 && s.x()[i] <= cap)) {
                v.add("x[" + i + "] = " + s.x()[i] + " is outside [0, " + cap + "]");
            }
        }
        return v;
    }
}
