package org.mecopt.models.learning;

import java.io.PrintWriter;
import java.util.Locale;

/** Called after every epoch of a {@link TrainingLoop}. */
public interface Progress {
    void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double seconds);

    Progress NONE = (a, b, c, d, e, f) -> { };

    /** One line per epoch: a bar, the train and validation losses, whether the checkpoint was saved. */
    static Progress line(PrintWriter out) {
        return (e, n, train, validation, best, seconds) -> {
            int width = 20;
            int filled = (int) Math.round(width * (double) e / n);
            out.printf(Locale.ROOT, "epoch %3d/%d [%s%s] train %.5f  validation %.5f%s  %.1f s%n", e, n,
                    "#".repeat(filled), ".".repeat(width - filled), train, validation, best ? "  (best, saved)" : "",
                    seconds);
            out.flush();
        };
    }
}
