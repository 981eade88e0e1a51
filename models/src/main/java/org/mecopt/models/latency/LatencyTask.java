package org.mecopt.models.latency;

import org.mecopt.api.InvalidInstanceException;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.models.learning.LearningTask;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.learning.Network;
import org.mecopt.models.learning.Standardization;

/**
 * Learning ICA's latency powers ({@value ModelManifest#LATENCY_TASK}): the instance's {@link Features}
 * standardized in, the {@link Head}'s output decoded to a feasible solution. Training's objective is
 * {@link LatencyObjective}.
 *
 * @param scale the regression head's label scale ({@link Head.Scale#none} for softmax-slack)
 */
public record LatencyTask(Architecture architecture, Features features, Standardization standardization,
                          Head.Scale scale) implements LearningTask<LatencyInstance, LatencySolution> {
    @Override
    public String name() {
        return ModelManifest.LATENCY_TASK;
    }

    @Override
    public Network network() {
        return architecture.network();
    }

    /** Throws unless the instance has the model's shape (K, N and, for magnitudes, M). */
    public void checkShape(LatencyInstance instance) {
        if (instance.userCount() != architecture.users() || instance.subcarrierCount() != architecture.subcarriers()) {
            throw new InvalidInstanceException("instance", instance,
                    "does not fit the model: it was trained for K=" + architecture.users() + ", N="
                            + architecture.subcarriers());
        }
        int w = features.width(instance);
        if (w != architecture.width()) {
            throw new InvalidInstanceException("channelMagnitude", "M=" + w,
                    "does not fit the model: it was trained for M=" + architecture.width());
        }
    }

    @Override
    public float[] encode(LatencyInstance instance) {
        checkShape(instance);
        return standardization.apply(features.raw(instance));
    }

    @Override
    public LatencySolution decode(LatencyInstance instance, float[] output, int offset) {
        return prediction(instance, output, offset).solution();
    }

    /** The decoded solution with whether the raw output was already feasible. */
    public Head.Prediction prediction(LatencyInstance instance, float[] output, int offset) {
        return architecture.outputHead().decode(output, offset, scale, instance);
    }
}
