package org.mecopt.deadline.policy;

import java.util.List;
import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * Registers the classical (non-learned) policies of the {@code deadline-energy} simulator:
 * {@code heuristic} (the paper's baseline), {@code just-in-time} (decentralized), {@code per-step-optimal}
 * (centralized) and {@code per-step-optimal-reliable} (the same with base CPU share 0.9).
 */
public final class ClassicalPolicies implements DeadlinePolicyProvider {
    /** {@code per-step-optimal} with base CPU share 0.9: the most reliable classical setting we tuned, at more energy. */
    public static final String RELIABLE = "per-step-optimal-reliable";

    @Override
    public List<String> names() {
        return List.of(HeuristicPolicy.NAME, JustInTimePolicy.NAME, PerStepOptimalPolicy.NAME, RELIABLE);
    }

    @Override
    public DeadlinePolicy create(String name, DeadlineEnergyConfig config) {
        return switch (name) {
            case HeuristicPolicy.NAME -> new HeuristicPolicy(1);
            case JustInTimePolicy.NAME -> new JustInTimePolicy(config);
            case PerStepOptimalPolicy.NAME -> new PerStepOptimalPolicy(config);
            case RELIABLE -> new PerStepOptimalPolicy(config, OffloadFirstSettings.DEFAULTS.withBaseCpuShare(0.9), RELIABLE);
            default -> throw new org.mecopt.api.InvalidInstanceException("policy", name, "is not a classical policy");
        };
    }
}
