package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mecopt.models.learning.Djl;

/** Incremental evaluation against the plain forward pass, over episodes of sparse input changes. */
class IncrementalMlpTest {

    @ParameterizedTest
    @CsvSource({"40, 32:16, 4, IDENTITY", "9, 5, 3, IDENTITY", "12, 8, 2, TANH"})
    void equalsTheFullForwardPassStepAfterStep(int in, String hidden, int out, Mlp.Output output) {
        Djl.offline();
        int[] h = java.util.Arrays.stream(hidden.split(":")).mapToInt(Integer::parseInt).toArray();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(in);
            Mlp mlp = Mlp.of(Networks.initialize(Networks.mlp(in, h, out, output), manager, in), output);
            IncrementalMlp fast = new IncrementalMlp(mlp);
            Random random = new Random(in);
            for (int episode = 0; episode < 5; episode++) {
                IncrementalMlp.Episode e = fast.begin();
                double[] x = new double[in];
                for (int i = 0; i < in; i++) {
                    x[i] = random.nextGaussian();
                }
                for (int step = 0; step < 30; step++) {
                    double[] expected = mlp.forward(x);
                    double[] actual = e.forward(x.clone());
                    for (int j = 0; j < out; j++) {
                        assertEquals(expected[j], actual[j], 1e-5 * (1 + Math.abs(expected[j])), "step " + step);
                    }
                    for (int c = random.nextInt(4); c >= 0; c--) {
                        x[random.nextInt(in)] = random.nextBoolean() ? 0 : 3 * random.nextGaussian();
                    }
                }
            }
        }
    }
}
