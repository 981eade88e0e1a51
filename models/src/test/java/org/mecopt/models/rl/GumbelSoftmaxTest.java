package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class GumbelSoftmaxTest {

    /** The Gumbel-max trick: the argmax of logits + Gumbel noise is distributed as softmax(logits). */
    @Test
    void argmaxOfNoisyLogitsSamplesTheSoftmax() {
        double[] logits = {0.3, -1.0, 1.2, 0.0};
        double z = 0;
        for (double l : logits) {
            z += Math.exp(l);
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(5L);
        int n = 200_000;
        int[] counts = new int[logits.length];
        double[] y = new double[logits.length];
        for (int i = 0; i < n; i++) {
            counts[GumbelSoftmax.sample(logits, 0, logits.length, 0.5, rng, y)]++;
        }
        for (int j = 0; j < logits.length; j++) {
            double p = Math.exp(logits[j]) / z;
            double sd = Math.sqrt(p * (1 - p) / n);
            assertEquals(p, counts[j] / (double) n, 5 * sd, "action " + j);
        }
        double sum = 0;
        for (double v : y) {
            sum += v;
        }
        assertEquals(1, sum, 1e-12, "a relaxed sample is a distribution");
    }

    @Test
    void entropyOfKnownDistributions() {
        assertEquals(Math.log(7), GumbelSoftmax.entropy(new double[] {2, 2, 2, 2, 2, 2, 2}, 0, 7), 1e-12);
        // p = (e/(e+1), 1/(e+1))
        double p = Math.E / (Math.E + 1);
        assertEquals(-p * Math.log(p) - (1 - p) * Math.log(1 - p), GumbelSoftmax.entropy(new double[] {9, 1, 0}, 1, 2),
                1e-12);
    }
}
