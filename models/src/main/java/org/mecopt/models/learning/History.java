package org.mecopt.models.learning;

import java.util.List;

/** What a training run did, epoch by epoch, and which epoch's parameters it kept. */
public record History(List<Epoch> epochs, int bestEpoch, double bestValidationLoss) {
    public History {
        epochs = List.copyOf(epochs);
    }

    public int epochsRun() {
        return epochs.size();
    }
}
