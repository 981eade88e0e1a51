package org.mecopt.models.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.io.AtomicFiles;
import org.mecopt.models.rl.Mlp;

/**
 * A trained seed-003 task-allocation model on disk: {@code model.json} (format, agent, sizes, the
 * network files, the deployment trained on, the hyper-parameters and training measurements) and the
 * networks as {@link Mlp} files (float32). Two layouts: {@code server-actors} (MADDPG, MAMaxEnt: the
 * servers' actors, {@link ServerActors}) and {@code user-q} (IDQN, VDN: the users' Q-networks,
 * {@link UserQNetworks}).
 */
public final class EdgeModel {
    public static final String FORMAT = "mecopt-edge-policy/1";
    public static final String MANIFEST = "model.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String agent;
    private final long deploymentSeed;
    private final ServerActors serverActors;
    private final UserQNetworks userQ;
    private final JsonNode manifest;

    private EdgeModel(String agent, long deploymentSeed, ServerActors serverActors, UserQNetworks userQ,
                      JsonNode manifest) {
        this.agent = agent;
        this.deploymentSeed = deploymentSeed;
        this.serverActors = serverActors;
        this.userQ = userQ;
        this.manifest = manifest;
    }

    public static EdgeModel of(String agent, long deploymentSeed, ServerActors actors) {
        return new EdgeModel(agent, deploymentSeed, actors, null, null);
    }

    public static EdgeModel of(String agent, long deploymentSeed, UserQNetworks q) {
        return new EdgeModel(agent, deploymentSeed, null, q, null);
    }

    /** The agent's name ({@code mamaxent}, {@code maddpg}, {@code idqn}, {@code vdn-l}, {@code vdn-g}). */
    public String agent() {
        return agent;
    }

    public long deploymentSeed() {
        return deploymentSeed;
    }

    public int users() {
        return serverActors != null ? serverActors.users() : userQ.users();
    }

    /** The manifest read from disk (null for a model built in memory). */
    public JsonNode manifest() {
        return manifest;
    }

    /** The greedy allocation of the system. */
    public int[] allocate(EdgeSystem system) {
        return serverActors != null ? serverActors.allocate(system) : userQ.allocate(system);
    }

    private List<Mlp> networks() {
        return serverActors != null ? List.of(serverActors.actors()) : List.of(userQ.networks());
    }

    /**
     * Writes the model into {@code dir}: the networks, then the manifest with {@code extra} fields
     * (hyper-parameters, measurements) merged in.
     */
    public void save(Path dir, Map<String, ?> extra) throws IOException {
        Files.createDirectories(dir);
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("agent", agent);
        root.put("layout", serverActors != null ? "server-actors" : "user-q");
        root.put("users", users());
        root.put("servers", serverActors != null ? serverActors.servers() : userQ.servers());
        root.put("deploymentSeed", deploymentSeed);
        if (userQ != null) {
            root.put("observation", userQ.observation().name());
        }
        List<Mlp> nets = networks();
        var files = root.putArray("networks");
        for (int k = 0; k < nets.size(); k++) {
            String name = "network-" + k + ".mlp";
            nets.get(k).save(dir.resolve(name));
            files.add(name);
        }
        if (extra != null) {
            extra.forEach((k, v) -> root.set(k, JSON.valueToTree(v)));
        }
        AtomicFiles.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(root) + "\n");
    }

    /** Reads a model directory written by {@link #save}. */
    public static EdgeModel load(Path dir) throws IOException {
        Path manifest = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            throw new IOException("no " + MANIFEST + " in " + dir + " (a model directory of mecopt train qoe-edge)");
        }
        return read(JSON.readTree(manifest.toFile()), name -> Files.newInputStream(dir.resolve(name)), dir.toString());
    }

    /** Reads a model shipped in the jar under the classpath folder {@code folder} (ending in {@code /}). */
    public static EdgeModel resource(String folder) throws IOException {
        ClassLoader loader = EdgeModel.class.getClassLoader();
        try (InputStream m = loader.getResourceAsStream(folder + MANIFEST)) {
            if (m == null) {
                throw new IOException("no bundled model at " + folder);
            }
            return read(JSON.readTree(m), name -> {
                InputStream s = loader.getResourceAsStream(folder + name);
                if (s == null) {
                    throw new IOException("bundled model " + folder + " lacks " + name);
                }
                return s;
            }, folder);
        }
    }

    private interface Opener {
        InputStream open(String name) throws IOException;
    }

    private static EdgeModel read(JsonNode root, Opener opener, String source) throws IOException {
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IOException(source + ": not a " + FORMAT + " model (format " + root.path("format") + ")");
        }
        List<Mlp> nets = new ArrayList<>();
        for (JsonNode f : root.path("networks")) {
            try (InputStream s = opener.open(f.asText())) {
                nets.add(Mlp.read(new BufferedInputStream(s), source + "/" + f.asText()));
            }
        }
        int users = root.path("users").asInt();
        int servers = root.path("servers").asInt();
        String agent = root.path("agent").asText();
        long deployment = root.path("deploymentSeed").asLong();
        String layout = root.path("layout").asText();
        if (layout.equals("server-actors")) {
            return new EdgeModel(agent, deployment, new ServerActors(nets.toArray(Mlp[]::new), users, servers), null,
                    root);
        }
        if (layout.equals("user-q")) {
            UserQNetworks.Observation obs = UserQNetworks.Observation.valueOf(root.path("observation").asText());
            return new EdgeModel(agent, deployment, null,
                    new UserQNetworks(nets.toArray(Mlp[]::new), users, servers, obs), root);
        }
        throw new IOException(source + ": unknown layout '" + layout + "'");
    }
}
