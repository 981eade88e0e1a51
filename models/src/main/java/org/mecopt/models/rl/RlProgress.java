package org.mecopt.models.rl;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Called after every logging interval of an RL training run. */
@FunctionalInterface
public interface RlProgress {
    void interval(TrainingLog.Interval row, long totalSteps, List<String> metricNames);

    RlProgress NONE = (row, total, names) -> { };

    /** One line per interval: a bar, the episodes, the recent return, the metrics and the speed. */
    static RlProgress line(PrintWriter out) {
        return (row, total, names) -> {
            int width = 20;
            int filled = (int) Math.round(width * (double) row.step() / total);
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "step %d/%d [%s%s] episodes %d return %.1f",
                    row.step(), total, "#".repeat(filled), ".".repeat(width - filled), row.episodes(),
                    row.recentReturn()));
            double[] m = row.metrics();
            for (int k = 0; k < m.length; k++) {
                s.append(String.format(Locale.ROOT, "  %s %.4g", names.get(k), m[k]));
            }
            s.append(String.format(Locale.ROOT, "  %.0f steps/s", row.stepsPerSecond()));
            out.println(s);
            out.flush();
        };
    }

    /** {@link #line} on standard error. */
    static RlProgress stderr() {
        return line(new PrintWriter(System.err, true));
    }
}
