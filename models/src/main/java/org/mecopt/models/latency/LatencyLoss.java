package org.mecopt.models.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.mecopt.latency.LatencyInstance;

/**
 * The latency a batch of predicted powers gives, relative to the label's, in NDArray operations so
 * that training can descend on it: per sample {@code max_k τ_k(p) / τ_label − 1}, the very gap the
 * evaluation reports (seed 001 Fig. 2). MSE to the ICA powers treats every power alike, but the max
 * latency hangs on the worst user alone; adding this term to the loss puts the error where it costs.
 *
 * <p>It is {@link LatencyInstance#solutionFor} written for tensors: SINR with the interference of the
 * other users plus unit noise, rate {@code R_k = B Σ_n log2(1 + γ)}, the best ratio in closed form,
 * {@code τ_k = ab/(a+b)} with {@code b = Z/R + c}, written as {@code 1/(1/a + R/(Z + Rc))} so that a
 * zero rate gives {@code τ_k = a} instead of a division by zero. Without local computing
 * {@code τ_k = b}. {@code LatencyLossTest} checks it against {@code solutionFor}.
 */
final class LatencyLoss {
    /** Keeps {@code 1/(1/a + R/(Z+Rc))} finite at R = 0 without local computing (1/s; τ of 1e9 s). */
    private static final float TINY_INVERSE_SECONDS = 1e-9f;
    /**
     * Cap on one sample's gap in the loss: a user left with almost no rate (no local computing) has
     * an enormous latency whose gradient would swamp the batch; past 10× the label it only needs to
     * know it is bad.
     */
    private static final float MAX_GAP = 10f;

    private LatencyLoss() {
    }

    /**
     * The constants of a batch: off-diagonal gains (B, N, K, K), direct gains (B, N, K), the local
     * compute time {@code a} and its inverse-or-zero (B, K), task bits and server time (B, K), the
     * subcarrier bandwidth over ln 2 (B, 1) and the label latency (B).
     */
    static NDList constants(NDManager m, List<LatencyInstance> instances, double[] labelLatency) {
        LatencyInstance first = instances.get(0);
        int b = instances.size();
        int n = first.subcarrierCount();
        int k = first.userCount();
        float[] off = new float[b * n * k * k];
        float[] direct = new float[b * n * k];
        float[] inverseLocal = new float[b * k];
        float[] bits = new float[b * k];
        float[] server = new float[b * k];
        float[] bandwidth = new float[b];
        float[] label = new float[b];
        for (int s = 0; s < b; s++) {
            LatencyInstance in = instances.get(s);
            double[][][] g = in.gain();
            for (int c = 0; c < n; c++) {
                for (int u = 0; u < k; u++) {
                    for (int j = 0; j < k; j++) {
                        float v = (float) g[c][u][j];
                        if (j == u) {
                            direct[(s * n + c) * k + u] = v;
                        } else {
                            off[((s * n + c) * k + u) * k + j] = v;
                        }
                    }
                }
            }
            for (int u = 0; u < k; u++) {
                inverseLocal[s * k + u] = in.localComputing() ? (float) (1 / in.localTime(u)) : 0f;
                bits[s * k + u] = (float) in.users().get(u).taskBits();
                server[s * k + u] = (float) in.serverTime(u);
            }
            bandwidth[s] = (float) (in.subcarrierBandwidthHz() / Math.log(2));
            label[s] = (float) labelLatency[s];
        }
        return new NDList(m.create(off, new Shape(b, n, k, k)), m.create(direct, new Shape(b, n, k)),
                m.create(inverseLocal, new Shape(b, k)), m.create(bits, new Shape(b, k)),
                m.create(server, new Shape(b, k)), m.create(bandwidth, new Shape(b, 1)), m.create(label, new Shape(b)));
    }

    /**
     * Per sample {@code max_k τ_k / τ_label − 1}, at most {@link #MAX_GAP}, shape (B).
     *
     * @param power the network's output, (B, N·K) flattened as [n][k]
     * @param c {@link #constants}
     */
    static NDArray relativeGap(NDArray power, NDList c) {
        NDArray off = c.get(0);
        Shape s = off.getShape();
        NDArray p = power.reshape(s.get(0), s.get(1), s.get(2));                  // (B, N, K)
        NDArray interference = off.matMul(p.expandDims(3)).squeeze(3).add(1);   // Σ_{j≠k} G p_j + 1
        NDArray sinr = p.mul(c.get(1)).div(interference);
        NDArray rate = sinr.add(1).log().sum(new int[] {1}).mul(c.get(5));       // (B, K) bit/s
        NDArray inverseOffload = rate.div(c.get(3).add(rate.mul(c.get(4))));    // R/(Z + Rc) = 1/b
        NDArray latency = inverseOffload.add(c.get(2)).add(TINY_INVERSE_SECONDS).pow(-1f);
        return latency.max(new int[] {1}).div(c.get(6)).sub(1).minimum(MAX_GAP);
    }
}
