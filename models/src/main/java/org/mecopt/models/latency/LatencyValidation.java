package org.mecopt.models.latency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.io.Json;
import org.mecopt.latency.Baselines;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.models.learning.Quantiles;

/**
 * The trained network alone on the validation split, against the ICA labels: the relative latency
 * gaps {@code τ_model/τ_ICA − 1}, equal power's, and the share of raw outputs already feasible.
 */
record LatencyValidation(double meanGap, double medianGap, double meanGapEqualPower, double feasibleShare) {
    /** Engine batches of this many instances. */
    private static final int BATCH = 1024;

    static LatencyValidation of(LatencyModel model, List<LatencyData.Sample> validation) {
        List<LatencyInstance> instances = validation.stream().map(LatencyData.Sample::instance).toList();
        List<Head.Prediction> predictions = new ArrayList<>();
        for (int from = 0; from < instances.size(); from += BATCH) {
            predictions.addAll(model.predict(instances.subList(from, Math.min(instances.size(), from + BATCH))));
        }
        double[] gaps = new double[instances.size()];
        double equalPowerSum = 0;
        int feasible = 0;
        for (int i = 0; i < instances.size(); i++) {
            LatencyInstance instance = instances.get(i);
            double ica = validation.get(i).icaLatency();
            gaps[i] = instance.objective(predictions.get(i).solution()) / ica - 1;
            equalPowerSum += instance.objective(instance.solutionFor(Baselines.equalPower(instance))) / ica - 1;
            feasible += predictions.get(i).feasibleRaw() ? 1 : 0;
        }
        double mean = java.util.Arrays.stream(gaps).average().orElse(Double.NaN); // compensated, in dataset order
        double[] sorted = java.util.Arrays.stream(gaps).sorted().toArray();
        return new LatencyValidation(mean, Quantiles.of(sorted, 0.5),
                equalPowerSum / gaps.length, feasible / (double) gaps.length);
    }

    /** The manifest's metrics beside the loop's. */
    ObjectNode addTo(ObjectNode metrics) {
        metrics.put("validationMeanGapToIca", meanGap);
        metrics.put("validationMedianGapToIca", medianGap);
        metrics.put("validationMeanGapEqualPowerToIca", meanGapEqualPower);
        metrics.put("validationFeasibleShare", feasibleShare);
        metrics.put("validationFeasibleShareTolerance", Head.FLOAT_SLACK); // raw outputs judged up to float32 rounding
        return metrics;
    }

    static ObjectNode empty() {
        return Json.mapper().createObjectNode();
    }
}
