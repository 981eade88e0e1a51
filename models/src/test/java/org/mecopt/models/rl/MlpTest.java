package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mecopt.models.learning.Djl;

/** The plain-Java forward pass against DJL's on the same parameters, and its file round trip. */
class MlpTest {

    @ParameterizedTest
    @CsvSource({"4, 120:84, 2, IDENTITY, false", "3, 64:64, 1, TANH, false", "7, 16, 3, IDENTITY, false",
        "2, '', 2, TANH, false", "14, 64:64, 2, SIGMOID, true", "6, 32:32:32, 1, IDENTITY, true", "3, 8, 2, SIGMOID, false"})
    void matchesTheEngineAndSurvivesAFile(int in, String hidden, int out, Mlp.Output output, boolean layerNorm,
                                          @TempDir Path dir) throws Exception {
        Djl.offline();
        int[] h = hidden.isEmpty() ? new int[0]
                : java.util.Arrays.stream(hidden.split(":")).mapToInt(Integer::parseInt).toArray();
        Random random = new Random(in * 31L + out);
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(3);
            Block block = Networks.initialize(Networks.mlp(in, h, out, output, layerNorm), manager, in);
            for (ai.djl.util.Pair<String, ai.djl.nn.Parameter> p : block.getParameters()) {
                ai.djl.nn.Parameter.Type type = p.getValue().getType();
                if (type == ai.djl.nn.Parameter.Type.GAMMA || type == ai.djl.nn.Parameter.Type.BETA) {
                    // away from the initial scale 1 and shift 0, so both are exercised
                    float[] v = new float[(int) p.getValue().getArray().size()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = (float) (type == ai.djl.nn.Parameter.Type.GAMMA ? 0.5 + random.nextDouble()
                                : random.nextGaussian() * 0.3);
                    }
                    p.getValue().getArray().set(v);
                }
            }
            Mlp mlp = Mlp.of(block, output);
            assertEquals(layerNorm && h.length > 0, mlp.layerNormed());
            mlp.save(dir.resolve("q.mlp"));
            Mlp loaded = Mlp.load(dir.resolve("q.mlp"));
            assertArrayEquals(new int[] {in}, java.util.Arrays.copyOf(loaded.sizes(), 1));
            assertEquals(out, loaded.outputSize());
            for (int trial = 0; trial < 10; trial++) {
                float[] x = new float[in];
                double[] xd = new double[in];
                for (int i = 0; i < in; i++) {
                    x[i] = (float) (3 * random.nextGaussian());
                    xd[i] = x[i];
                }
                float[] expected;
                try (NDManager m = manager.newSubManager()) {
                    NDArray input = m.create(x, new Shape(1, in));
                    expected = block.forward(new ParameterStore(m, false), new NDList(input), false)
                            .singletonOrThrow().toFloatArray();
                }
                double[] actual = mlp.forward(xd);
                double[] again = loaded.forward(xd);
                for (int j = 0; j < out; j++) {
                    assertEquals(expected[j], actual[j], 1e-5 * (1 + Math.abs(expected[j])), "output " + j);
                    assertEquals(actual[j], again[j], 0.0, "the loaded network is the same");
                }
            }
            assertThrows(IllegalArgumentException.class, () -> mlp.forward(new double[in + 1]));
        }
    }
}
