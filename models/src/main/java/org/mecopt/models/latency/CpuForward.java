package org.mecopt.models.latency;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * <p>All the multiply-adds go through {@link #accumulate}, {@code y[j] += Σ_r a_r · x_r[j]} over whole
 * arrays, four rows at a time: the form HotSpot's C2 vectorizes (a float dot product it would not,
 * for its fixed summation order, nor, on JDK 17, an update with an offset into either array: measured
 * 4× slower), and four rows per pass load and store {@code y} a quarter as often (1.6× faster). So
 * weights are stored transposed, one array per input, and the convolution copies the input once per
 * kernel tap into its own array (im2col) over the input padded by one on each side, computing a row
 * of garbage columns that the pooling step skips. Batch norm is
 * in inference mode (running statistics, ε = 1e-5, DJL's default). Not thread-safe: one instance per
 * thread (its scratch arrays are reused).
 */
final class CpuForward {
    private static final float BATCH_NORM_EPSILON = 1e-5f;

    private final Architecture arch;
    private final int filters;
    private final int hiddenSize;
    private final float[][] convWeight;   // [f][c·k·k]
    private final float[] convScale;      // conv bias and batch norm folded: y = scale·(conv) + shift
    private final float[] convShift;
    private final float[][] inputWeightT;   // [i][4H]
    private final float[][] hiddenWeightT;  // [h][4H]
    private final float[] gateBias;       // [4H]: i2h + h2h biases
    private final float[] flatScale;      // batch norm over the flattened LSTM output
    private final float[] flatShift;
    private final float[][] hiddenLayerWeightT; // [in][hidden], null without a hidden layer
    private final float[] hiddenLayerBias;
    private final float[][] denseWeightT;   // [in][out]
    private final float[] denseBias;

    private final int padW;
    private final float[] padded;
    private final float[][] taps;         // [c][dy][dx] → the padded input shifted by the tap
    private final float[][] conv;         // [f][y·padW + x]
    private final float[][] sequence;     // [t][f·cols + q]
    private final float[] gates;
    private final float[] hidden;
    private final float[] cell;
    private final float[] flat;
    private final float[] hiddenLayer;
    private final float[] dense;

    private CpuForward(Architecture arch, Parameters p) {
        this.arch = arch;
        this.filters = arch.filters();
        this.hiddenSize = arch.lstmUnits();
        int c = arch.channels();
        int h = arch.height();
        int w = arch.width();
        int k = arch.kernel();
        convWeight = rows(p.get("Conv2d_weight", 0), filters, c * k * k);
        float[] convBias = p.get("Conv2d_bias", 0);
        float[][] bn = batchNorm(p, 0);
        convScale = bn[0];
        convShift = new float[filters];
        for (int f = 0; f < filters; f++) {
            convShift[f] = bn[1][f] + bn[0][f] * convBias[f];
        }
        int steps = h / arch.poolRows();
        int stepSize = filters * (w / arch.poolCols());
        int gateSize = 4 * hiddenSize;
        inputWeightT = transpose(p.get("LSTM_l_0_i2h_WEIGHT", 0), gateSize, stepSize);
        hiddenWeightT = transpose(p.get("LSTM_l_0_h2h_WEIGHT", 0), gateSize, hiddenSize);
        gateBias = new float[gateSize];
        float[] bi = p.get("LSTM_l_0_i2h_BIAS", 0);
        float[] bh = p.get("LSTM_l_0_h2h_BIAS", 0);
        for (int g = 0; g < gateSize; g++) {
            gateBias[g] = bi[g] + bh[g];
        }
        float[][] flatBn = batchNorm(p, 1);
        flatScale = flatBn[0];
        flatShift = flatBn[1];
        int denseIn = steps * hiddenSize;
        int head = 0;
        if (arch.hidden() > 0) {
            hiddenLayerBias = p.get("Linear_bias", 0);
            hiddenLayerWeightT = transpose(p.get("Linear_weight", 0), arch.hidden(), denseIn);
            denseIn = arch.hidden();
            head = 1;
        } else {
            hiddenLayerBias = null;
            hiddenLayerWeightT = null;
        }
        denseBias = p.get("Linear_bias", head);
        denseWeightT = transpose(p.get("Linear_weight", head), denseBias.length, denseIn);

        padW = w + k - 1;
        padded = new float[c * (h + k - 1) * padW + k]; // + k: the last garbage columns read past the end
        taps = new float[c * k * k][h * padW];
        conv = new float[filters][h * padW];
        sequence = new float[steps][stepSize];
        gates = new float[gateSize];
        hidden = new float[hiddenSize];
        cell = new float[hiddenSize];
        flat = new float[steps * hiddenSize];
        hiddenLayer = new float[Math.max(0, arch.hidden())];
        dense = new float[denseBias.length];
    }

    /** Copies the parameters of a trained (or initialized) block of {@code arch}. */
    static CpuForward of(Block block, Architecture arch) {
        if (arch.kernel() % 2 != 1) {
            throw new IllegalArgumentException("kernel must be odd for same padding, got " + arch.kernel());
        }
        Parameters p = new Parameters();
        for (Pair<String, Parameter> e : block.getParameters()) {
            p.add(e.getKey(), e.getValue().getArray().toFloatArray());
        }
        return new CpuForward(arch, p);
    }

    /**
     * The block's parameters by layer name and occurrence: DJL names them after their position in
     * the sequential block ({@code "02BatchNorm_gamma"}, {@code "09Linear_weight"}), which moves when
     * a layer is added, so they are looked up as the i-th {@code BatchNorm_gamma} or {@code Linear_weight}.
     */
    private static final class Parameters {
        private final Map<String, List<float[]>> byName = new HashMap<>();

        void add(String key, float[] values) {
            int digits = 0;
            while (digits < key.length() && Character.isDigit(key.charAt(digits))) {
                digits++;
            }
            byName.computeIfAbsent(key.substring(digits), x -> new ArrayList<>()).add(values);
        }

        float[] get(String name, int occurrence) {
            List<float[]> all = byName.get(name);
            if (all == null || all.size() <= occurrence) {
                throw new IllegalStateException("the block has no parameter " + name + " #" + occurrence);
            }
            return all.get(occurrence);
        }
    }

    /** Folds the {@code occurrence}-th batch norm, in inference mode, into {@code y = scale·x + shift}. */
    private static float[][] batchNorm(Parameters p, int occurrence) {
        float[] gamma = p.get("BatchNorm_gamma", occurrence);
        float[] beta = p.get("BatchNorm_beta", occurrence);
        float[] mean = p.get("BatchNorm_runningMean", occurrence);
        float[] var = p.get("BatchNorm_runningVar", occurrence);
        float[] scale = new float[gamma.length];
        float[] shift = new float[gamma.length];
        for (int i = 0; i < gamma.length; i++) {
            scale[i] = (float) (gamma[i] / Math.sqrt(var[i] + BATCH_NORM_EPSILON));
            shift[i] = beta[i] - scale[i] * mean[i];
        }
        return new float[][] {scale, shift};
    }

    /** {@code m} (rows × cols, row-major) as one array per row. */
    private static float[][] rows(float[] m, int rows, int cols) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(m, r * cols, (r + 1) * cols);
        }
        return out;
    }

    /** {@code m} (rows × cols, row-major) transposed, one array per column of {@code m}. */
    private static float[][] transpose(float[] m, int rows, int cols) {
        float[][] t = new float[cols][rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c][r] = m[r * cols + c];
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
        int tapCount = c * k * k;
        for (int ch = 0; ch < c; ch++) {
            for (int dy = 0; dy < k; dy++) {
                for (int dx = 0; dx < k; dx++) {
                    System.arraycopy(padded, (ch * padH + dy) * padW + dx, taps[(ch * k + dy) * k + dx], 0, area);
                }
            }
        }
        for (int f = 0; f < filters; f++) {
            java.util.Arrays.fill(conv[f], 0);
            accumulate(conv[f], convWeight[f], taps, tapCount);
        }
        // batch norm and ReLU in place, max-pool → sequence: step = pooled row, features [f][pooled column]
        int pr = arch.poolRows();
        int pc = arch.poolCols();
        int steps = h / pr;
        int cols = w / pc;
        int stepSize = filters * cols;
        for (int f = 0; f < filters; f++) {
            float s = convScale[f];
            float b = convShift[f];
            float[] out = conv[f];
            for (int j = 0; j < area; j++) {
                out[j] = Math.max(0, s * out[j] + b);
            }
            for (int t = 0; t < steps; t++) {
                float[] step = sequence[t];
                for (int q = 0; q < cols; q++) {
                    float m = 0;
                    for (int dy = 0; dy < pr; dy++) {
                        int at = (t * pr + dy) * padW + q * pc;
                        for (int dx = 0; dx < pc; dx++) {
                            m = Math.max(m, out[at + dx]);
                        }
                    }
                    step[f * cols + q] = m;
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
            accumulate(gates, sequence[t], inputWeightT, stepSize);
            accumulate(gates, hidden, hiddenWeightT, hs);
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
        // [hidden dense layer with ReLU,] dense head
        float[] headInput = flat;
        if (hiddenLayerWeightT != null) {
            System.arraycopy(hiddenLayerBias, 0, hiddenLayer, 0, hiddenLayer.length);
            accumulate(hiddenLayer, flat, hiddenLayerWeightT, flat.length);
            for (int j = 0; j < hiddenLayer.length; j++) {
                hiddenLayer[j] = Math.max(0, hiddenLayer[j]);
            }
            headInput = hiddenLayer;
        }
        System.arraycopy(denseBias, 0, dense, 0, dense.length);
        accumulate(dense, headInput, denseWeightT, headInput.length);
        return arch.outputHead() == Head.REGRESSION ? dense.clone() : softmaxSlack(dense);
    }

    /** {@code y[j] += Σ_{r < count} a[r] · x[r][j]} for every j, four rows per pass over y. */
    private static void accumulate(float[] y, float[] a, float[][] x, int count) {
        int n = y.length;
        int r = 0;
        for (; r + 3 < count; r += 4) {
            float a0 = a[r];
            float a1 = a[r + 1];
            float a2 = a[r + 2];
            float a3 = a[r + 3];
            float[] x0 = x[r];
            float[] x1 = x[r + 1];
            float[] x2 = x[r + 2];
            float[] x3 = x[r + 3];
            for (int j = 0; j < n; j++) {
                y[j] += a0 * x0[j] + a1 * x1[j] + a2 * x2[j] + a3 * x3[j];
            }
        }
        for (; r < count; r++) {
            float ar = a[r];
            float[] xr = x[r];
            for (int j = 0; j < n; j++) {
                y[j] += ar * xr[j];
            }
        }
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
