package org.mecopt.env;

import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The base of every {@link Env}: a subclass says how an episode {@linkplain #begin begins} and how
 * an action {@linkplain #advance advances} it; this class seeds, validates the action against the
 * space and the last action mask, applies the time limit as a truncation and refuses a step outside
 * an episode, so every environment obeys the same contract (checked by {@link EnvChecker}).
 */
public abstract class EpisodicEnv<A> implements Env<A> {
    private final EpisodeClock clock;
    private Info lastInfo = Info.EMPTY;

    /** @param maxEpisodeSteps the time limit (truncation), 0 for none */
    protected EpisodicEnv(int maxEpisodeSteps) {
        this.clock = new EpisodeClock(maxEpisodeSteps);
    }

    /** The first observation of a new episode, drawn from {@code rng} where the start is random. */
    protected abstract Reset begin(UniformRandomProvider rng);

    /** Applies a valid action; {@code rng} is the episode's stream for stochastic dynamics. */
    protected abstract Step advance(A action, UniformRandomProvider rng);

    /** Steps taken in the current episode. */
    protected final int elapsedSteps() {
        return clock.steps();
    }

    @Override
    public final OptionalInt maxEpisodeSteps() {
        return clock.maxEpisodeSteps();
    }

    @Override
    public final Reset reset(long seed) {
        return started(begin(clock.seed(seed)));
    }

    @Override
    public final Reset reset() {
        return started(begin(clock.next()));
    }

    private Reset started(Reset reset) {
        lastInfo = reset.info();
        return reset;
    }

    @Override
    public final Step step(A action) {
        UniformRandomProvider rng = clock.stepping();
        if (!actionSpace().contains(action)) {
            throw new IllegalArgumentException("action " + Actions.describe(action) + " is outside " + actionSpace());
        }
        if (action instanceof Integer a && !lastInfo.allows(a)) {
            throw new IllegalArgumentException("action " + a + " is masked (not allowed) in this state");
        }
        Step step = advance(action, rng);
        if (clock.advance(step.terminated())) {
            step = new Step(step.observation(), step.reward(), false, true, step.info());
        }
        clock.end(step.done());
        lastInfo = step.info();
        return step;
    }
}
