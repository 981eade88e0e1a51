package org.mecopt.env;

import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * The state machine every episode shares, single- or multi-agent: the seeded stream, whether an
 * episode is running, its step count and its time limit.
 */
final class EpisodeClock {
    private final int maxEpisodeSteps;
    private UniformRandomProvider rng;
    private boolean running;
    private int steps;

    EpisodeClock(int maxEpisodeSteps) {
        if (maxEpisodeSteps < 0) {
            throw new IllegalArgumentException("maxEpisodeSteps = " + maxEpisodeSteps + " must be >= 0 (0 = no limit)");
        }
        this.maxEpisodeSteps = maxEpisodeSteps;
    }

    OptionalInt maxEpisodeSteps() {
        return maxEpisodeSteps == 0 ? OptionalInt.empty() : OptionalInt.of(maxEpisodeSteps);
    }

    UniformRandomProvider seed(long seed) {
        rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return start();
    }

    UniformRandomProvider next() {
        if (rng == null) {
            throw new IllegalStateException("the environment was never seeded: call reset(seed) first");
        }
        return start();
    }

    private UniformRandomProvider start() {
        steps = 0;
        running = true;
        return rng;
    }

    /** The stream, for a step; refuses a step outside an episode. */
    UniformRandomProvider stepping() {
        if (!running) {
            throw new IllegalStateException(rng == null ? "call reset(seed) before step"
                    : "the episode is over (terminated or truncated): call reset() before step");
        }
        return rng;
    }

    /** Counts a step; true if the time limit truncates the episode here (a termination takes precedence). */
    boolean advance(boolean terminated) {
        steps++;
        return !terminated && maxEpisodeSteps > 0 && steps >= maxEpisodeSteps;
    }

    void end(boolean done) {
        running = !done;
    }

    int steps() {
        return steps;
    }
}
