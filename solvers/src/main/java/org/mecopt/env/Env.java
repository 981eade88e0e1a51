package org.mecopt.env;

import java.util.OptionalInt;

/**
 * A single-agent environment in Gymnasium's shape: {@code reset(seed) → (observation, info)},
 * {@code step(action) → (observation, reward, terminated, truncated, info)}. Environments are domain
 * code: plain Java, no learning library. Extend {@link EpisodicEnv}, which keeps the episode's state
 * machine (seeding, time limit, refusing a step after the end or an invalid action) in one place.
 *
 * @param <A> the action type: {@code Integer} for a {@link Discrete} action space, {@code double[]}
 *            for a {@link Box}
 */
public interface Env<A> {

    Box observationSpace();

    Space<A> actionSpace();

    /** The time limit after which an episode is truncated, if any. */
    OptionalInt maxEpisodeSteps();

    /** Starts an episode from a fresh random stream seeded with {@code seed}: same seed, same episode. */
    Reset reset(long seed);

    /**
     * Starts the next episode from the stream the last {@link #reset(long)} seeded, so a training run
     * seeds once and still sees different episodes.
     *
     * @throws IllegalStateException if the environment was never seeded
     */
    Reset reset();

    /**
     * Applies {@code action}.
     *
     * @throws IllegalStateException    before the first reset or after the episode ended
     * @throws IllegalArgumentException if the action is outside the action space or masked
     */
    Step step(A action);
}
