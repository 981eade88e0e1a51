package org.mecopt.edge.policy;

import java.util.List;

/**
 * A source of {@link EdgePolicy} instances, found by {@link java.util.ServiceLoader} (list the
 * implementation in {@code META-INF/services/org.mecopt.edge.policy.EdgePolicyProvider}). This lets
 * module {@code models} add its learned policies without {@code solvers} depending on it.
 */
public interface EdgePolicyProvider {

    /** The policy names this provider creates. */
    List<String> names();

    /**
     * @param name one of {@link #names()}
     * @param argument the text after the first {@code ':'} of the policy spec ({@code "mamaxent:PATH"}
     *     → {@code "PATH"}), or null; its meaning is the policy's (a seed, a model file)
     * @throws IllegalArgumentException on a bad argument, naming it and its value
     */
    EdgePolicy create(String name, String argument);
}
