package org.mecopt.models.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Map;
import org.mecopt.models.learning.Batch;
import org.mecopt.models.learning.Objective;
import org.mecopt.models.learning.Standardization;
import org.mecopt.models.learning.WeightedLoss;

/**
 * The CNN-LSTM's training loss on its one head: MSE to the (normalized) ICA labels, plus
 * {@code latencyWeight} times the mean relative latency gap of the predicted powers ({@link LatencyLoss}).
 * A batch's context is the targets, then the latency loss's constants when that term is used.
 */
record LatencyObjective(Architecture arch, Standardization standardization, Head.Scale scale, double latencyWeight)
        implements Objective<LatencyData.Sample> {
    static final String MSE = "mse";
    static final String LATENCY_GAP = "latencyGap";

    /** The terms' weights, as the manifest records them on the head. */
    Map<String, Double> weights() {
        return latencyWeight > 0 ? Map.of(MSE, 1.0, LATENCY_GAP, latencyWeight) : Map.of(MSE, 1.0);
    }

    private WeightedLoss loss() {
        return new WeightedLoss(List.of(
                new WeightedLoss.Term(MSE, 1, (out, b) -> out.singletonOrThrow().sub(b.context().get(0)).square().mean()),
                new WeightedLoss.Term(LATENCY_GAP, latencyWeight, (out, b) ->
                        LatencyLoss.relativeGap(out.singletonOrThrow(), b.context().subNDList(1)).mean())));
    }

    @Override
    public Batch batch(NDManager m, List<LatencyData.Sample> batch) {
        int per = arch.channels() * arch.height() * arch.width();
        int out = arch.outputSize();
        float[] x = new float[batch.size() * per];
        float[] y = new float[batch.size() * out];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(standardization.apply(batch.get(i).raw()), 0, x, i * per, per);
            double[] t = batch.get(i).target();
            for (int j = 0; j < out; j++) {
                y[i * out + j] = (float) scale.normalize(j, t[j]);
            }
        }
        NDList context = new NDList(m.create(y, new Shape(batch.size(), out)));
        if (latencyWeight > 0) {
            context.addAll(LatencyLoss.constants(m, batch.stream().map(LatencyData.Sample::instance).toList(),
                    batch.stream().mapToDouble(LatencyData.Sample::icaLatency).toArray()));
        }
        return new Batch(new NDList(m.create(x, arch.inputShape(batch.size()))), context);
    }

    @Override
    public NDArray loss(NDList outputs, Batch batch) {
        return loss().value(outputs, batch);
    }
}
