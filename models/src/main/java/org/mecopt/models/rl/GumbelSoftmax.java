package org.mecopt.models.rl;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The Gumbel-softmax relaxation of a categorical choice (Jang et al. 2017; Maddison et al. 2017), as
 * MADDPG uses for discrete actions (openai/maddpg): {@code y = softmax((logits + g)/T)} with
 * {@code g_k = −log(−log U_k)} i.i.d. standard Gumbel. Its argmax is an exact sample from
 * {@code softmax(logits)} (the Gumbel-max trick) whatever T, so an agent can act with the argmax
 * while a critic and a policy gradient see the differentiable {@code y}. Plain Java, for batch-1
 * acting; the noise comes from the caller's seeded generator, so a run is reproducible.
 */
public final class GumbelSoftmax {
    private GumbelSoftmax() {
    }

    /** One standard Gumbel draw. */
    public static double gumbel(UniformRandomProvider rng) {
        double u;
        do {
            u = rng.nextDouble();
        } while (u == 0); // log(0) would be infinite; U is drawn from (0, 1)
        return -Math.log(-Math.log(u));
    }

    /** {@code n} standard Gumbel draws as floats (for an engine batch). */
    public static float[] noise(UniformRandomProvider rng, int n) {
        float[] g = new float[n];
        for (int i = 0; i < n; i++) {
            g[i] = (float) gumbel(rng);
        }
        return g;
    }

    /**
     * Writes {@code softmax((logits[from..from+k) + g)/temperature)} into {@code out[from..from+k)}
     * with fresh Gumbel noise ({@code rng == null}: no noise, the plain tempered softmax) and returns
     * the argmax, which is a sample of {@code softmax(logits)} when there is noise.
     */
    public static int sample(double[] logits, int from, int k, double temperature, UniformRandomProvider rng,
                             double[] out) {
        if (!(temperature > 0)) {
            throw new IllegalArgumentException("temperature = " + temperature + " must be > 0");
        }
        double max = Double.NEGATIVE_INFINITY;
        int best = 0;
        for (int j = 0; j < k; j++) {
            double z = (logits[from + j] + (rng == null ? 0 : gumbel(rng))) / temperature;
            out[from + j] = z;
            if (z > max) {
                max = z;
                best = j;
            }
        }
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double e = Math.exp(out[from + j] - max);
            out[from + j] = e;
            sum += e;
        }
        for (int j = 0; j < k; j++) {
            out[from + j] /= sum;
        }
        return best;
    }

    /** The index of the largest of {@code values[from..from+k)} (the first on ties). */
    public static int argmax(double[] values, int from, int k) {
        int best = 0;
        for (int j = 1; j < k; j++) {
            if (values[from + j] > values[from + best]) {
                best = j;
            }
        }
        return best;
    }

    /** The entropy of {@code softmax(logits[from..from+k))}, nats. */
    public static double entropy(double[] logits, int from, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[from + j]);
        }
        double z = 0;
        for (int j = 0; j < k; j++) {
            z += Math.exp(logits[from + j] - max);
        }
        double logZ = Math.log(z) + max;
        double h = 0;
        for (int j = 0; j < k; j++) {
            double logP = logits[from + j] - logZ;
            h -= Math.exp(logP) * logP;
        }
        return h;
    }
}
