package org.mecopt.models.rl;

/**
 * An {@link Mlp} for policies that act many times on inputs that change in a few coordinates from
 * one step to the next (an assignment episode: a slot count, a one-hot, a load). Why: the first
 * layer dominates the cost of a wide input, and {@code W x'} is {@code W x} plus the columns of the
 * changed coordinates. The first layer's sums are kept in double, so the updates add no drift
 * worth the name; the layers after it are {@link Mlp}'s own. {@link #begin()} gives the state of
 * one episode, so one network serves many threads.
 */
public final class IncrementalMlp {
    private final Mlp mlp;

    public IncrementalMlp(Mlp mlp) {
        if (mlp.sizes().length < 3) {
            throw new IllegalArgumentException("an incremental evaluation needs a hidden layer; the network is "
                    + java.util.Arrays.toString(mlp.sizes()));
        }
        if (mlp.layerNormed()) {
            throw new IllegalArgumentException("a layer-normalized network has no incremental first layer");
        }
        this.mlp = mlp;
    }

    /** A new episode: the first {@link Episode#forward} computes the first layer in full. */
    public Episode begin() {
        return new Episode();
    }

    /** The state of one episode's evaluations (not thread-safe: one per episode and thread). */
    public final class Episode {
        private final double[] input = new double[mlp.inputSize()];
        private final double[] sums;
        private final float[] hidden;
        private boolean started;

        private Episode() {
            int width = mlp.sizes()[1];
            sums = new double[width];
            hidden = new float[width];
        }

        /** The network's output for {@code x}, equal to {@link Mlp#forward} up to float rounding. */
        public double[] forward(double[] x) {
            if (x.length != input.length) {
                throw new IllegalArgumentException("input has " + x.length + " entries, the network takes "
                        + input.length);
            }
            float[][] columns = mlp.columns(0);
            if (!started) {
                float[] bias = mlp.biases(0);
                for (int j = 0; j < sums.length; j++) {
                    sums[j] = bias[j];
                }
                java.util.Arrays.fill(input, 0);
                started = true;
            }
            for (int i = 0; i < x.length; i++) {
                if (x[i] != input[i]) {
                    double change = x[i] - input[i];
                    float[] column = columns[i];
                    for (int j = 0; j < sums.length; j++) {
                        sums[j] += change * column[j];
                    }
                    input[i] = x[i];
                }
            }
            for (int j = 0; j < sums.length; j++) {
                hidden[j] = (float) Math.max(0, sums[j]);
            }
            return mlp.forwardFrom(1, hidden);
        }
    }
}
