package org.mecopt.models.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.edge.policy.EdgePolicyProvider;

/**
 * The learned seed-003 policies as {@link EdgePolicy} names (found by {@link java.util.ServiceLoader}):
 * {@code mamaxent}, {@code maddpg} (server-side), {@code idqn}, {@code vdn} (= {@code vdn-l}),
 * {@code vdn-l}, {@code vdn-g} (user-side). The argument is a model directory written by
 * {@code mecopt train qoe-edge} ({@code mamaxent:runs/m110}); without one, the model bundled for the
 * system's number of users, chosen per system ({@link #BUNDLED}: all five agents for |U| = 110,
 * MAMaxEnt, MADDPG and VDN-L also for 70 and 150, so Fig. 8 has learned rows at its ends and middle; deployment
 * {@link org.mecopt.edge.env.EdgeAllocationEnv#DEFAULT_DEPLOYMENT_SEED}); other sizes are refused,
 * naming the sizes bundled. A model acts greedily in plain Java: per user the argmax of its
 * connected server's actor (or of its own Q-values).
 *
 * <p>A model is tied to its deployment: each user index keeps its η row across the systems of one
 * deployment, which is what a policy learns; systems of another deployment look the same to it but
 * are not (the manifest records {@code deploymentSeed}).
 */
public final class LearnedEdgePolicies implements EdgePolicyProvider {
    public static final List<String> NAMES = List.of("mamaxent", "maddpg", "idqn", "vdn", "vdn-l", "vdn-g");
    /** Users of the bundled models per agent. */
    static final Map<String, List<Integer>> BUNDLED = Map.of("mamaxent", List.of(70, 110, 150),
            "maddpg", List.of(70, 110, 150), "idqn", List.of(110), "vdn-l", List.of(70, 110, 150), "vdn-g", List.of(110));
    private static final Map<String, EdgeModel> LOADED = new ConcurrentHashMap<>();

    @Override
    public List<String> names() {
        return NAMES;
    }

    @Override
    public EdgePolicy create(String name, String argument) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("policy '" + name + "' is not one of " + NAMES);
        }
        String agent = name.equals("vdn") ? "vdn-l" : name;
        if (argument != null && !argument.isBlank()) {
            EdgeModel model = load(Path.of(argument));
            if (!model.agent().equals(agent)) {
                throw new IllegalArgumentException("policy " + name + ": model " + argument + " is a " + model.agent()
                        + " model");
            }
            return policy(name, system -> model);
        }
        return policy(name, system -> bundled(agent, system.userCount()));
    }

    /** The classpath folder of a bundled model. */
    static String folder(String agent, int users) {
        return "org/mecopt/models/pretrained/qoe-edge-" + agent + "-u" + users + "/";
    }

    /** The bundled model of {@code agent} for {@code users} users. */
    public static EdgeModel bundled(String agent, int users) {
        List<Integer> sizes = BUNDLED.getOrDefault(agent, List.of());
        if (!sizes.contains(users)) {
            throw new IllegalArgumentException("no bundled " + agent + " model for " + users + " users"
                    + (sizes.isEmpty() ? "" : " (bundled: " + sizes + " users)") + "; train one with `mecopt train "
                    + "qoe-edge --agent " + agent + " --users " + users + " --out DIR` and use " + agent + ":DIR");
        }
        return LOADED.computeIfAbsent(folder(agent, users), f -> {
            try {
                return EdgeModel.resource(f);
            } catch (IOException e) {
                throw new UncheckedIOException("bundled model " + f + " cannot be read", e);
            }
        });
    }

    private static EdgeModel load(Path dir) {
        try {
            return EdgeModel.load(dir);
        } catch (IOException e) {
            throw new IllegalArgumentException("model '" + dir + "' cannot be read: " + e.getMessage(), e);
        }
    }

    private interface ModelFor {
        EdgeModel of(EdgeSystem system);
    }

    private static EdgePolicy policy(String name, ModelFor models) {
        return new EdgePolicy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int[] allocate(EdgeSystem system) {
                return models.of(system).allocate(system);
            }
        };
    }
}
