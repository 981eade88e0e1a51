package org.mecopt.models.rl;

/**
 * An {@link Mlp} for policies that act many times on inputs that change in a few coordinates from
 * one step to the next (an assignment episode: a slot count, a one-hot, a load). Why: the first
 * layer dominates the cost of a wide input, and {@code W x'} is {@code W x} plus the columns of the
 * changed coordinates; after it, each layer is a sum of weight columns scaled by the nonzero
 * activations (ReLU leaves about half at zero), a loop without a reduction that the JIT vectorizes.
 * Immutable; {@link #begin()} gives the per-episode state, so one network serves many threads.
 */
public final class IncrementalMlp {
    private final int[] sizes;
    /** Layer k's weights transposed: {@code columns[k][i]} is input i's column, one entry per output. */
    private final double[][][] columns;
    private final double[][] biases;
    private final Mlp.Output output;

    public IncrementalMlp(Mlp mlp) {
        sizes = mlp.sizes();
        int layers = sizes.length - 1;
        columns = new double[layers][][];
        biases = new double[layers][];
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            float[] w = mlp.weights(k);
            columns[k] = new double[in][out];
            for (int j = 0; j < out; j++) {
                for (int i = 0; i < in; i++) {
                    columns[k][i][j] = w[j * in + i];
                }
            }
            float[] b = mlp.biases(k);
            biases[k] = new double[out];
            for (int j = 0; j < out; j++) {
                biases[k][j] = b[j];
            }
        }
        output = mlp.output();
    }

    public int inputSize() {
        return sizes[0];
    }

    /** A new episode: the first {@link Episode#forward} computes the first layer in full. */
    public Episode begin() {
        return new Episode();
    }

    /** The state of one episode's evaluations (not thread-safe: one per episode and thread). */
    public final class Episode {
        private final double[] input = new double[sizes[0]];
        private final double[] firstLayer = new double[sizes[1]];
        private final double[][] activations = new double[sizes.length - 1][];
        private boolean started;

        private Episode() {
            for (int k = 0; k < activations.length; k++) {
                activations[k] = new double[sizes[k + 1]];
            }
        }

        /**
         * The network's output for {@code x}, equal to {@link Mlp#forward} up to rounding (the first
         * layer accumulates at most one rounding per changed coordinate and step).
         *
         * @return a buffer overwritten by the next call
         */
        public double[] forward(double[] x) {
            if (x.length != input.length) {
                throw new IllegalArgumentException("input has " + x.length + " entries, the network takes " + input.length);
            }
            if (!started) {
                System.arraycopy(biases[0], 0, firstLayer, 0, firstLayer.length);
                for (int i = 0; i < x.length; i++) {
                    addScaled(firstLayer, columns[0][i], x[i]);
                }
                System.arraycopy(x, 0, input, 0, x.length);
                started = true;
            } else {
                for (int i = 0; i < x.length; i++) {
                    if (x[i] != input[i]) {
                        addScaled(firstLayer, columns[0][i], x[i] - input[i]);
                        input[i] = x[i];
                    }
                }
            }
            double[] a = activations[0];
            for (int j = 0; j < a.length; j++) {
                a[j] = activate(firstLayer[j], 0);
            }
            for (int k = 1; k < columns.length; k++) {
                double[] y = activations[k];
                System.arraycopy(biases[k], 0, y, 0, y.length);
                for (int i = 0; i < a.length; i++) {
                    if (a[i] != 0) {
                        addScaled(y, columns[k][i], a[i]);
                    }
                }
                for (int j = 0; j < y.length; j++) {
                    y[j] = activate(y[j], k);
                }
                a = y;
            }
            return a;
        }

        private double activate(double z, int layer) {
            if (layer < columns.length - 1) {
                return Math.max(0, z);
            }
            return output == Mlp.Output.TANH ? Math.tanh(z) : z;
        }
    }

    private static void addScaled(double[] y, double[] column, double scale) {
        for (int j = 0; j < y.length; j++) {
            y[j] += column[j] * scale;
        }
    }
}
