package org.mecopt.models.learning;

import org.mecopt.api.Problem;

/** A loaded model that answers one instance at a time: its task's encode, the network, decode. */
public interface Predictor<I extends Problem<S>, S> extends AutoCloseable {
    /** Throws {@link org.mecopt.api.InvalidInstanceException} unless the model was trained for this instance's size. */
    void checkFits(I instance);

    /** The instances it fits, in a few words (e.g. {@code K=10, N=4}). */
    String covers();

    S predict(I instance);

    @Override
    void close();
}
