package org.mecopt.models.learning;

/**
 * One epoch of a training run.
 *
 * @param learningRate the rate after this epoch's schedule step (the one the next epoch uses)
 * @param best whether its validation loss was the best so far (its parameters are the checkpoint)
 */
public record Epoch(int epoch, double trainLoss, double validationLoss, double learningRate, boolean best,
                    double seconds) {
}
