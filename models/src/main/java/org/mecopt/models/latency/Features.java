package org.mecopt.models.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.datasets.Row;
import org.mecopt.api.Tensor;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencyUser;

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

    /** Rebuilds the latency instance of a dataset row from its features. */
    public static LatencyInstance instance(Row row) {
        Map<String, Tensor> f = row.features();
        double[][][] gain = cube(need(f, "gain"));
        Tensor mag = f.get("channelMagnitude");
        double[][][] magnitude = mag == null || mag.data().length == 0 ? null : cube(mag);
        double[] z = need(f, "taskBits").data();
        double[] c = need(f, "cyclesPerBit").data();
        double[] cpu = need(f, "userCpuHz").data();
        List<LatencyUser> users = new ArrayList<>();
        for (int k = 0; k < z.length; k++) {
            users.add(new LatencyUser(z[k], c[k], cpu[k]));
        }
        Tensor shared = f.get("sharedServerCpu"); // absent from datasets written before it existed
        return new LatencyInstance(need(f, "subcarrierBandwidthHz").data()[0], need(f, "serverCpuHz").data()[0],
                need(f, "localComputing").data()[0] != 0, users, gain, magnitude,
                shared != null && shared.data().length > 0 && shared.data()[0] != 0);
    }

    /** The label {@code power[n][k]} of a row, flattened row-major. */
    public static double[] powerLabel(Row row) {
        Tensor t = row.label().get("power");
        if (t == null) {
            throw new InvalidInstanceException("label.power", null, "is missing: not a latency dataset");
        }
        return t.data();
    }

    /** The label {@code offloadRatio[k]} of a row. */
    public static double[] ratioLabel(Row row) {
        Tensor t = row.label().get("offloadRatio");
        if (t == null) {
            throw new InvalidInstanceException("label.offloadRatio", null, "is missing: not a latency dataset");
        }
        return t.data();
    }

    private static Tensor need(Map<String, Tensor> f, String name) {
        Tensor t = f.get(name);
        if (t == null) {
            throw new InvalidInstanceException("features." + name, null, "is missing: not a latency dataset");
        }
        return t;
    }

    static double[][][] cube(Tensor t) {
        int[] s = t.shape();
        double[][][] out = new double[s[0]][s[1]][s[2]];
        int p = 0;
        for (int i = 0; i < s[0]; i++) {
            for (int j = 0; j < s[1]; j++) {
                System.arraycopy(t.data(), p, out[i][j], 0, s[2]);
                p += s[2];
            }
        }
        return out;
    }
}
