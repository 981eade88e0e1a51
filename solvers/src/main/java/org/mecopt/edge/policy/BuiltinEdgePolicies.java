package org.mecopt.edge.policy;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.LocalSearchAllocator;
import org.mecopt.edge.TaskAllocation;

/**
 * The classical policies: {@code daes} (stay on the connected server), {@code ga-aware} (the
 * server with the smallest η), {@code local-search} ({@link LocalSearchAllocator}, default
 * settings) and {@code random} (every user to a uniformly drawn edge server; argument: the seed,
 * default 0; the stream runs on across calls, so a run is reproducible in call order).
 */
public final class BuiltinEdgePolicies implements EdgePolicyProvider {

    public static final List<String> NAMES = List.of("daes", "ga-aware", "local-search", "random");

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public EdgePolicy create(String name, String argument) {
        if (argument != null && !name.equals("random")) {
            throw new IllegalArgumentException("policy " + name + " takes no argument, got '" + argument + "'");
        }
        return switch (name) {
            case "daes" -> named(name, TaskAllocation::daes);
            case "ga-aware" -> named(name, TaskAllocation::gaAware);
            case "local-search" -> named(name, s -> new LocalSearchAllocator().allocate(s));
            case "random" -> random(argument == null ? 0 : parseSeed(argument));
            default -> throw new IllegalArgumentException("policy '" + name + "' is not one of " + NAMES);
        };
    }

    private static long parseSeed(String argument) {
        try {
            return Long.parseLong(argument);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("random policy: seed '" + argument + "' is not an integer", e);
        }
    }

    /** Uniform over the edge servers, from a stream seeded once. */
    public static EdgePolicy random(long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        return named("random", s -> {
            int[] a = new int[s.userCount()];
            for (int u = 0; u < a.length; u++) {
                a[u] = rng.nextInt(s.serverCount());
            }
            return a;
        });
    }

    private static EdgePolicy named(String name, java.util.function.Function<EdgeSystem, int[]> f) {
        return new EdgePolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int[] allocate(EdgeSystem system) {
                return f.apply(system);
            }
        };
    }
}
