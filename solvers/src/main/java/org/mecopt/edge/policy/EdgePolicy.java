package org.mecopt.edge.policy;

import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;

/**
 * A whole-system task allocation policy of seed 003: given a system, which edge server processes
 * each user's task. The compute allocation follows separately ({@link EdgeEvaluator#evaluate}: the
 * sigmoidal split per server, each user falling back to the cloud when that gives more QoE).
 * Built-in policies are in {@link BuiltinEdgePolicies}; others (the learned ones of module
 * {@code models}) register through {@link EdgePolicyProvider}; look them up with {@link EdgePolicies}.
 */
public interface EdgePolicy {

    /** The name it is listed under (e.g. {@code daes}, {@code mamaxent}). */
    String name();

    /**
     * @return {@code a[u]} = the edge server of user u, or −1 to send u to the cloud directly; one
     *     entry per user
     * @throws IllegalArgumentException if the policy cannot act on this system (e.g. a learned policy
     *     trained for another number of users), naming the reason
     */
    int[] allocate(EdgeSystem system);
}
