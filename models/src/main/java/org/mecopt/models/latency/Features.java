package org.mecopt.models.latency;

import java.util.Locale;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.datasets.Row;
import org.mecopt.api.Tensor;
import org.mecopt.latency.LatencyCodec;
import org.mecopt.latency.LatencyInstance;

/**
 * The model's input: an image with one channel per subcarrier n, one row per user k.
 * <ul>
 *   <li>{@code gain}: the effective gains {@code G[n][k][j]} in dB (floored at −300 dB), a K×K image
 *       per subcarrier; works for any number of access points M;</li>
 *   <li>{@code magnitude}: the channel magnitudes {@code |h[n][k][l]|} as in the paper, a K×M image per
 *       subcarrier (needs the optional {@code channelMagnitude} field).</li>
 * </ul>
 * Values are standardized with the training set's mean and deviation (one scalar each, kept in the
 * model's manifest).
 */
public enum Features {
    GAIN, MAGNITUDE;

    static final double FLOOR_DB = -300;

    private static final LatencyCodec CODEC = new LatencyCodec();

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Features parse(String text) {
        for (Features f : values()) {
            if (f.id().equals(text)) {
                return f;
            }
        }
        throw new InvalidInstanceException("features", text, "must be one of gain, magnitude");
    }

    /** Raw (unstandardized) input of one instance, flattened as [n][k][w]. */
    public double[] raw(LatencyInstance instance) {
        return this == GAIN ? gainDb(instance.gain()) : magnitude(instance.channelMagnitude());
    }

    /** The image width for this instance: K for gain, M for magnitude. */
    public int width(LatencyInstance instance) {
        if (this == GAIN) {
            return instance.userCount();
        }
        double[][][] h = instance.channelMagnitude();
        if (h == null) {
            throw new InvalidInstanceException("channelMagnitude", null,
                    "is required by a model trained on features=magnitude");
        }
        return h[0][0].length;
    }

    private static double[] gainDb(double[][][] g) {
        int n = g.length;
        int k = g[0].length;
        double[] out = new double[n * k * k];
        int p = 0;
        for (double[][] plane : g) {
            for (double[] row : plane) {
                for (double v : row) {
                    out[p++] = v > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(v)) : FLOOR_DB;
                }
            }
        }
        return out;
    }

    private static double[] magnitude(double[][][] h) {
        if (h == null) {
            throw new InvalidInstanceException("channelMagnitude", null,
                    "is required by a model trained on features=magnitude");
        }
        int p = 0;
        double[] out = new double[h.length * h[0].length * h[0][0].length];
        for (double[][] plane : h) {
            for (double[] row : plane) {
                for (double v : row) {
                    out[p++] = v;
                }
            }
        }
        return out;
    }

    /** Rebuilds the latency instance of a dataset row from its features (older datasets without {@code sharedServerCpu} too). */
    public static LatencyInstance instance(Row row) {
        return CODEC.instance(row.features());
    }

    /** The label {@code power[n][k]} of a row, flattened row-major. */
    public static double[] powerLabel(Row row) {
        return Tensor.of(LatencyCodec.power(row.label())).data();
    }

    /** The label {@code offloadRatio[k]} of a row. */
    public static double[] ratioLabel(Row row) {
        return LatencyCodec.offloadRatio(row.label());
    }
}
