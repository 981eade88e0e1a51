package org.mecopt.models.rl;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.mecopt.env.Box;
import org.mecopt.io.AtomicFiles;

/**
 * A trained MADDPG policy for decentralized execution: each agent acts on its own observation with
 * its actor (or the shared actor, fed the agent's one-hot id), in plain Java ({@link Mlp}), batch 1.
 * The actors' sigmoid outputs in {@code [0, 1]} are mapped affinely onto each agent's action box.
 * Immutable and thread-safe.
 *
 * <p>Files ({@link #save}): {@code maddpg-policy.properties} (agents, sharing, agent id, observation
 * size, each agent's action bounds) and {@code actor.mlp} (shared) or {@code actor-<i>.mlp}.
 */
public final class MaddpgPolicy {
    public static final String PROPERTIES = "maddpg-policy.properties";

    private final List<Mlp> actors;
    private final boolean agentId;
    private final int observationSize;
    private final List<Box> actionBoxes;

    /**
     * @param actors      one actor per agent, or a single actor shared by all agents
     * @param agentId     whether the shared actor takes a one-hot agent id after the observation
     * @param actionBoxes each agent's action space (bounded)
     */
    public MaddpgPolicy(List<Mlp> actors, boolean agentId, int observationSize, List<Box> actionBoxes) {
        this.actors = List.copyOf(actors);
        this.agentId = agentId;
        this.observationSize = observationSize;
        this.actionBoxes = List.copyOf(actionBoxes);
        int agents = actionBoxes.size();
        if (this.actors.size() != 1 && this.actors.size() != agents) {
            throw new IllegalArgumentException(this.actors.size() + " actors for " + agents
                    + " agents: give one shared actor or one per agent");
        }
        if (agentId && this.actors.size() != 1) {
            throw new IllegalArgumentException("an agent id is an input of a shared actor only");
        }
        int in = observationSize + (agentId ? agents : 0);
        for (int i = 0; i < agents; i++) {
            Mlp actor = actor(i);
            Box box = actionBoxes.get(i);
            if (actor.inputSize() != in || actor.outputSize() != box.dimension()
                    || actor.output() != Mlp.Output.SIGMOID) {
                throw new IllegalArgumentException("the actor of agent " + i + " maps " + actor.inputSize()
                        + " inputs to " + actor.outputSize() + " " + actor.output() + " outputs; expected " + in
                        + " inputs and " + box.dimension() + " SIGMOID outputs");
            }
            new ActionScale(box); // refuses an unbounded box
        }
    }

    public int agents() {
        return actionBoxes.size();
    }

    public boolean shared() {
        return actors.size() == 1;
    }

    public boolean agentId() {
        return agentId;
    }

    public int observationSize() {
        return observationSize;
    }

    /** The actor agent {@code agent} acts with. */
    public Mlp actor(int agent) {
        return actors.size() == 1 ? actors.get(0) : actors.get(agent);
    }

    /** The actor's input for {@code agent}'s observation: the observation, then the one-hot id if used. */
    double[] input(int agent, double[] observation) {
        if (observation.length != observationSize) {
            throw new IllegalArgumentException("agent " + agent + "'s observation has " + observation.length
                    + " entries, the policy takes " + observationSize);
        }
        if (!agentId) {
            return observation;
        }
        double[] x = Arrays.copyOf(observation, observationSize + agents());
        x[observationSize + agent] = 1;
        return x;
    }

    /** Agent {@code agent}'s greedy action in {@code [0, 1]^d} (the actor's own scale). */
    public double[] normalized(int agent, double[] observation) {
        return actor(agent).forward(input(agent, observation));
    }

    /** Agent {@code agent}'s greedy action in its action space's units. */
    public double[] act(int agent, double[] observation) {
        return toBox(agent, normalized(agent, observation));
    }

    /** Every agent's greedy action, in agent order. */
    public List<double[]> act(List<double[]> observations) {
        if (observations.size() != agents()) {
            throw new IllegalArgumentException(observations.size() + " observations for " + agents() + " agents");
        }
        List<double[]> out = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            out.add(act(i, observations.get(i)));
        }
        return out;
    }

    /** Maps a normalized action {@code a ∈ [0, 1]^d} onto agent {@code agent}'s box, clipped into it. */
    public double[] toBox(int agent, double[] a) {
        return toBox(actionBoxes.get(agent), a);
    }

    /** {@code low + a·(high − low)} per coordinate, clipped into {@code box}: the sigmoid head's map. */
    static double[] toBox(Box box, double[] a) {
        double[] out = new double[a.length];
        for (int j = 0; j < a.length; j++) {
            out[j] = box.low(j) + a[j] * (box.high(j) - box.low(j));
        }
        return box.clip(out);
    }

    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder p = new StringBuilder("# a MADDPG policy (org.mecopt.models.rl.MaddpgPolicy)\n");
        p.append("agents=").append(agents()).append('\n');
        p.append("shared=").append(shared()).append('\n');
        p.append("agentId=").append(agentId).append('\n');
        p.append("observationSize=").append(observationSize).append('\n');
        for (int i = 0; i < agents(); i++) {
            p.append("agent.").append(i).append(".low=").append(join(actionBoxes.get(i).low())).append('\n');
            p.append("agent.").append(i).append(".high=").append(join(actionBoxes.get(i).high())).append('\n');
        }
        if (shared()) {
            actors.get(0).save(dir.resolve("actor.mlp"));
        } else {
            for (int i = 0; i < actors.size(); i++) {
                actors.get(i).save(dir.resolve("actor-" + i + ".mlp"));
            }
        }
        AtomicFiles.writeString(dir.resolve(PROPERTIES), p.toString()); // last: complete when present
    }

    private static String join(double[] values) {
        StringBuilder s = new StringBuilder();
        for (double v : values) {
            s.append(s.length() == 0 ? "" : ",").append(v);
        }
        return s.toString();
    }

    /** Opens a file of a saved policy by name ({@code actor.mlp}, …). */
    @FunctionalInterface
    public interface Source {
        InputStream open(String name) throws IOException;
    }

    public static MaddpgPolicy load(Path dir) throws IOException {
        return read(name -> Files.newInputStream(dir.resolve(name)), dir.toString());
    }

    /** Reads a policy {@link #save} wrote, from any source (a directory, class-path resources). */
    public static MaddpgPolicy read(Source source, String where) throws IOException {
        Properties p = new Properties();
        try (InputStream in = source.open(PROPERTIES)) {
            if (in == null) {
                throw new IOException(where + " has no " + PROPERTIES);
            }
            try (Reader r = new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                p.load(r);
            }
        }
        try {
            int agents = Integer.parseInt(required(p, "agents", where));
            boolean shared = Boolean.parseBoolean(required(p, "shared", where));
            boolean agentId = Boolean.parseBoolean(required(p, "agentId", where));
            int observationSize = Integer.parseInt(required(p, "observationSize", where));
            List<Box> boxes = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                boxes.add(new Box(parse(required(p, "agent." + i + ".low", where)),
                        parse(required(p, "agent." + i + ".high", where))));
            }
            List<Mlp> actors = new ArrayList<>();
            for (int i = 0; i < (shared ? 1 : agents); i++) {
                String name = shared ? "actor.mlp" : "actor-" + i + ".mlp";
                try (InputStream in = source.open(name)) {
                    if (in == null) {
                        throw new IOException(where + " has no " + name);
                    }
                    actors.add(Mlp.read(new BufferedInputStream(in), where + "/" + name));
                }
            }
            return new MaddpgPolicy(actors, agentId, observationSize, boxes);
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, String where) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException(where + "/" + PROPERTIES + " has no " + key);
        }
        return v.trim();
    }

    private static double[] parse(String list) {
        return Arrays.stream(list.split(",")).mapToDouble(s -> Double.parseDouble(s.trim())).toArray();
    }
}
