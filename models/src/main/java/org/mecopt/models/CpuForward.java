package org.mecopt.models;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.Map;

/**
 * The trained network's forward pass for one instance in plain Java, with the parameters copied out
 * of the DJL block once.
 *
 * <p>Why write it: at batch 1 this network is small (about 0.35 M multiply-adds at K = 10, N = 4)
 * and DJL's cost is a fixed overhead per operation (a JNI call and a tensor allocation for each of
 * some fifteen operations), which made one prediction take 1.5–3 ms, slower than the ICA solve it
 * replaces would allow. The same arithmetic in Java loops takes a few tens of microseconds. DJL
 * remains the engine for training and for batched inference; {@code CpuForwardTest} checks this
 * class against DJL's forward on the same parameters.
 *
 * <p>Every inner loop is written as {@code y[j] += a · x[j]} over a contiguous range so that the JIT
 * vectorizes it (a dot-product reduction in floats would not be, for its fixed summation order):
 * weights are stored transposed where that is needed, and the convolution runs over the input padded
 * by one on each side, computing a row of garbage columns that the pooling step skips. Batch norm is
 * in inference mode (running statistics, ε = 1e-5, DJL's default). Not thread-safe: one instance per
 * thread (its scratch arrays are reused).
 */
final class CpuForward {
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    private final Architecture arch;
    private final int filters;
    private final int hiddenSize;
    private final float[] convWeight;     // [f][c][dy][dx]
    private final float[] convScale;      // conv bias and batch norm folded: y = scale·(conv) + shift
    private final float[] convShift;
    private final float[] inputWeightT;   // [i][4H]
    private final float[] hiddenWeightT;  // [h][4H]
    private final float[] gateBias;       // [4H]: i2h + h2h biases
    private final float[] flatScale;      // batch norm over the flattened LSTM output
    private final float[] flatShift;
    private final float[] denseWeightT;   // [in][out]
    private final float[] denseBias;

    private final int padW;
    private final float[] padded;
    private final float[] conv;
    private final float[] sequence;
    private final float[] gates;
    private final float[] hidden;
    private final float[] cell;
    private final float[] flat;
    private final float[] dense;

    private CpuForward(Architecture arch, Map<String, float[]> p) {
        this.arch = arch;
        this.filters = arch.filters();
        this.hiddenSize = arch.lstmUnits();
        int c = arch.channels();
        int h = arch.height();
        int w = arch.width();
        int k = arch.kernel();
        convWeight = p.get("Conv2d_weight");
        float[] convBias = p.get("Conv2d_bias");
        float[][] bn = batchNorm(p, "02BatchNorm");
        convScale = bn[0];
        convShift = new float[filters];
        for (int f = 0; f < filters; f++) {
            convShift[f] = bn[1][f] + bn[0][f] * convBias[f];
        }
        int steps = h / arch.poolRows();
        int stepSize = filters * (w / arch.poolCols());
        int gateSize = 4 * hiddenSize;
        inputWeightT = transpose(p.get("LSTM_l_0_i2h_WEIGHT"), gateSize, stepSize);
        hiddenWeightT = transpose(p.get("LSTM_l_0_h2h_WEIGHT"), gateSize, hiddenSize);
        gateBias = new float[gateSize];
        float[] bi = p.get("LSTM_l_0_i2h_BIAS");
        float[] bh = p.get("LSTM_l_0_h2h_BIAS");
        for (int g = 0; g < gateSize; g++) {
            gateBias[g] = bi[g] + bh[g];
        }
        float[][] flatBn = batchNorm(p, "08BatchNorm");
        flatScale = flatBn[0];
        flatShift = flatBn[1];
        float[] dw = p.get("Linear_weight");
        denseBias = p.get("Linear_bias");
        denseWeightT = transpose(dw, denseBias.length, steps * hiddenSize);

        padW = w + k - 1;
        padded = new float[c * (h + k - 1) * padW + k]; // + k: the last garbage columns read past the end
        conv = new float[filters * h * padW];
        sequence = new float[steps * stepSize];
        gates = new float[gateSize];
        hidden = new float[hiddenSize];
        cell = new float[hiddenSize];
        flat = new float[steps * hiddenSize];
        dense = new float[denseBias.length];
    }

    /** Copies the parameters of a trained (or initialized) block of {@code arch}. */
    static CpuForward of(Block block, Architecture arch) {
        if (arch.kernel() % 2 != 1) {
            throw new IllegalArgumentException("kernel must be odd for same padding, got " + arch.kernel());
        }
        Map<String, float[]> p = new HashMap<>();
        for (Pair<String, Parameter> e : block.getParameters()) {
            NDArray a = e.getValue().getArray();
            String key = e.getKey();
            // "01Conv2d_weight" → "Conv2d_weight", but keep the two batch norms apart by their prefix
            p.put(key.contains("BatchNorm") ? key : key.substring(2), a.toFloatArray());
        }
        return new CpuForward(arch, p);
    }

    /** Folds inference-mode batch norm into {@code y = scale·x + shift}. */
    private static float[][] batchNorm(Map<String, float[]> p, String prefix) {
        float[] gamma = p.get(prefix + "_gamma");
        float[] beta = p.get(prefix + "_beta");
        float[] mean = p.get(prefix + "_runningMean");
        float[] var = p.get(prefix + "_runningVar");
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int i = 0; i < gamma.length; i++) {
            scale[i] = (float) (gamma[i] / Math.sqrt(var[i] + BATCH_NORM_EPSILON));
            shift[i] = beta[i] - scale[i] * mean[i];
        }
        return new float[][] {scale, shift};
    }

    /** {@code m} (rows × cols, row-major) transposed. */
    private static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = m[r * cols + c];
            }
        }
        return t;
    }

    /** The network's output for one standardized input {@code x} ([c][h][w]). */
    float[] forward(float[] x) {
        int c = arch.channels();
        int h = arch.height();
        int w = arch.width();
        int k = arch.kernel();
        int half = k / 2;
        // zero-padded input, rows of width padW
        java.util.Arrays.fill(padded, 0);
        int padH = h + k - 1;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                System.arraycopy(x, (ch * h + y) * w, padded, (ch * padH + y + half) * padW + half, w);
            }
        }
        // convolution: conv[f][y·padW + x] for x < w (columns w … padW−1 are garbage)
        int area = h * padW;
        java.util.Arrays.fill(conv, 0);
        for (int f = 0; f < filters; f++) {
            int out = f * area;
            for (int ch = 0; ch < c; ch++) {
                for (int dy = 0; dy < k; dy++) {
                    for (int dx = 0; dx < k; dx++) {
                        float wt = convWeight[((f * c + ch) * k + dy) * k + dx];
                        int in = (ch * padH + dy) * padW + dx;
                        for (int j = 0; j < area; j++) {
                            conv[out + j] += wt * padded[in + j];
                        }
                    }
                }
            }
        }
        // batch norm, ReLU, max-pool → sequence: step = pooled row, features [f][pooled column]
        int pr = arch.poolRows();
        int pc = arch.poolCols();
        int steps = h / pr;
        int cols = w / pc;
        int stepSize = filters * cols;
        for (int f = 0; f < filters; f++) {
            float s = convScale[f];
            float b = convShift[f];
            for (int t = 0; t < steps; t++) {
                for (int q = 0; q < cols; q++) {
                    float m = 0; // ReLU then max = max(0, max)
                    for (int dy = 0; dy < pr; dy++) {
                        for (int dx = 0; dx < pc; dx++) {
                            m = Math.max(m, s * conv[f * area + (t * pr + dy) * padW + q * pc + dx] + b);
                        }
                    }
                    sequence[t * stepSize + f * cols + q] = m;
                }
            }
        }
        // LSTM, PyTorch's gate order (input, forget, cell, output)
        int hs = hiddenSize;
        int gateSize = 4 * hs;
        java.util.Arrays.fill(hidden, 0);
        java.util.Arrays.fill(cell, 0);
        for (int t = 0; t < steps; t++) {
            System.arraycopy(gateBias, 0, gates, 0, gateSize);
            for (int i = 0; i < stepSize; i++) {
                float v = sequence[t * stepSize + i];
                if (v != 0) { // post-ReLU inputs are often zero
                    int row = i * gateSize;
                    for (int g = 0; g < gateSize; g++) {
                        gates[g] += v * inputWeightT[row + g];
                    }
                }
            }
            for (int i = 0; i < hs; i++) {
                float v = hidden[i];
                int row = i * gateSize;
                for (int g = 0; g < gateSize; g++) {
                    gates[g] += v * hiddenWeightT[row + g];
                }
            }
            for (int j = 0; j < hs; j++) {
                float in = sigmoid(gates[j]);
                float forget = sigmoid(gates[hs + j]);
                float candidate = tanh(gates[2 * hs + j]);
                float out = sigmoid(gates[3 * hs + j]);
                cell[j] = forget * cell[j] + in * candidate;
                hidden[j] = out * tanh(cell[j]);
                flat[t * hs + j] = flatScale[t * hs + j] * hidden[j] + flatShift[t * hs + j];
            }
        }
        // dense
        System.arraycopy(denseBias, 0, dense, 0, dense.length);
        for (int i = 0; i < flat.length; i++) {
            float v = flat[i];
            int row = i * dense.length;
            for (int o = 0; o < dense.length; o++) {
                dense[o] += v * denseWeightT[row + o];
            }
        }
        return arch.outputHead() == Head.REGRESSION ? dense.clone() : softmaxSlack(dense);
    }

    private static float sigmoid(float v) {
        return (float) (1 / (1 + Math.exp(-v)));
    }

    /** {@code tanh} through {@code Math.exp}, which the JIT intrinsifies ({@code Math.tanh} it does not). */
    private static float tanh(float v) {
        return (float) (1 - 2 / (Math.exp(2.0 * v) + 1));
    }

    /** Per user a softmax over its N + 1 logits; the first N are {@code power[n][k]}, flattened [n][k]. */
    private float[] softmaxSlack(float[] logits) {
        int n = arch.subcarriers();
        int users = arch.users();
        float[] out = new float[n * users];
        for (int u = 0; u < users; u++) {
            int base = u * (n + 1);
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i <= n; i++) {
                max = Math.max(max, logits[base + i]);
            }
            double sum = 0;
            for (int i = 0; i <= n; i++) {
                sum += Math.exp(logits[base + i] - max);
            }
            for (int s = 0; s < n; s++) {
                out[s * users + u] = (float) (Math.exp(logits[base + s] - max) / sum);
            }
        }
        return out;
    }
}
