package org.mecopt.deadline.policy;

import java.util.List;
import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * Service-provider interface through which a module registers {@link DeadlinePolicy}s with
 * {@link DeadlinePolicies}: list the implementation in
 * {@code META-INF/services/org.mecopt.deadline.policy.DeadlinePolicyProvider}. The classical
 * policies come from {@link ClassicalPolicies}; a learned one (e.g. {@code maddpg} in the models
 * module) registers its own provider, so this module does not depend on it.
 */
public interface DeadlinePolicyProvider {

    /** The policy names this provider creates, in display order. */
    List<String> names();

    /**
     * A new policy for the given setting.
     *
     * @throws org.mecopt.api.InvalidInstanceException if the policy cannot run this setting (naming why)
     */
    DeadlinePolicy create(String name, DeadlineEnergyConfig config);
}
