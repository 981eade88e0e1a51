package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.io.AtomicFiles;

/**
 * A trained feed-forward network ({@link Networks#mlp}'s shape) evaluated in plain Java: ReLU hidden
 * layers, each optionally layer-normalized before its ReLU (as PyTorch's {@code layer_norm}: biased
 * variance, ε = 1e-5, then the learned scale and shift), an identity, tanh or sigmoid output. Why: acting is batch 1, and a DJL operation costs ~20 µs
 * whatever its size, so a DJL forward pass of a small Q-network costs ~100 µs where these loops take
 * a few; DJL stays the engine for batched training. Immutable and thread-safe (a call allocates its
 * layer vectors). Float32 arithmetic like the engine's, in a different summation order, so it agrees
 * with DJL's forward to float rounding ({@code MlpTest}). The weights are kept by input column and
 * summed as {@code y += x_i·w_i} over whole arrays, which C2 vectorizes (as {@code CpuForward}
 * found for the CNN-LSTM): 3.5 µs instead of 56 µs for a greedy action of a 4-256-256-2
 * network here, against ~150 µs for DJL's forward at batch 1.
 */
public final class Mlp {
    private static final String MAGIC = "mecopt-mlp-1";
    // version 2 adds the sigmoid output and layer norm; plain networks are still written as version 1
    private static final String MAGIC_2 = "mecopt-mlp-2";
    /** The layer norm's ε ({@code Networks.mlp} builds DJL's {@code LayerNorm} with its default). */
    static final float LAYER_NORM_EPSILON = 1e-5f;

    /** The output layer's activation. */
    public enum Output { IDENTITY, TANH, SIGMOID }

    private final float[][] weights; // layer k: out_k × in_k, row-major (DJL's Linear layout), for files
    private final float[][][] columns; // layer k, input i: the weights from input i to every output
    private final float[][] biases;
    private final float[][] gammas;  // hidden layer k's layer-norm scale, null without layer norm
    private final float[][] betas;   // and shift
    private final int[] sizes;       // in, hidden…, out
    private final Output output;

    private Mlp(float[][] weights, float[][] biases, float[][] gammas, float[][] betas, int[] sizes, Output output) {
        this.weights = weights;
        this.columns = new float[weights.length][][];
        for (int k = 0; k < weights.length; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            columns[k] = new float[in][out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    columns[k][i][j] = weights[k][j * in + i];
                }
            }
        }
        this.biases = biases;
        this.gammas = gammas;
        this.betas = betas;
        this.sizes = sizes;
        this.output = output;
    }

    /**
     * Copies the parameters out of an initialized block built by {@link Networks#mlp} (its linear
     * layers in order; ReLU between them).
     *
     * @param output the output activation the block was built with
     */
    public static Mlp of(Block block, Output output) {
        List<float[]> w = new ArrayList<>();
        List<float[]> b = new ArrayList<>();
        List<float[]> g = new ArrayList<>();
        List<float[]> beta = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            Shape shape = array.getShape();
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                if (shape.dimension() != 2) {
                    throw new IllegalArgumentException("parameter " + p.getKey() + " has shape " + shape
                            + ": not a linear layer of an MLP");
                }
                int out = (int) shape.get(0);
                int in = (int) shape.get(1);
                if (sizes.isEmpty()) {
                    sizes.add(in);
                } else if (sizes.get(sizes.size() - 1) != in) {
                    throw new IllegalArgumentException("parameter " + p.getKey() + " takes " + in + " inputs after a "
                            + sizes.get(sizes.size() - 1) + "-unit layer");
                }
                sizes.add(out);
                w.add(array.toFloatArray());
                g.add(null);
                beta.add(null);
            } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                b.add(array.toFloatArray());
            } else if (p.getValue().getType() == Parameter.Type.GAMMA && !w.isEmpty() && g.get(w.size() - 1) == null
                    && array.size() == sizes.get(sizes.size() - 1)) {
                g.set(w.size() - 1, array.toFloatArray());
            } else if (p.getValue().getType() == Parameter.Type.BETA && !w.isEmpty()
                    && beta.get(w.size() - 1) == null && array.size() == sizes.get(sizes.size() - 1)) {
                beta.set(w.size() - 1, array.toFloatArray());
            } else {
                throw new IllegalArgumentException("parameter " + p.getKey() + " (" + p.getValue().getType()
                        + ") is not part of a plain MLP");
            }
        }
        if (w.isEmpty() || w.size() != b.size()) {
            throw new IllegalArgumentException("expected a weight and a bias per linear layer, got " + w.size()
                    + " weights and " + b.size() + " biases");
        }
        for (int k = 0; k < w.size(); k++) {
            if ((g.get(k) == null) != (beta.get(k) == null)) {
                throw new IllegalArgumentException("layer " + k + " has a layer-norm scale or shift but not both");
            }
            if (g.get(k) != null && k == w.size() - 1) {
                throw new IllegalArgumentException("the output layer is layer-normalized: not a Networks.mlp block");
            }
        }
        return new Mlp(w.toArray(float[][]::new), b.toArray(float[][]::new), g.toArray(float[][]::new),
                beta.toArray(float[][]::new), sizes.stream().mapToInt(Integer::intValue).toArray(), output);
    }

    /** Whether any hidden layer is layer-normalized. */
    public boolean layerNormed() {
        for (float[] gamma : gammas) {
            if (gamma != null) {
                return true;
            }
        }
        return false;
    }

    public int inputSize() {
        return sizes[0];
    }

    public int outputSize() {
        return sizes[sizes.length - 1];
    }

    public Output output() {
        return output;
    }

    /** The layer sizes: input, hidden layers, output. */
    public int[] sizes() {
        return sizes.clone();
    }

    /** Layer {@code k}'s biases (shared, not copied: package use only). */
    float[] biases(int k) {
        return biases[k];
    }

    /** The network's output for one input (a new array). */
    public double[] forward(double[] x) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("input has " + x.length + " entries, the network takes " + sizes[0]);
        }
        float[] a = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            a[i] = (float) x[i];
        }
        return forwardFrom(0, a);
    }

    /** The output for the activations {@code a} entering layer {@code first} (for {@link IncrementalMlp}). */
    double[] forwardFrom(int first, float[] a) {
        for (int k = first; k < columns.length; k++) {
            float[] y = biases[k].clone();
            float[][] w = columns[k];
            for (int i = 0; i < a.length; i++) {
                float ai = a[i];
                if (ai != 0) { // after ReLU, many inputs are 0
                    accumulate(y, ai, w[i]);
                }
            }
            if (k < columns.length - 1) {
                if (gammas[k] != null) {
                    layerNorm(y, gammas[k], betas[k]);
                }
                for (int j = 0; j < y.length; j++) {
                    y[j] = Math.max(0f, y[j]);
                }
            }
            a = y;
        }
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = switch (output) {
                case TANH -> Math.tanh(a[j]);
                case SIGMOID -> 1 / (1 + Math.exp(-a[j]));
                case IDENTITY -> a[j];
            };
        }
        return out;
    }

    /** {@code y ← (y − mean)/√(var + ε)·γ + β} over the layer, the variance biased (PyTorch's). */
    private static void layerNorm(float[] y, float[] gamma, float[] beta) {
        double mean = 0;
        for (float v : y) {
            mean += v;
        }
        mean /= y.length;
        double variance = 0;
        for (float v : y) {
            variance += (v - mean) * (v - mean);
        }
        variance /= y.length;
        double inverse = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
        for (int j = 0; j < y.length; j++) {
            y[j] = (float) ((y[j] - mean) * inverse) * gamma[j] + beta[j];
        }
    }

    /** Layer {@code k}'s weights by input column (shared, not copied: package use only). */
    float[][] columns(int k) {
        return columns[k];
    }

    /** {@code y += a·w} over whole arrays: the loop shape HotSpot's C2 vectorizes. */
    private static void accumulate(float[] y, float a, float[] w) {
        for (int j = 0; j < y.length; j++) {
            y[j] += a * w[j];
        }
    }

    public void save(Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            boolean version2 = layerNormed() || output == Output.SIGMOID;
            out.writeUTF(version2 ? MAGIC_2 : MAGIC);
            out.writeUTF(output.name());
            out.writeInt(sizes.length);
            for (int s : sizes) {
                out.writeInt(s);
            }
            for (int k = 0; k < weights.length; k++) {
                ReplayBuffer.writeFloats(out, weights[k], weights[k].length);
                ReplayBuffer.writeFloats(out, biases[k], biases[k].length);
                if (version2) {
                    out.writeBoolean(gammas[k] != null);
                    if (gammas[k] != null) {
                        ReplayBuffer.writeFloats(out, gammas[k], gammas[k].length);
                        ReplayBuffer.writeFloats(out, betas[k], betas[k].length);
                    }
                }
            }
            out.flush();
        });
    }

    public static Mlp load(Path file) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file))) {
            return read(stream, file.toString());
        }
    }

    /** Reads what {@link #save} wrote from a stream (e.g. a class-path resource); {@code name} for errors. */
    public static Mlp read(InputStream stream, String name) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        String magic = in.readUTF();
        boolean version2 = MAGIC_2.equals(magic);
        if (!MAGIC.equals(magic) && !version2) {
            throw new IOException(name + " is not an MLP (header " + magic + ")");
        }
        Output output = Output.valueOf(in.readUTF());
        int[] sizes = new int[in.readInt()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = in.readInt();
        }
        float[][] w = new float[sizes.length - 1][];
        float[][] b = new float[sizes.length - 1][];
        float[][] g = new float[sizes.length - 1][];
        float[][] beta = new float[sizes.length - 1][];
        for (int k = 0; k < w.length; k++) {
            w[k] = new float[sizes[k] * sizes[k + 1]];
            b[k] = new float[sizes[k + 1]];
            ReplayBuffer.readFloats(in, w[k], w[k].length);
            ReplayBuffer.readFloats(in, b[k], b[k].length);
            if (version2 && in.readBoolean()) {
                g[k] = new float[sizes[k + 1]];
                beta[k] = new float[sizes[k + 1]];
                ReplayBuffer.readFloats(in, g[k], g[k].length);
                ReplayBuffer.readFloats(in, beta[k], beta[k].length);
            }
        }
        return new Mlp(w, b, g, beta, sizes, output);
    }
}
