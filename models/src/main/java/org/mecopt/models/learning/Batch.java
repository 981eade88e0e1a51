package org.mecopt.models.learning;

import ai.djl.ndarray.NDList;

/**
 * A mini-batch on the engine: the network's inputs and what its loss needs besides the outputs —
 * labels for supervised terms, or the constants a self-supervised loss computes the objective from.
 */
public record Batch(NDList inputs, NDList context) {
}
