package org.mecopt.models.learning;

import org.mecopt.api.Problem;

/**
 * What a learner learns, at inference: how an instance becomes the network's input and how the
 * heads' outputs become a solution. Training adds an {@link Objective} over the task's examples
 * (named targets, self-supervised losses, or both). Both directions can go through the problem
 * family's {@link org.mecopt.api.TensorCodec}: instances from a dataset row's features, targets
 * from its labels.
 *
 * @param <I> the instance type
 * @param <S> its solution type
 */
public interface LearningTask<I extends Problem<S>, S> {
    /** The name the manifest records, by which a model directory finds its task. */
    String name();

    /** The trunk and heads this task's models have. */
    Network network();

    /** The instance's network input, flattened in the network's input shape; throws if it does not fit. */
    float[] encode(I instance);

    /** The solution the heads' outputs {@code output[offset …]} (all heads, in order) give for {@code instance}. */
    S decode(I instance, float[] output, int offset);
}
