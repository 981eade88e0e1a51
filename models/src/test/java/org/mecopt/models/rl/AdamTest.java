package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

/**
 * Our Adam against a plain-Java textbook Adam (Kingma and Ba, Algorithm 1) on a linear layer whose
 * gradient is known in closed form: for the loss {@code Σ_b Σ_j (W x_b + c)_j · u_j}, ∂/∂W = u xᵀ
 * summed over the batch and ∂/∂c = B·u, whatever the parameters, so a gradient accumulated across
 * updates (not cleared by {@link Adam#step}) would show.
 */
class AdamTest {
    private static final float[] X = {1f, -2f, 0.5f, 3f, 0f, -1f}; // two samples of 3
    private static final float[] U = {0.7f, -1.3f};

    private static float[][] analyticGradients() {
        float[] w = new float[6]; // 2 × 3
        float[] c = new float[2];
        for (int b = 0; b < 2; b++) {
            for (int j = 0; j < 2; j++) {
                for (int i = 0; i < 3; i++) {
                    w[j * 3 + i] += U[j] * X[b * 3 + i];
                }
                c[j] += U[j];
            }
        }
        return new float[][] {w, c};
    }

    private static List<float[]> parameters(Block b) {
        List<float[]> out = new ArrayList<>();
        b.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static void backward(Block block, NDManager manager) {
        try (NDManager m = manager.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            NDArray y = block.forward(new ParameterStore(m, false), new NDList(m.create(X, new Shape(2, 3))), true)
                    .singletonOrThrow();
            gc.backward(y.mul(m.create(U, new Shape(1, 2))).sum());
        }
    }

    @Test
    void matchesTextbookAdamAndResumesFromItsSavedState() throws Exception {
        Djl.offline();
        double lr = 0.01;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-8;
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(2);
            Block block = Networks.initialize(Networks.mlp(3, new int[0], 2, Mlp.Output.IDENTITY), manager, 3);
            Block twin = Networks.initialize(Networks.mlp(3, new int[0], 2, Mlp.Output.IDENTITY), manager, 3);
            Polyak.update(twin, block, 1);
            List<float[]> theta = parameters(block);
            double[][] p = {toDouble(theta.get(0)), toDouble(theta.get(1))};
            double[][] m = {new double[6], new double[2]};
            double[][] v = {new double[6], new double[2]};
            float[][] g = analyticGradients();
            Adam adam = new Adam(lr, b1, b2, eps);
            Adam resumed = new Adam(lr, b1, b2, eps);
            for (int t = 1; t <= 5; t++) {
                double scale = t == 4 ? 0.5 : 1; // one clipped step
                for (int k = 0; k < 2; k++) {
                    for (int i = 0; i < p[k].length; i++) {
                        double gi = g[k][i] * scale;
                        m[k][i] = b1 * m[k][i] + (1 - b1) * gi;
                        v[k][i] = b2 * v[k][i] + (1 - b2) * gi * gi;
                        double mHat = m[k][i] / (1 - Math.pow(b1, t));
                        double vHat = v[k][i] / (1 - Math.pow(b2, t));
                        p[k][i] -= lr * mHat / (Math.sqrt(vHat) + eps);
                    }
                }
                backward(block, manager);
                adam.step(block, scale);
                List<float[]> actual = parameters(block);
                for (int k = 0; k < 2; k++) {
                    assertArrayEquals(toFloat(p[k]), actual.get(k), 2e-6f, "step " + t + ", parameter " + k);
                }
                if (t == 2) {
                    // hand the state over to a second optimizer on a copy of the network
                    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                    adam.save(new DataOutputStream(bytes));
                    resumed.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), twin);
                    Polyak.update(twin, block, 1);
                } else if (t > 2) {
                    backward(twin, manager);
                    resumed.step(twin, scale);
                    assertArrayEquals(actual.get(0), parameters(twin).get(0), 0f, "the resumed optimizer, step " + t);
                }
            }
            assertEquals(5, adam.steps());
            assertEquals(5, resumed.steps());
        }
    }

    @Test
    void clipScaleBoundsTheGlobalNorm() {
        Djl.offline();
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.initialize(Networks.mlp(3, new int[0], 2, Mlp.Output.IDENTITY), manager, 3);
            backward(block, manager);
            double norm = 0;
            for (float[] g : analyticGradients()) {
                for (float x : g) {
                    norm += x * x;
                }
            }
            norm = Math.sqrt(norm);
            assertEquals(1.0, Adam.clipScale(block, norm * 2), 0);
            assertEquals(0.5, Adam.clipScale(block, norm / 2), 1e-6);
            assertEquals(1.0, Adam.clipScale(block, 0), 0);
        }
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    private static float[] toFloat(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            f[i] = (float) x[i];
        }
        return f;
    }
}
