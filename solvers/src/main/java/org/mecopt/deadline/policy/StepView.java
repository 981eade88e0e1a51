package org.mecopt.deadline.policy;

import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * The system as a policy sees it just before a step: per user its observation and own state
 * (decentralized information) and, for centralized policies, this step's effective gains
 * {@code G_kj} (the step's SINR follows from them and the chosen powers). Valid until the step is
 * taken; the simulator's live view, not a copy.
 */
public interface StepView {

    /** The step about to be taken, numbered from 1. */
    int step();

    int users();

    DeadlineEnergyConfig config();

    /** User k's observation, the paper's 4 features in [0,1] (a new array). */
    double[] observation(int user);

    /** User k's own, unnormalized state. */
    LocalState local(int user);

    /** Whether user k has a task this step (users without one are ignored by the dynamics). */
    boolean pending(int user);

    /** {@code G_kj} of this step (centralized information). */
    double gain(int k, int j);
}
