package org.mecopt.models.learning;

import java.nio.file.Path;

/**
 * Training produced a loss that is not a finite number. Thrown before the optimizer applies that
 * step, so the parameters in memory, the best checkpoint and the resumable state on disk (both of
 * the last finished epoch) are never overwritten with NaN.
 */
public final class TrainingDivergedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    TrainingDivergedException(String what, int epoch, long step, double value, Path dir) {
        super(String.format(java.util.Locale.ROOT, "training diverged: the %s is %s at epoch %d (step %d); the best "
                + "checkpoint and the state of the last finished epoch in %s are kept. A lower --learning-rate "
                + "(in a new --out) usually avoids it", what, value, epoch, step, dir));
    }
}
