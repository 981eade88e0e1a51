package org.mecopt.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.ProblemFamily;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;

/**
 * {@code manifest.json}: what a dataset is (its {@link #configuration()}, which a re-run must match),
 * its column shapes, and what is done (the shards with their row counts, SHA-256 checksums and
 * counts by status). It is rewritten atomically after every shard.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    public static final String LAYOUT = "mecopt-dataset/1";
    public static final String SEED_DERIVATION =
            "sampleSeed = splitmix64_mix(seed + (index + 1) * 0x9E3779B97F4A7C15) (Stafford variant 13)";

    /** The configuration fields a re-run must match. */
    static final List<String> CONFIGURATION_FIELDS = List.of("problem", "generatorConfig", "solver", "solverRevision", "solverOptions",
            "seed", "seedDerivation", "samples", "shardSize", "format", "compression");

    /**
     * One finished shard.
     *
     * @param file the shard's file name within the dataset directory
     * @param firstIndex index of its first row
     * @param rows number of rows
     * @param bytes file size
     * @param sha256 hex SHA-256 of the file
     * @param countsByStatus rows by status name
     */
    public record Shard(String file, long firstIndex, long rows, long bytes, String sha256,
                        Map<String, Long> countsByStatus) implements java.io.Serializable {
        public Shard {
            countsByStatus = Map.copyOf(countsByStatus);
        }
    }

    private final ObjectNode configuration;
    private final String toolkitVersion;
    private Schema schema;
    private final TreeMap<Integer, Shard> shards = new TreeMap<>();

    Manifest(ObjectNode configuration, String toolkitVersion) {
        this.configuration = configuration;
        this.toolkitVersion = toolkitVersion;
    }

    /** problem, generatorConfig, solver, solverRevision (when above 1), solverOptions, seed, seedDerivation, samples, shardSize, format, compression. */
    public ObjectNode configuration() {
        return configuration.deepCopy();
    }

    public String problem() {
        return configuration.get("problem").asText();
    }

    /**
     * The registered family of this dataset.
     *
     * @throws org.mecopt.api.InvalidInstanceException when no family of that name is registered
     */
    public ProblemFamily<?, ?, ?> family() {
        return ProblemFamilies.get(problem());
    }

    /** The generator configuration, read into the family's configuration type: it regenerates any row's instance. */
    public Record generatorConfig() {
        return DatasetGenerator.Request.of(family()).withConfigJson(configuration.get("generatorConfig")).config();
    }

    public String solver() {
        return configuration.get("solver").asText();
    }

    public long seed() {
        return configuration.get("seed").asLong();
    }

    public long samples() {
        return configuration.get("samples").asLong();
    }

    public int shardSize() {
        return configuration.get("shardSize").asInt();
    }

    public Format format() {
        return Format.parse(configuration.get("format").asText());
    }

    public int shardCount() {
        return (int) ((samples() + shardSize() - 1) / shardSize());
    }

    public String toolkitVersion() {
        return toolkitVersion;
    }

    /** The column shapes; null until the first shard is written. */
    public Schema schema() {
        return schema;
    }

    void schema(Schema s) {
        schema = s;
    }

    /** The finished shards by number. */
    public Map<Integer, Shard> shards() {
        return java.util.Collections.unmodifiableMap(shards);
    }

    void put(int shard, Shard info) {
        shards.put(shard, info);
    }

    void remove(int shard) {
        shards.remove(shard);
    }

    public boolean complete() {
        return shards.size() == shardCount();
    }

    public long rows() {
        return shards.values().stream().mapToLong(Shard::rows).sum();
    }

    /** Rows by status over the finished shards. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> total = new TreeMap<>();
        shards.values().forEach(s -> s.countsByStatus().forEach((k, v) -> total.merge(k, v, Long::sum)));
        return total;
    }

    /** The configuration fields where {@code other} differs, as {@code field: this ≠ other} lines. */
    List<String> differences(ObjectNode other) {
        List<String> diff = new ArrayList<>();
        for (String f : CONFIGURATION_FIELDS) {
            JsonNode a = configuration.get(f);
            JsonNode b = other.get(f);
            if (!compact(a).equals(compact(b))) { // text: a long read back is an int node
                diff.add(f + ": existing " + compact(a) + ", requested " + compact(b));
            }
        }
        return diff;
    }

    private static String compact(JsonNode n) {
        return n == null ? "none" : n.toString();
    }

    ObjectNode toJson() {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("layout", LAYOUT);
        root.put("toolkitVersion", toolkitVersion);
        root.setAll(configuration);
        root.put("shardCount", shardCount());
        root.put("complete", complete());
        root.put("rows", rows());
        ObjectNode counts = root.putObject("countsByStatus");
        countsByStatus().forEach(counts::put);
        if (schema != null) {
            root.set("schema", schema.toJson());
        }
        ArrayNode list = root.putArray("shards");
        shards.forEach((n, s) -> {
            ObjectNode o = list.addObject();
            o.put("shard", n);
            o.put("file", s.file());
            o.put("firstIndex", s.firstIndex());
            o.put("rows", s.rows());
            o.put("bytes", s.bytes());
            o.put("sha256", s.sha256());
            ObjectNode c = o.putObject("countsByStatus");
            new TreeMap<>(s.countsByStatus()).forEach(c::put);
        });
        return root;
    }

    void write(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        AtomicFiles.writeString(file, Json.toText(toJson()));
        try { // the temporary file AtomicFiles renames is owner-only; a dataset is meant to be shared
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its default
        }
    }

    /**
     * Manifests written before solver options had a "not set" recorded the toolkit-wide defaults
     * {@code relativeGap = 1e-9} and {@code maxIterations = 1000000} for options nobody set, which every
     * solver read as "use my own default" — exactly what an unset option means now. Read that pair as
     * unset, so such datasets resume instead of reporting a configuration difference.
     */
    static ObjectNode withoutLegacyDefaults(ObjectNode options) {
        JsonNode gap = options.get("relativeGap");
        JsonNode iterations = options.get("maxIterations");
        if (gap != null && gap.isNumber() && gap.asDouble() == LEGACY_RELATIVE_GAP
                && iterations != null && iterations.isIntegralNumber() && iterations.asLong() == LEGACY_MAX_ITERATIONS) {
            ObjectNode copy = options.deepCopy();
            copy.remove("relativeGap");
            copy.remove("maxIterations");
            return copy;
        }
        return options;
    }

    private static final double LEGACY_RELATIVE_GAP = 1e-9;
    private static final long LEGACY_MAX_ITERATIONS = 1_000_000L;

    /** Reads {@code dir/manifest.json}. */
    public static Manifest read(Path dir) throws IOException {
        JsonNode root = Json.mapper().readTree(Files.readString(dir.resolve(FILE)));
        if (!LAYOUT.equals(root.path("layout").asText())) {
            throw new IOException(dir.resolve(FILE) + " is not a " + LAYOUT + " manifest");
        }
        ObjectNode config = Json.mapper().createObjectNode();
        for (String f : CONFIGURATION_FIELDS) {
            if (root.has(f)) {
                config.set(f, root.get(f));
            }
        }
        if (config.get("solverOptions") instanceof ObjectNode options) {
            config.set("solverOptions", withoutLegacyDefaults(options));
        }
        Manifest m = new Manifest(config, root.path("toolkitVersion").asText());
        if (root.hasNonNull("schema")) {
            m.schema = Schema.fromJson(root.get("schema"));
        }
        for (JsonNode s : root.path("shards")) {
            Map<String, Long> counts = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = s.path("countsByStatus").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                counts.put(e.getKey(), e.getValue().asLong());
            }
            m.shards.put(s.get("shard").asInt(), new Shard(s.get("file").asText(), s.get("firstIndex").asLong(),
                    s.get("rows").asLong(), s.get("bytes").asLong(), s.get("sha256").asText(), counts));
        }
        return m;
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the shard's file exists with the recorded size and checksum. */
    public static boolean intact(Path dir, Shard s) throws IOException {
        Path f = dir.resolve(s.file());
        return Files.isRegularFile(f) && Files.size(f) == s.bytes() && sha256(f).equals(s.sha256());
    }

    /** The toolkit's version (from the build). */
    public static String toolkitVersionOfBuild() {
        try (InputStream in = Manifest.class.getResourceAsStream("/mecopt-datasets.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
