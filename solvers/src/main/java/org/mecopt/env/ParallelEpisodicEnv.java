package org.mecopt.env;

import java.util.List;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The base of every {@link ParallelEnv}, as {@link EpisodicEnv} is for one agent: seeding, the time
 * limit (every agent truncated together), validation of each agent's action against its space and
 * mask, and refusing a step outside an episode.
 */
public abstract class ParallelEpisodicEnv<A> implements ParallelEnv<A> {
    private final EpisodeClock clock;
    private List<Info> lastInfos = List.of();

    protected ParallelEpisodicEnv(int maxEpisodeSteps) {
        this.clock = new EpisodeClock(maxEpisodeSteps);
    }

    protected abstract ParallelReset begin(UniformRandomProvider rng);

    protected abstract ParallelStep advance(List<A> actions, UniformRandomProvider rng);

    protected final int elapsedSteps() {
        return clock.steps();
    }

    @Override
    public final OptionalInt maxEpisodeSteps() {
        return clock.maxEpisodeSteps();
    }

    @Override
    public final ParallelReset reset(long seed) {
        return started(begin(clock.seed(seed)));
    }

    @Override
    public final ParallelReset reset() {
        return started(begin(clock.next()));
    }

    private ParallelReset started(ParallelReset reset) {
        lastInfos = reset.infos();
        return reset;
    }

    @Override
    public final ParallelStep step(List<A> actions) {
        UniformRandomProvider rng = clock.stepping();
        if (actions.size() != agentCount()) {
            throw new IllegalArgumentException(actions.size() + " actions for " + agentCount() + " agents");
        }
        for (int i = 0; i < actions.size(); i++) {
            A action = actions.get(i);
            if (!actionSpace(i).contains(action)) {
                throw new IllegalArgumentException("action " + Actions.describe(action) + " of agent " + agentName(i)
                        + " is outside " + actionSpace(i));
            }
            if (action instanceof Integer a && !lastInfos.get(i).allows(a)) {
                throw new IllegalArgumentException("action " + a + " of agent " + agentName(i) + " is masked");
            }
        }
        ParallelStep step = advance(List.copyOf(actions), rng);
        if (clock.advance(step.allTerminated())) {
            step = step.truncatedByLimit();
        }
        clock.end(step.done());
        lastInfos = step.infos();
        return step;
    }
}
