package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The SINR and rates of beams in NDArray operations, so that a loss built on them can be
 * differentiated (MODEL.md §5): {@code SINR_{n,i} = |h_{n,i}^H w_{n,i}|² / (Σ_{j≠i} |h_{n,i}^H w_{n,j}|² + σ²)}
 * with {@code h_{n,i}, w_{n,j}} stacked over all stations' antennas (a station's beam to a user is
 * its block of {@code w}). Complex numbers are pairs of real tensors: with {@code h = a + ib},
 * {@code w = c + id}, {@code h^H w = (a·c + b·d) + i(a·d − b·c)}, and over all (i, j) pairs at once
 * these are four batched matrix products of shape (S, N, I, K) × (S, N, K, I).
 *
 * <p>The channel is given divided by σ, so the noise is 1 and the SNRs (up to ~1e8) stay well inside
 * float32. The interference is summed over the off-diagonal entries (a mask), not as the total minus
 * the signal: with zero-forcing-like beams the interference is far below the signal, and the
 * difference of two large float32 numbers would drown it. {@code RateTensorsTest} and the family's
 * scalar evaluator agree on the same beams.
 */
public final class RateTensors {
    private RateTensors() {
    }

    /**
     * @param hRe real part of {@code h/σ}, (S, N, I, K)
     * @param hIm its imaginary part
     * @param wRe real part of the beams in √W, (S, N, I, K): {@code w[s][n][j]} is user j's beam on n
     * @param wIm its imaginary part
     * @return the SINR, (S, N, I)
     */
    public static NDArray sinr(NDArray hRe, NDArray hIm, NDArray wRe, NDArray wIm) {
        NDArray cT = wRe.transpose(0, 1, 3, 2);
        NDArray dT = wIm.transpose(0, 1, 3, 2);
        NDArray re = hRe.matMul(cT).add(hIm.matMul(dT)); // (S, N, I, J): Re h_i^H w_j
        NDArray im = hRe.matMul(dT).sub(hIm.matMul(cT));
        NDArray gain = re.square().add(im.square());
        int users = (int) hRe.getShape().get(2);
        NDManager m = hRe.getManager();
        NDArray eye = m.eye(users).toType(gain.getDataType(), false);
        NDArray signal = gain.mul(eye).sum(new int[] {3});
        NDArray interference = gain.mul(eye.neg().add(1f)).sum(new int[] {3});
        return signal.div(interference.add(1f));
    }

    /** Per user {@code Σ_n log2(1 + SINR_{n,i})}, bit/s/Hz summed over subcarriers, (S, I). */
    public static NDArray spectralEfficiency(NDArray sinr) {
        return sinr.add(1f).log().sum(new int[] {1}).div((float) Math.log(2));
    }

    /**
     * Each station's power {@code Σ_{n,i,m} |w|²}, (S, B), for beams (S, N, I, B·M) (or any array
     * whose last axis is the stacked antennas).
     */
    public static NDArray stationPower(NDArray wRe, NDArray wIm, int stations) {
        Shape shape = wRe.getShape();
        long antennas = shape.get(shape.dimension() - 1) / stations;
        NDArray perAntenna = wRe.square().add(wIm.square());
        NDArray flat = perAntenna.reshape(shape.get(0), -1, stations, antennas);
        return flat.sum(new int[] {1, 3});
    }

    /** Convenience for tests and evaluation: both in one call, as (SINR, spectral efficiency). */
    static NDList rates(NDArray hRe, NDArray hIm, NDArray wRe, NDArray wIm) {
        NDArray sinr = sinr(hRe, hIm, wRe, wIm);
        return new NDList(sinr, spectralEfficiency(sinr));
    }
}
