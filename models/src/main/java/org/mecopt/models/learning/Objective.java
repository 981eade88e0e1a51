package org.mecopt.models.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;

/**
 * What a training loop minimizes, over examples of type {@code X}: how a list of them becomes a
 * {@link Batch}, and the scalar loss of the network's outputs on it. Usually a {@link WeightedLoss}.
 */
public interface Objective<X> {
    Batch batch(NDManager manager, List<X> examples);

    /** The batch's mean loss, a scalar that autograd descends. */
    NDArray loss(NDList outputs, Batch batch);

    /**
     * The loss the loop compares between epochs to keep the best checkpoint and stop early: the
     * training loss by default. A loss whose own terms move during training (e.g. learned task
     * weights) overrides it with a fixed criterion, so that epochs are compared on one scale.
     */
    default NDArray validationLoss(NDList outputs, Batch batch) {
        return loss(outputs, batch);
    }
}
