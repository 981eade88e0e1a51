package org.mecopt.models.learning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** Called after every epoch of a {@link TrainingLoop} (after its resumable state is written). */
public interface Progress {
    void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double seconds);

    /** Called once before the first epoch when the loop resumes an interrupted run from {@code state}. */
    default void resumed(int epochsDone, int epochs, Path state) {
    }

    Progress NONE = (a, b, c, d, e, f) -> { };

    /** One line per epoch: a bar, the train and validation losses, whether the checkpoint was saved. */
    static Progress line(PrintWriter out) {
        return new Progress() {
            @Override
            public void epoch(int e, int n, double train, double validation, boolean best, double seconds) {
                int width = 20;
                int filled = (int) Math.round(width * (double) e / n);
                out.printf(Locale.ROOT, "epoch %3d/%d [%s%s] train %.5f  validation %.5f%s  %.1f s%n", e, n,
                        "#".repeat(filled), ".".repeat(width - filled), train, validation, best ? "  (best, saved)" : "",
                        seconds);
                out.flush();
            }

            @Override
            public void resumed(int done, int n, Path state) {
                out.printf(Locale.ROOT, "resuming after epoch %d/%d from %s%n", done, n, state);
                out.flush();
            }
        };
    }
}
