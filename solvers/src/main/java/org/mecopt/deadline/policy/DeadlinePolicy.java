package org.mecopt.deadline.policy;

import org.mecopt.deadline.EpisodeInfo;

/**
 * A control policy of the {@code deadline-energy} simulator: per step and user the actions
 * {@code [α, η] ∈ [0,1]²} (DVFS share of f_max and power share of p_max). One instance runs one
 * episode at a time; the simulator calls {@link #begin} before each episode and {@link #act} before
 * each step. A decentralized policy reads only {@code view.observation(k)} or {@code view.local(k)}
 * for user k's action; a centralized one may read every user's state and the step's gains.
 * Implementations need not be thread-safe; {@link DeadlinePolicies#create} gives a fresh one.
 */
public interface DeadlinePolicy {

    /** The registered name, e.g. {@code heuristic}. */
    String name();

    /** Called at the start of every episode. */
    default void begin(EpisodeInfo episode) {
    }

    /**
     * The actions of every user for the step {@code view} describes.
     *
     * @return {@code [users][2]}, each entry in [0,1] (actions of users without a task are ignored)
     */
    double[][] act(StepView view);
}
