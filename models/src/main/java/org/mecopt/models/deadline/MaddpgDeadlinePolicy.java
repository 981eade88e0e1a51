package org.mecopt.models.deadline;

import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.deadline.policy.StepView;
import org.mecopt.models.rl.MaddpgPolicy;

/**
 * The {@code maddpg} policy of {@code deadline-energy}: each user acts on its own observation (the
 * paper's four features) with the trained actor, in plain Java at batch 1 — decentralized execution;
 * the centralized critic was needed for training only. With a shared actor the user's index enters
 * as a one-hot id, so the actor serves exactly the user count it was trained for.
 */
public final class MaddpgDeadlinePolicy implements DeadlinePolicy {
    public static final String NAME = "maddpg";
    private final MaddpgPolicy actors;

    /**
     * @throws InvalidInstanceException naming {@code users} when the actors were trained for another
     *                                  user count
     */
    public MaddpgDeadlinePolicy(MaddpgPolicy actors, DeadlineEnergyConfig config) {
        if (actors.agents() != config.users()) {
            throw new InvalidInstanceException("users", config.users(), "the maddpg actor was trained for K = "
                    + actors.agents() + " users; train one for this setting with 'mecopt train deadline-energy'");
        }
        if (actors.observationSize() != DeadlineEnergyEnv.OBSERVATION_SIZE) {
            throw new InvalidInstanceException("maddpg", actors.observationSize() + " observations",
                    "the actor does not take the simulator's " + DeadlineEnergyEnv.OBSERVATION_SIZE + " features");
        }
        this.actors = actors;
    }

    public MaddpgPolicy actors() {
        return actors;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public double[][] act(StepView view) {
        double[][] a = new double[view.users()][];
        for (int u = 0; u < a.length; u++) {
            a[u] = actors.act(u, view.observation(u));
        }
        return a;
    }
}
