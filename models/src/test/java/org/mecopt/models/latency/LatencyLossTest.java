package org.mecopt.models.latency;

import org.mecopt.models.learning.Djl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.Baselines;
import org.mecopt.latency.LatencyInstance;

/**
 * The tensor latency of {@link LatencyLoss} against {@link LatencyInstance#solutionFor}, in double
 * precision (the random powers include gaps above the loss's cap of 10).
 */
class LatencyLossTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void relativeGapMatchesTheInstancesOwnLatency(boolean localComputing) {
        Djl.offline();
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 5, 24, 3)
                .withLocalComputing(localComputing);
        Random random = new Random(3);
        List<LatencyInstance> instances = new ArrayList<>();
        List<double[][]> powers = new ArrayList<>();
        double[] reference = new double[40];
        for (int s = 0; s < reference.length; s++) {
            LatencyInstance instance = LatencyGenerator.generate(config, 100 + s);
            double[][] p = new double[3][5];
            for (int u = 0; u < 5; u++) {
                double left = 1;
                for (int n = 0; n < 3; n++) {
                    // some zeros (a user off a subcarrier, or silent altogether) among random shares
                    p[n][u] = random.nextInt(4) == 0 ? 0 : left * random.nextDouble();
                    left -= p[n][u];
                }
            }
            if (localComputing && s % 10 == 0) {
                p[0][0] = p[1][0] = p[2][0] = 0; // zero rate: τ = the local time, not a division by zero
            }
            instances.add(instance);
            powers.add(p);
            reference[s] = instance.objective(instance.solutionFor(Baselines.equalPower(instance)));
        }
        try (NDManager m = NDManager.newBaseManager()) {
            NDList constants = LatencyLoss.constants(m, instances, reference);
            float[] flat = new float[reference.length * 15];
            for (int s = 0; s < reference.length; s++) {
                for (int n = 0; n < 3; n++) {
                    for (int u = 0; u < 5; u++) {
                        flat[s * 15 + n * 5 + u] = (float) powers.get(s)[n][u];
                    }
                }
            }
            NDArray power = m.create(flat, new Shape(reference.length, 15));
            power.setRequiresGradient(true);
            float[] gap;
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray g = LatencyLoss.relativeGap(power, constants);
                gap = g.toFloatArray();
                gc.backward(g.mean());
            }
            for (int s = 0; s < reference.length; s++) {
                LatencyInstance instance = instances.get(s);
                // the instance's own latency of the float-rounded powers, in double precision
                double[][] p = new double[3][5];
                for (int n = 0; n < 3; n++) {
                    for (int u = 0; u < 5; u++) {
                        p[n][u] = flat[s * 15 + n * 5 + u];
                    }
                }
                double expected = Math.min(10, instance.objective(instance.solutionFor(p)) / reference[s] - 1); // capped
                assertEquals(expected, gap[s], 1e-4 * (1 + Math.abs(expected)), "sample " + s);
            }
            for (float d : power.getGradient().toFloatArray()) {
                assertTrue(Float.isFinite(d), "finite gradient");
            }
        }
    }
}
