package org.mecopt.models.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Running sums of an algorithm's per-update metrics over one logging interval; {@link #take} gives
 * their means (NaN when no update happened) and starts the next interval. Saved in checkpoints, so
 * a resumed run logs the interval it was in the middle of as the uninterrupted run would.
 */
final class MetricMeans {
    private final double[] sums;
    private int count;

    MetricMeans(int metrics) {
        sums = new double[metrics];
    }

    void add(double... values) {
        for (int k = 0; k < sums.length; k++) {
            sums[k] += values[k];
        }
        count++;
    }

    double[] take() {
        double[] means = new double[sums.length];
        for (int k = 0; k < means.length; k++) {
            means[k] = count == 0 ? Double.NaN : sums[k] / count;
            sums[k] = 0;
        }
        count = 0;
        return means;
    }

    void save(DataOutputStream out) throws IOException {
        for (double m : sums) {
            out.writeDouble(m);
        }
        out.writeInt(count);
    }

    void load(DataInputStream in) throws IOException {
        for (int k = 0; k < sums.length; k++) {
            sums[k] = in.readDouble();
        }
        count = in.readInt();
    }
}
