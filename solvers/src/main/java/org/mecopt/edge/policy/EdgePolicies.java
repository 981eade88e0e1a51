package org.mecopt.edge.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The registry of {@link EdgePolicy} names: every {@link EdgePolicyProvider} on the class path, the
 * built-in ones first. A spec is {@code name} or {@code name:argument}.
 */
public final class EdgePolicies {
    private EdgePolicies() {
    }

    private static Map<String, EdgePolicyProvider> providers() {
        Map<String, EdgePolicyProvider> byName = new LinkedHashMap<>();
        List<EdgePolicyProvider> all = new ArrayList<>();
        all.add(new BuiltinEdgePolicies());
        for (EdgePolicyProvider p : ServiceLoader.load(EdgePolicyProvider.class, EdgePolicies.class.getClassLoader())) {
            if (!(p instanceof BuiltinEdgePolicies)) {
                all.add(p);
            }
        }
        for (EdgePolicyProvider p : all) {
            for (String name : p.names()) {
                byName.putIfAbsent(name, p);
            }
        }
        return byName;
    }

    /** Every registered name, built-in ones first. */
    public static List<String> names() {
        return List.copyOf(providers().keySet());
    }

    /**
     * @param spec {@code name} or {@code name:argument}
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a bad argument
     */
    public static EdgePolicy create(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        Map<String, EdgePolicyProvider> providers = providers();
        EdgePolicyProvider p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("policy '" + name + "' is not registered; known: " + providers.keySet());
        }
        return p.create(name, argument);
    }
}
