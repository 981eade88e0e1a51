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
 * layers, an identity or tanh output. Why: acting is batch 1, and a DJL operation costs ~20 µs
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

    /** The output layer's activation. */
    public enum Output { IDENTITY, TANH }

    private final float[][] weights; // layer k: out_k × in_k, row-major (DJL's Linear layout), for files
    private final float[][][] columns; // layer k, input i: the weights from input i to every output
    private final float[][] biases;
    private final int[] sizes;       // in, hidden…, out
    private final Output output;

    private Mlp(float[][] weights, float[][] biases, int[] sizes, Output output) {
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
            } else if (p.getValue().getType() == Parameter.Type.BIAS) {
                b.add(array.toFloatArray());
            } else {
                throw new IllegalArgumentException("parameter " + p.getKey() + " (" + p.getValue().getType()
                        + ") is not part of a plain MLP");
            }
        }
        if (w.isEmpty() || w.size() != b.size()) {
            throw new IllegalArgumentException("expected a weight and a bias per linear layer, got " + w.size()
                    + " weights and " + b.size() + " biases");
        }
        return new Mlp(w.toArray(float[][]::new), b.toArray(float[][]::new),
                sizes.stream().mapToInt(Integer::intValue).toArray(), output);
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
                for (int j = 0; j < y.length; j++) {
                    y[j] = Math.max(0f, y[j]);
                }
            }
            a = y;
        }
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = output == Output.TANH ? Math.tanh(a[j]) : a[j];
        }
        return out;
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
            out.writeUTF(MAGIC);
            out.writeUTF(output.name());
            out.writeInt(sizes.length);
            for (int s : sizes) {
                out.writeInt(s);
            }
            for (int k = 0; k < weights.length; k++) {
                ReplayBuffer.writeFloats(out, weights[k], weights[k].length);
                ReplayBuffer.writeFloats(out, biases[k], biases[k].length);
            }
            out.flush();
        });
    }

    public static Mlp load(Path file) throws IOException {
        try (InputStream stream = Files.newInputStream(file)) {
            return read(stream, file.toString());
        }
    }

    /** Reads what {@link #save} wrote from a stream (e.g. a resource in a jar); {@code source} names it in errors. */
    public static Mlp read(InputStream stream, String source) throws IOException {
        {
            DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(source + " is not an MLP (header " + magic + ")");
            }
            Output output = Output.valueOf(in.readUTF());
            int[] sizes = new int[in.readInt()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = in.readInt();
            }
            float[][] w = new float[sizes.length - 1][];
            float[][] b = new float[sizes.length - 1][];
            for (int k = 0; k < w.length; k++) {
                w[k] = new float[sizes[k] * sizes[k + 1]];
                b[k] = new float[sizes[k + 1]];
                ReplayBuffer.readFloats(in, w[k], w[k].length);
                ReplayBuffer.readFloats(in, b[k], b[k].length);
            }
            return new Mlp(w, b, sizes, output);
        }
    }
}
