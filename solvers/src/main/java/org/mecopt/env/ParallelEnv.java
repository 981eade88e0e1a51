package org.mecopt.env;

import java.util.List;
import java.util.OptionalInt;

/**
 * A multi-agent environment in the shape of PettingZoo's parallel API: every agent observes, acts and
 * is rewarded at each step, with per-agent spaces, rewards and flags, and a global {@link #state()}
 * for centralized critics. Agents are indexed {@code 0 … agentCount()-1} and named; in the MEC
 * systems modelled here every agent stays for the whole episode, so all agents' flags end an
 * episode together (checked by {@link EnvChecker}). Extend {@link ParallelEpisodicEnv}.
 *
 * @param <A> the action type of every agent ({@code Integer} or {@code double[]})
 */
public interface ParallelEnv<A> {

    int agentCount();

    String agentName(int agent);

    Box observationSpace(int agent);

    Space<A> actionSpace(int agent);

    /** The space of {@link #state()}. */
    Box stateSpace();

    OptionalInt maxEpisodeSteps();

    ParallelReset reset(long seed);

    /** The next episode from the stream the last {@link #reset(long)} seeded. */
    ParallelReset reset();

    /**
     * Applies one action per agent, in agent order.
     *
     * @throws IllegalStateException    before the first reset or after the episode ended
     * @throws IllegalArgumentException if an action is outside its agent's space or masked
     */
    ParallelStep step(List<A> actions);

    /** The global state after the last reset or step (for a centralized critic). */
    double[] state();
}
