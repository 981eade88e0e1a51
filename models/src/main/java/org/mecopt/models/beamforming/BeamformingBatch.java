package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The constants of a batch's self-supervised loss, in the order {@link BeamformingLoss} reads them:
 * channel real and imaginary parts (S, N, I, K) divided by σ, station limits (S, B), user weights
 * (S, I), minimum spectral efficiencies (S, I), the objective's bound (S).
 */
public final class BeamformingBatch {
    private BeamformingBatch() {
    }

    public static NDList context(NDManager m, List<BeamformingSample> samples) {
        Dimensions d = samples.get(0).dimensions();
        int s = samples.size();
        int per = d.coefficients();
        float[] re = new float[s * per];
        float[] im = new float[s * per];
        float[] power = new float[s * d.stations()];
        float[] weights = new float[s * d.users()];
        float[] minSe = new float[s * d.users()];
        float[] bound = new float[s];
        for (int x = 0; x < s; x++) {
            BeamformingSample sample = samples.get(x);
            if (!sample.dimensions().equals(d)) {
                throw new IllegalArgumentException("a batch mixes " + d + " and " + sample.dimensions());
            }
            System.arraycopy(sample.re(), 0, re, x * per, per);
            System.arraycopy(sample.im(), 0, im, x * per, per);
            for (int b = 0; b < d.stations(); b++) {
                power[x * d.stations() + b] = (float) sample.maxPowerW()[b];
            }
            for (int i = 0; i < d.users(); i++) {
                weights[x * d.users() + i] = (float) sample.weights()[i];
                minSe[x * d.users() + i] = (float) sample.minSpectralEfficiency()[i];
            }
            bound[x] = (float) sample.bound();
        }
        Shape channel = new Shape(s, d.subcarriers(), d.users(), d.totalAntennas());
        return new NDList(m.create(re, channel), m.create(im, channel), m.create(power, new Shape(s, d.stations())),
                m.create(weights, new Shape(s, d.users())), m.create(minSe, new Shape(s, d.users())), m.create(bound));
    }

    static NDArray channelRe(NDList c) {
        return c.get(0);
    }

    static NDArray channelIm(NDList c) {
        return c.get(1);
    }

    static NDArray maxPower(NDList c) {
        return c.get(2);
    }

    static NDArray weights(NDList c) {
        return c.get(3);
    }

    static NDArray minSpectralEfficiency(NDList c) {
        return c.get(4);
    }

    static NDArray bound(NDList c) {
        return c.get(5);
    }
}
