package org.mecopt.env;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The set an observation or an action lives in, as Gymnasium's {@code spaces}: {@link Box} for real
 * vectors, {@link Discrete} for {@code {0, …, n-1}}.
 *
 * @param <T> the value type ({@code double[]} for a box, {@code Integer} for a discrete space)
 */
public sealed interface Space<T> permits Box, Discrete {

    /** Whether {@code value} lies in this space (right shape, inside the bounds, finite where bounded). */
    boolean contains(T value);

    /** A uniformly drawn member (a box with an infinite bound draws from a standard normal on that coordinate). */
    T sample(UniformRandomProvider rng);
}
