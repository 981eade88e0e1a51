package org.mecopt.models.learning;

import ai.djl.nn.SequentialBlock;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The shared body of a network: everything between the input and the heads. A multi-task learner
 * has one trunk and several {@link Head}s; the latency CNN-LSTM's trunk is conv → LSTM (→ hidden).
 */
public interface Trunk {
    /** What kind of trunk this is, as the manifest names it (e.g. {@code cnn-lstm}). */
    String type();

    /** Appends the trunk's layers to {@code network}. */
    void addTo(SequentialBlock network);

    /** Its sizes, for the manifest. */
    ObjectNode describe();
}
