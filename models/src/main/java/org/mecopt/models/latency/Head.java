package org.mecopt.models.latency;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.Locale;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * The network's output layer and how its output becomes a solution.
 * <ul>
 *   <li>{@code softmax-slack} (default): K·(N+1) logits, per user a softmax over the N subcarriers plus
 *       a slack; the N subcarrier shares are the powers, so {@code p ≥ 0} and {@code Σ_n p ≤ 1} hold by
 *       construction and ρ comes from the closed form. Output: {@code power[n][k]} flattened.</li>
 *   <li>{@code regression}: seed 001's plain head, a linear layer regressing the min-max normalized
 *       labels (α[n][k], p[n][k], ρ[k]), K·(2N+1) outputs. Nothing keeps the prediction feasible, so
 *       it is repaired: α thresholded at ½, p clipped to [0, 1] and zeroed where α = 0, a user's powers
 *       scaled down when they sum above 1, ρ clipped to [0, 1] (1 without local computing); a user
 *       left without any rate computes locally (ρ = 0), or, where it must offload, spreads its power
 *       evenly.</li>
 * </ul>
 */
public enum Head {
    SOFTMAX_SLACK, REGRESSION;

    /** A power label at or below this is read as "subcarrier off" (α = 0) for the regression head. */
    static final double ALPHA_THRESHOLD = 1e-4;
    /**
     * Slack for float32 rounding when judging whether a raw output was feasible: the softmax shares
     * of a user sum to at most 1 in exact arithmetic, but to 1 + a few ulps in float.
     */
    static final double FLOAT_SLACK = 1e-5;

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Head parse(String text) {
        for (Head h : values()) {
            if (h.id().equals(text)) {
                return h;
            }
        }
        throw new InvalidInstanceException("head", text, "must be one of softmax-slack, regression");
    }

    /** The head as a network's named output ({@code power}), for N subcarriers and K users. */
    record PowerHead(Head kind, int subcarriers, int users) implements org.mecopt.models.learning.Head {
        @Override
        public String name() {
            return "power";
        }

        @Override
        public String type() {
            return kind.id();
        }

        @Override
        public long outputs() {
            return kind.outputSize(subcarriers, users);
        }

        @Override
        public void addTo(SequentialBlock network) {
            kind.addTo(network, subcarriers, users);
        }
    }

    /** Size of the network's output per sample. */
    int outputSize(int n, int k) {
        return this == SOFTMAX_SLACK ? n * k : (2 * n + 1) * k;
    }

    /**
     * Appends the dense output layer and what follows it (to the network itself, not in a nested
     * block, so that the parameter files of earlier models keep their layout).
     */
    void addTo(SequentialBlock b, int n, int k) {
        if (this == REGRESSION) {
            b.add(Linear.builder().setUnits((long) (2 * n + 1) * k).build());
            return;
        }
        b.add(Linear.builder().setUnits((long) k * (n + 1)).build());
        b.add(new LambdaBlock(list -> new NDList(softmaxSlack(list.singletonOrThrow(), n, k)), "softmax-slack"));
    }

    private static NDArray softmaxSlack(NDArray logits, int n, int k) {
        long batch = logits.getShape().get(0);
        NDArray shares = logits.reshape(batch, k, n + 1).softmax(2);
        return shares.get(":, :, 0:" + n).transpose(0, 2, 1).reshape(batch, (long) n * k);
    }

    /** The raw training target of one labelled instance, before any {@link Scale}. */
    double[] target(double[] powerLabel, double[] ratioLabel) {
        if (this == SOFTMAX_SLACK) {
            return powerLabel.clone();
        }
        int nk = powerLabel.length;
        double[] t = new double[2 * nk + ratioLabel.length];
        for (int i = 0; i < nk; i++) {
            t[i] = powerLabel[i] > ALPHA_THRESHOLD ? 1 : 0;
            t[nk + i] = powerLabel[i];
        }
        System.arraycopy(ratioLabel, 0, t, 2 * nk, ratioLabel.length);
        return t;
    }

    /**
     * Per-output min-max normalization of the regression head's targets (seed 001 normalizes its
     * labels to [0, 1]); the softmax head's targets are already shares and are left alone.
     */
    public record Scale(double[] min, double[] max) {
        public static Scale none(int size) {
            double[] zero = new double[size];
            double[] one = new double[size];
            java.util.Arrays.fill(one, 1);
            return new Scale(zero, one);
        }

        double normalize(int i, double v) {
            double range = max[i] - min[i];
            return range > 0 ? (v - min[i]) / range : 0;
        }

        double denormalize(int i, double y) {
            return min[i] + y * (max[i] - min[i]);
        }
    }

    /**
     * One decoded prediction.
     *
     * @param solution feasible
     * @param feasibleRaw whether the network's output was feasible as it came out, before any repair,
     *     up to float32 rounding ({@link #FLOAT_SLACK}); for the regression head also whether every
     *     user offloading a share had a positive rate
     */
    public record Prediction(LatencySolution solution, boolean feasibleRaw) {
    }

    /** The solution that output {@code y[offset …]} gives for {@code instance}. */
    Prediction decode(float[] y, int offset, Scale scale, LatencyInstance instance) {
        int n = instance.subcarrierCount();
        int k = instance.userCount();
        double[][] p = new double[n][k];
        boolean raw = true;
        if (this == SOFTMAX_SLACK) {
            for (int c = 0; c < n; c++) {
                for (int u = 0; u < k; u++) {
                    float v = y[offset + c * k + u];
                    raw &= v >= -FLOAT_SLACK;
                    p[c][u] = v > 0 ? v : 0; // also maps NaN (a diverged network) to 0
                }
            }
            raw &= capUserPower(p);
            return new Prediction(instance.solutionFor(p), raw);
        }
        int nk = n * k;
        for (int c = 0; c < n; c++) {
            for (int u = 0; u < k; u++) {
                int i = c * k + u;
                boolean on = scale.denormalize(i, y[offset + i]) >= 0.5;
                double v = scale.denormalize(nk + i, y[offset + nk + i]);
                raw &= v >= -FLOAT_SLACK && v <= 1 + FLOAT_SLACK;
                p[c][u] = on ? clip(v) : 0;
            }
        }
        raw &= capUserPower(p);
        if (!instance.localComputing()) {
            for (int u = 0; u < k; u++) {
                if (!(instance.rate(p, u) > 0)) {
                    raw = false; // a user who must offload needs a rate: spread its power evenly
                    for (double[] row : p) {
                        row[u] = 1.0 / n;
                    }
                }
            }
        }
        double[] ratio = new double[k];
        for (int u = 0; u < k; u++) {
            double r = scale.denormalize(2 * nk + u, y[offset + 2 * nk + u]);
            raw &= r >= -FLOAT_SLACK && r <= 1 + FLOAT_SLACK && (instance.localComputing() || r >= 1 - FLOAT_SLACK);
            ratio[u] = instance.localComputing() ? clip(r) : 1;
            if (instance.localComputing() && ratio[u] > 0 && !(instance.rate(p, u) > 0)) {
                raw = false; // offloading without a rate would never finish: compute locally
                ratio[u] = 0;
            }
        }
        return new Prediction(withRatio(instance, p, ratio), raw);
    }

    /** {@code v} clipped to [0, 1], NaN (a diverged network) to 0. */
    private static double clip(double v) {
        return v > 0 ? Math.min(1, v) : 0;
    }

    /** Scales each user's powers down to sum to 1 where they sum above it; false if any did. */
    private static boolean capUserPower(double[][] p) {
        boolean within = true;
        for (int u = 0; u < p[0].length; u++) {
            double sum = 0;
            for (double[] row : p) {
                sum += row[u];
            }
            if (sum > 1) {
                within &= sum <= 1 + FLOAT_SLACK;
                for (double[] row : p) {
                    row[u] /= sum;
                }
            }
        }
        return within;
    }

    private static LatencySolution withRatio(LatencyInstance instance, double[][] p, double[] ratio) {
        double[] latency = new double[ratio.length];
        for (int u = 0; u < ratio.length; u++) {
            latency[u] = instance.latency(u, instance.rate(p, u), ratio[u]);
        }
        return new LatencySolution(p, ratio, latency);
    }
}
