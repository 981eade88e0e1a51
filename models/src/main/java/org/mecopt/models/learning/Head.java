package org.mecopt.models.learning;

import ai.djl.nn.SequentialBlock;

/**
 * A named output of a network, read by the task's decoder and scored by the objective's terms
 * (several heads with their loss weights make a multi-task learner).
 */
public interface Head {
    /** The head's name, unique in its network (the latency CNN-LSTM's only head is {@code power}). */
    String name();

    /** What kind of head this is (e.g. {@code softmax-slack}). */
    String type();

    /** Outputs per sample. */
    long outputs();

    /** Appends the head's layers to {@code network}, whose last layer is the trunk's. */
    void addTo(SequentialBlock network);
}
