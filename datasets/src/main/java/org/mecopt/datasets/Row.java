package org.mecopt.datasets;

import org.mecopt.api.Tensor;
import java.util.Map;
import java.util.Objects;

/**
 * One labelled sample: the instance's features and the solver's answer.
 *
 * @param index the sample's index in {@code [0, samples)}
 * @param sampleSeed the seed the instance was generated from ({@link SampleSeeds#of})
 * @param features the instance's arrays by name (insertion order = column order)
 * @param label the solution's variables by name
 * @param objective the problem's objective at the solution
 * @param bound a proven bound on the optimum, or null
 * @param gap the relative gap between objective and bound, or null
 * @param status the solver's {@link org.mecopt.api.Status} name
 * @param solveTimeMillis wall time of the solve (the only field that differs between runs)
 * @param iterations solver iterations
 * @param message the solver's note (empty when none)
 */
public record Row(long index, long sampleSeed, Map<String, Tensor> features, Map<String, Tensor> label,
                  double objective, Double bound, Double gap, String status, double solveTimeMillis,
                  long iterations, String message) {

    public Row {
        features = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(features));
        label = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(label));
        message = message == null ? "" : message;
    }

    /** Equal in everything but the solve time, which is measured wall time (used for determinism checks). */
    public boolean sameSample(Row o) {
        return index == o.index && sampleSeed == o.sampleSeed && features.equals(o.features)
                && label.equals(o.label) && Double.compare(objective, o.objective) == 0
                && Objects.equals(bound, o.bound) && Objects.equals(gap, o.gap) && status.equals(o.status)
                && iterations == o.iterations && message.equals(o.message);
    }
}
