package org.mecopt.deadline.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;

/**
 * The registry of {@link DeadlinePolicy}s: every {@link DeadlinePolicyProvider} found with
 * {@link ServiceLoader} on the class path, classical ones first, then the others by provider class
 * name (a deterministic order for tables and plots). A name registered twice is an error.
 */
public final class DeadlinePolicies {
    private DeadlinePolicies() {
    }

    /** Every registered name, in display order. */
    public static List<String> names() {
        return new ArrayList<>(providers().keySet());
    }

    /**
     * A new instance of the named policy.
     *
     * @throws InvalidInstanceException naming {@code policy} when it is not registered
     */
    public static DeadlinePolicy create(String name, DeadlineEnergyConfig config) {
        DeadlinePolicyProvider provider = providers().get(name);
        if (provider == null) {
            throw new InvalidInstanceException("policy", name, "is not registered; known: " + names());
        }
        return provider.create(name, config);
    }

    private static Map<String, DeadlinePolicyProvider> providers() {
        List<DeadlinePolicyProvider> found = new ArrayList<>();
        ServiceLoader.load(DeadlinePolicyProvider.class, DeadlinePolicies.class.getClassLoader()).forEach(found::add);
        found.sort((a, b) -> {
            boolean ca = a instanceof ClassicalPolicies;
            boolean cb = b instanceof ClassicalPolicies;
            return ca != cb ? (ca ? -1 : 1) : a.getClass().getName().compareTo(b.getClass().getName());
        });
        Map<String, DeadlinePolicyProvider> byName = new LinkedHashMap<>();
        for (DeadlinePolicyProvider p : found) {
            for (String n : p.names()) {
                DeadlinePolicyProvider previous = byName.putIfAbsent(n, p);
                if (previous != null && previous.getClass() != p.getClass()) {
                    throw new IllegalStateException("policy " + n + " is registered by " + previous.getClass().getName()
                            + " and " + p.getClass().getName());
                }
            }
        }
        return byName;
    }
}
