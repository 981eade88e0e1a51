package org.mecopt.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.nio.FloatBuffer;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plain-Java forward pass against DJL's, on the same random parameters (batch norm statistics included). */
class CpuForwardTest {

    @ParameterizedTest
    @CsvSource({"4, 10, 10, softmax-slack", "4, 10, 10, regression", "3, 5, 7, softmax-slack", "1, 3, 64, softmax-slack",
            "2, 1, 1, regression"})
    void matchesTheEngine(int n, int k, int width, String head) {
        Djl.offline();
        Architecture arch = Architecture.paper(n, k, width, Head.parse(head));
        Random random = new Random(n * 1000L + k * 10L + width);
        try (Model model = LatencyModel.newModel(arch)) {
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, arch.inputShape(1));
            for (Pair<String, Parameter> p : model.getBlock().getParameters()) {
                NDArray a = p.getValue().getArray();
                float[] v = new float[(int) a.size()];
                boolean variance = p.getKey().endsWith("runningVar");
                for (int i = 0; i < v.length; i++) {
                    v[i] = variance ? 0.2f + random.nextFloat() : (float) (0.3 * random.nextGaussian());
                }
                a.set(FloatBuffer.wrap(v));
            }
            LatencyModel m = new LatencyModel(model, arch, Features.GAIN, 0, 1, Head.Scale.none(arch.outputSize()), null);
            CpuForward cpu = CpuForward.of(model.getBlock(), arch);
            for (int trial = 0; trial < 5; trial++) {
                float[] x = new float[n * k * width];
                for (int i = 0; i < x.length; i++) {
                    x[i] = (float) random.nextGaussian();
                }
                float[] expected = m.forward(x, 1);
                float[] actual = cpu.forward(x);
                assertEquals(expected.length, actual.length);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(expected[i], actual[i], 2e-5 * (1 + Math.abs(expected[i])), "output " + i);
                }
            }
        }
    }
}
