package org.mecopt.deadline.policy;

import java.util.List;
import org.mecopt.deadline.DeadlineEnergyConfig;

/** Registers the classical (non-learned) policies of the {@code deadline-energy} simulator. */
public final class ClassicalPolicies implements DeadlinePolicyProvider {

    @Override
    public List<String> names() {
        return List.of(HeuristicPolicy.NAME);
    }

    @Override
    public DeadlinePolicy create(String name, DeadlineEnergyConfig config) {
        return switch (name) {
            case HeuristicPolicy.NAME -> new HeuristicPolicy(1);
            default -> throw new org.mecopt.api.InvalidInstanceException("policy", name, "is not a classical policy");
        };
    }
}
