package org.mecopt.models.learning;

import ai.djl.training.Trainer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Called after every epoch of a {@link TrainingLoop} (after its resumable state is written), and, for a
 * learning curve finer than an epoch, optionally every {@link #stepEvery()} optimizer steps.
 */
public interface Progress {
    void epoch(int epoch, int epochs, double trainLoss, double validationLoss, boolean best, double seconds);

    /** Called once before the first epoch when the loop resumes an interrupted run from {@code state}. */
    default void resumed(int epochsDone, int epochs, Path state) {
    }

    /** Optimizer steps between two calls of {@link #step}; 0 (the default): never called. */
    default int stepEvery() {
        return 0;
    }

    /**
     * With {@link #stepEvery()} {@code > 0}: called once before the first step of a fresh run (step 0, after
     * the start parameters are in place) and after every {@code stepEvery()}-th step (counted from the run's
     * start, a resumed run's earlier epochs included), with the trainer, e.g. to evaluate the network
     * ({@link Trainer#evaluate}, inference mode) on a validation set. It must not change the parameters; the
     * loop's shuffles and updates are the same whether it is called or not.
     */
    default void step(int step, Trainer trainer) {
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
