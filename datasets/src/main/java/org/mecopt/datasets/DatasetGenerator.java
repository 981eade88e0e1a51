package org.mecopt.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.api.TensorCodec;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;

/**
 * Generates a labelled dataset: sample {@code i} is {@code instance = generator(config, sampleSeed(seed, i))}
 * and {@code label = solver(instance)} with the solver seeded by the sample seed as well, so a row
 * depends only on {@code (configuration, i)}: any number of threads, and any split into runs, give
 * the same rows (all but the measured solve time).
 *
 * <p>Samples are solved in chunks of consecutive indices by {@code threads} workers and written in
 * index order, by whichever worker completes the next chunk ({@link ShardPipeline}), into shards of
 * {@code shardSize} rows. A shard goes to a hidden temporary file, is forced to disk and
 * renamed when complete ({@link AtomicFiles#moveDurably}), and only then recorded in
 * {@code manifest.json} (rewritten the same way), so not even a power loss leaves the manifest naming
 * a shard whose content is not on disk. Memory is bounded by the
 * in-flight window (about {@code 64 × threads} rows), not by the dataset size.
 */
public final class DatasetGenerator {
    private static final String TEMP_PREFIX = ".part-";

    private DatasetGenerator() {
    }

    /**
     * What to generate. Start from {@link #of(ProblemFamily)} and change what differs with the
     * {@code with…} methods; the canonical constructor is for deserializers.
     *
     * @param family the problem family
     * @param config its generator configuration, of the family's {@link ProblemFamily#configType()}
     *     (null: the family's default)
     * @param solver solver name, or null for the family's default
     * @param options solver options (their seed is replaced by each sample's seed)
     * @param seed the dataset seed
     * @param samples number of samples N
     * @param shardSize rows per shard
     * @param format shard file format
     * @param out the dataset directory
     * @param threads solver threads
     * @param overwrite replace an existing dataset of another configuration
     * @param stopAfterShards stop after writing this many shards in this run (0: no limit); simulates
     *     an interrupted run in tests
     */
    public record Request(ProblemFamily<?, ?, ?> family, Record config, String solver, SolverOptions options,
                          long seed, long samples, int shardSize, Format format, Path out, int threads,
                          boolean overwrite, int stopAfterShards) {

        /** The rows per shard when none is given. */
        public static final int DEFAULT_SHARD_SIZE = 10_000;

        public Request {
            Objects.requireNonNull(family, "family");
            config = config == null ? family.defaultConfig() : config;
            if (!family.configType().isInstance(config)) {
                throw new IllegalArgumentException("a " + family.name() + " dataset needs a "
                        + family.configType().getName() + ", not " + config.getClass().getName());
            }
            options = options == null ? SolverOptions.defaults() : options;
            format = format == null ? Format.PARQUET : format;
        }

        /**
         * One sample of {@code family} at its default configuration, labelled by its default solver
         * with default options, seed 0, Parquet shards of {@value #DEFAULT_SHARD_SIZE} rows, one thread
         * per core; no {@code out} yet.
         */
        public static Request of(ProblemFamily<?, ?, ?> family) {
            return new Request(family, null, null, null, 0, 1, DEFAULT_SHARD_SIZE, Format.PARQUET, null,
                    Runtime.getRuntime().availableProcessors(), false, 0);
        }

        public String solverName() {
            return solver == null ? family.defaultSolver() : solver;
        }

        /** The generator configuration as a manifest records it. */
        public ObjectNode configJson() {
            return Json.mapper().valueToTree(config);
        }

        public Request withConfig(Record c) {
            return new Request(family, c, solver, options, seed, samples, shardSize, format, out, threads, overwrite,
                    stopAfterShards);
        }

        /**
         * This request with the generator configuration a manifest recorded ({@link #configJson()}).
         *
         * @throws InvalidInstanceException naming {@code generatorConfig} when it is not one of the family's
         */
        public Request withConfigJson(JsonNode c) {
            try {
                return withConfig(Json.mapper().treeToValue(c, family.configType()));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                throw new InvalidInstanceException("generatorConfig", c, "is not a " + family.name()
                        + " generator configuration: " + e.getMessage());
            }
        }

        public Request withSolver(String name) {
            return new Request(family, config, name, options, seed, samples, shardSize, format, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withOptions(SolverOptions o) {
            return new Request(family, config, solver, o, seed, samples, shardSize, format, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withSeed(long s) {
            return new Request(family, config, solver, options, s, samples, shardSize, format, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withSamples(long n) {
            return new Request(family, config, solver, options, seed, n, shardSize, format, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withShardSize(int rows) {
            return new Request(family, config, solver, options, seed, samples, rows, format, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withFormat(Format f) {
            return new Request(family, config, solver, options, seed, samples, shardSize, f, out, threads, overwrite,
                    stopAfterShards);
        }

        public Request withOut(Path dir) {
            return new Request(family, config, solver, options, seed, samples, shardSize, format, dir, threads,
                    overwrite, stopAfterShards);
        }

        public Request withThreads(int t) {
            return new Request(family, config, solver, options, seed, samples, shardSize, format, out, t, overwrite,
                    stopAfterShards);
        }

        public Request withOverwrite(boolean o) {
            return new Request(family, config, solver, options, seed, samples, shardSize, format, out, threads, o,
                    stopAfterShards);
        }

        public Request withStopAfterShards(int shards) {
            return new Request(family, config, solver, options, seed, samples, shardSize, format, out, threads,
                    overwrite, shards);
        }
    }

    /** Called after every written row, by whichever worker writes it: one call at a time, in row order. */
    public interface Progress {
        /**
         * @param done rows finished in the dataset (earlier runs included)
         * @param total N
         * @param doneThisRun rows generated by this run
         * @param toDoThisRun rows this run set out to generate
         * @param elapsedNanos time since this run started generating
         */
        void update(long done, long total, long doneThisRun, long toDoThisRun, long elapsedNanos);

        Progress NONE = (a, b, c, d, e) -> { };
    }

    /**
     * What a run did.
     *
     * @param rows rows in the dataset now
     * @param generated rows generated by this run
     * @param shardsWritten shards written by this run
     * @param shardsKept intact shards of an earlier run that were kept
     * @param complete whether every shard is done
     * @param countsByStatus rows by status over the whole dataset
     * @param seconds wall time of this run's generation
     * @param meanSolveMillis mean solve time of this run's rows (NaN when none)
     * @param p95SolveMillis 95th percentile of this run's solve times (NaN when none)
     * @param bytes total size of the shard files
     * @param cpu where this run's CPU time went (instances, solves, encoding, writing)
     */
    public record Summary(Path dir, long rows, long generated, int shardsWritten, int shardsKept, boolean complete,
                          Map<String, Long> countsByStatus, double seconds, double meanSolveMillis,
                          double p95SolveMillis, long bytes, CpuProfile cpu) {
        public double samplesPerSecond() {
            return seconds > 0 ? generated / seconds : 0;
        }
    }

    /**
     * Checks a request without touching the disk.
     *
     * @throws InvalidInstanceException naming the CLI option at fault
     */
    public static void validate(Request r) {
        if (r.samples() < 1) {
            throw new InvalidInstanceException("--samples", r.samples(), "must be >= 1");
        }
        if (r.shardSize() < 1) {
            throw new InvalidInstanceException("--shard-size", r.shardSize(), "must be >= 1");
        }
        if (r.threads() < 1) {
            throw new InvalidInstanceException("--threads", r.threads(), "must be >= 1");
        }
        String solver = r.solverName();
        if (SolverRegistry.find(r.family().name(), solver).isEmpty()) {
            throw new InvalidInstanceException("--solver", solver, "is not a " + r.family().name() + " solver; known: "
                    + SolverRegistry.forProblem(r.family().name()).stream().map(Solver::name).toList());
        }
        if (r.out() == null) {
            throw new InvalidInstanceException("--out", null, "is required");
        }
        Path out = r.out().toAbsolutePath();
        if (Files.exists(out)) {
            if (!Files.isDirectory(out)) {
                throw new InvalidInstanceException("--out", r.out(), "is a file, not a directory");
            }
            if (!Files.isWritable(out)) {
                throw new InvalidInstanceException("--out", r.out(), "is not writable");
            }
        } else {
            Path ancestor = out.getParent();
            while (ancestor != null && !Files.exists(ancestor)) {
                ancestor = ancestor.getParent();
            }
            if (ancestor == null || !Files.isDirectory(ancestor)) {
                throw new InvalidInstanceException("--out", r.out(), "cannot be created: "
                        + (ancestor == null ? "no existing parent" : ancestor + " is a file"));
            }
            if (!Files.isWritable(ancestor)) {
                throw new InvalidInstanceException("--out", r.out(), "cannot be created: " + ancestor + " is not writable");
            }
        }
    }

    /** The configuration a manifest records and a re-run must match. */
    static ObjectNode configuration(Request r) {
        ObjectNode c = Json.mapper().createObjectNode();
        c.put("problem", r.family().name());
        c.set("generatorConfig", r.configJson());
        c.put("solver", r.solverName());
        int revision = SolverRegistry.find(r.family().name(), r.solverName()).map(Solver::revision).orElse(1);
        if (revision > 1) {
            c.put("solverRevision", revision); // absent = 1, so manifests written before revisions still match
        }
        ObjectNode o = Json.mapper().valueToTree(r.options());
        o.put("seed", "sampleSeed");
        c.set("solverOptions", o);
        c.put("seed", r.seed());
        c.put("seedDerivation", Manifest.SEED_DERIVATION);
        c.put("samples", r.samples());
        c.put("shardSize", r.shardSize());
        c.put("format", r.format().extension());
        c.put("compression", r.format() == Format.PARQUET ? ParquetShards.CODEC.name().toLowerCase() : "none");
        return c;
    }

    /**
     * A shard written on its own (by {@link #writeShard}), to be recorded by {@link Plan#record}.
     *
     * @param shard the shard number
     * @param info file, rows, size, checksum, counts by status
     * @param schema the shapes of its rows
     */
    public record WrittenShard(int shard, Manifest.Shard info, Schema schema) implements java.io.Serializable {
    }

    /**
     * The first half of a run, for distributed engines: the directory is validated and prepared
     * (or refused), intact shards are kept and {@link #todo()} lists the shards still to write; each
     * is then written anywhere by {@link #writeShard} and recorded here.
     */
    public static final class Plan {
        private final Path dir;
        private final Manifest manifest;
        private final List<Integer> todo;
        private final int kept;

        private Plan(Path dir, Manifest manifest, List<Integer> todo, int kept) {
            this.dir = dir;
            this.manifest = manifest;
            this.todo = List.copyOf(todo);
            this.kept = kept;
        }

        public List<Integer> todo() {
            return todo;
        }

        public int kept() {
            return kept;
        }

        public Manifest manifest() {
            return manifest;
        }

        /** Records a written shard in the manifest (rewritten atomically). */
        public synchronized void record(WrittenShard w) throws IOException {
            if (manifest.schema() == null) {
                manifest.schema(w.schema());
            } else if (!manifest.schema().sameAs(w.schema())) {
                throw new IllegalStateException("shard " + w.shard() + " has shapes " + w.schema().toJson()
                        + ", the dataset " + manifest.schema().toJson());
            }
            manifest.put(w.shard(), w.info());
            manifest.write(dir);
        }
    }

    /** Validates the request, prepares the directory and checks the shards already there. */
    public static Plan plan(Request r) throws IOException {
        validate(r);
        Path dir = r.out().toAbsolutePath();
        Manifest manifest = prepare(dir, r, configuration(r));
        List<Integer> todo = new ArrayList<>();
        int kept = 0;
        for (int s = 0; s < manifest.shardCount(); s++) {
            Manifest.Shard info = manifest.shards().get(s);
            if (info != null && Manifest.intact(dir, info)) {
                kept++;
                continue;
            }
            if (info != null) {
                manifest.remove(s);
            }
            todo.add(s);
        }
        manifest.write(dir);
        return new Plan(dir, manifest, todo, kept);
    }

    /**
     * Generates and writes shard {@code s} alone, on the calling thread: the same rows and the same
     * file layout as {@link #run}. Its directory must exist (see {@link #plan}).
     */
    public static WrittenShard writeShard(Request r, int s) throws IOException {
        Path dir = r.out().toAbsolutePath();
        Sampler sampler = Sampler.of(r);
        long first = (long) s * r.shardSize();
        long rows = shardRows(r, s);
        Path temp = temporary(dir, r.format(), s);
        Files.deleteIfExists(temp);
        Map<String, Long> counts = new TreeMap<>();
        Schema schema = null;
        ShardWriter writer = null;
        try {
            for (long i = 0; i < rows; i++) {
                Row row = sampler.sample(first + i, null);
                if (writer == null) {
                    schema = Schema.of(row);
                    writer = r.format().open(temp, schema, r.family().name());
                }
                writer.write(row);
                counts.merge(row.status(), 1L, Long::sum);
            }
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        Path file = dir.resolve(r.format().shardName(s));
        AtomicFiles.moveDurably(temp, file); // forced before the manifest names it
        return new WrittenShard(s, new Manifest.Shard(file.getFileName().toString(), first, rows, Files.size(file),
                Manifest.sha256(file), counts), schema);
    }

    /**
     * Generates (or finishes) the dataset.
     *
     * @throws InvalidInstanceException for bad input, or an existing directory of another configuration
     */
    public static Summary run(Request r, Progress progress) throws IOException {
        Plan plan = plan(r);
        Path dir = plan.dir;
        Manifest manifest = plan.manifest;
        int kept = plan.kept();
        int budget = r.stopAfterShards() > 0 ? r.stopAfterShards() : Integer.MAX_VALUE;
        int[] shards = plan.todo().stream().mapToInt(Integer::intValue).limit(budget).toArray();

        CpuProfile.Meter meter = new CpuProfile.Meter();
        long c0 = CpuProfile.Meter.now();
        Sampler sampler = Sampler.of(r);
        ShardPipeline pipeline = new ShardPipeline(r, dir, manifest, shards, sampler::sample, progress, meter);
        pipeline.run();
        meter.threads.add(CpuProfile.Meter.now() - c0);
        CpuProfile cpu = meter.profile();
        double[] t = pipeline.solveTimes();
        int n = t.length;
        Arrays.sort(t);
        double mean = n == 0 ? Double.NaN : Arrays.stream(t).average().orElse(Double.NaN);
        double p95 = n == 0 ? Double.NaN : t[Math.min(n - 1, (int) Math.ceil(0.95 * n) - 1)];
        long bytes = manifest.shards().values().stream().mapToLong(Manifest.Shard::bytes).sum();
        return new Summary(dir, manifest.rows(), pipeline.generated(), pipeline.shardsWritten(), kept,
                manifest.complete(), manifest.countsByStatus(), cpu.wallNanos() / 1e9, mean, p95, bytes, cpu);
    }

    /** The hidden temporary a shard is written to before it is renamed into place. */
    static Path temporary(Path dir, Format format, int shard) {
        return dir.resolve(TEMP_PREFIX + format.shardName(shard).substring("part-".length()) + ".tmp");
    }

    static long shardRows(Request r, int s) {
        return Math.min(r.shardSize(), r.samples() - (long) s * r.shardSize());
    }

    /** Opens or creates the dataset directory; refuses another configuration unless overwriting. */
    private static Manifest prepare(Path dir, Request r, ObjectNode configuration) throws IOException {
        if (Files.isDirectory(dir)) {
            boolean hasManifest = Files.isRegularFile(dir.resolve(Manifest.FILE));
            if (hasManifest && !r.overwrite()) {
                Manifest existing;
                try {
                    existing = Manifest.read(dir);
                } catch (IOException | RuntimeException e) {
                    throw new InvalidInstanceException("--out", r.out(), "holds an unreadable " + Manifest.FILE
                            + " (" + e.getMessage() + "); use --overwrite to replace it");
                }
                var diff = existing.differences(configuration);
                if (!diff.isEmpty()) {
                    throw new InvalidInstanceException("--out", r.out(), "holds a dataset of another configuration ("
                            + String.join("; ", diff) + "); re-run with the same options to finish it, or use"
                            + " --overwrite to replace it");
                }
                cleanTemporaries(dir);
                return existing;
            }
            if (!hasManifest && !r.overwrite() && !isEmpty(dir)) {
                throw new InvalidInstanceException("--out", r.out(), "is a non-empty directory without a "
                        + Manifest.FILE + "; choose an empty or new directory, or use --overwrite");
            }
            if (r.overwrite()) {
                deleteDataset(dir);
            }
        }
        Files.createDirectories(dir);
        return new Manifest(configuration, Manifest.toolkitVersionOfBuild());
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        }
    }

    /**
     * Deletes what a killed run left half-written: shard temporaries, and the manifest's own
     * (AtomicFiles writes it through {@code .manifest.json…tmp}; forcing it to disk makes that window
     * long enough for a kill to land in).
     */
    private static void cleanTemporaries(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, p -> isTemporary(p.getFileName().toString()))) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean isTemporary(String name) {
        return name.endsWith(".tmp") && (name.startsWith(TEMP_PREFIX) || name.startsWith("." + Manifest.FILE));
    }

    /** Deletes what a dataset consists of (manifest, shards, temporaries), nothing else. */
    private static void deleteDataset(Path dir) throws IOException {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.equals(Manifest.FILE) || name.startsWith("part-") || isTemporary(name)) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** Produces one row; typed once so the lambda needs no casts. */
    private record Sampler(Sample<?, ?, ?> sample) {
        static Sampler of(Request r) {
            return new Sampler(Sample.of(r.family(), r.config(), r.solverName(), r.options(), r.seed()));
        }

        Row sample(long index, CpuProfile.Meter meter) {
            return sample.row(index, meter);
        }
    }

    private record Sample<P extends Problem<S>, S, C extends Record>(ProblemFamily<P, S, C> family, C config,
                                                                     Solver<P, S> solver, SolverOptions options,
                                                                     long seed) {
        static <P extends Problem<S>, S, C extends Record> Sample<P, S, C> of(ProblemFamily<P, S, C> family,
                                                                             Record config, String solver,
                                                                             SolverOptions options, long seed) {
            return new Sample<>(family, family.configType().cast(config),
                    SolverRegistry.get(family.instanceType(), solver), options, seed);
        }

        Row row(long index, CpuProfile.Meter meter) {
            long sampleSeed = SampleSeeds.of(seed, index);
            long c0 = meter == null ? 0 : CpuProfile.Meter.now();
            P instance = family.generate(config, sampleSeed);
            long c1 = meter == null ? 0 : CpuProfile.Meter.now();
            Result<S> result = solver.solve(instance, options.withSeed(sampleSeed));
            long c2 = meter == null ? 0 : CpuProfile.Meter.now();
            if (result.status() == Status.UNSUPPORTED) {
                // a dataset row needs a label; an instance outside the solver's domain is a bad choice of solver
                throw new InvalidInstanceException("--solver", solver.name(), "cannot label sample " + index
                        + " of this configuration: " + result.message());
            }
            TensorCodec<P, S> codec = family.codec();
            Row row = new Row(index, sampleSeed, codec.features(instance), codec.labels(result.solution()),
                    result.objective(), result.bound(), result.gap(), result.status().name(),
                    result.solveTimeMillis(), result.iterations(), result.message());
            if (meter != null) {
                long c3 = CpuProfile.Meter.now();
                meter.instance.add(c1 - c0);
                meter.solve.add(c2 - c1);
                meter.encode.add(c3 - c2);
            }
            return row;
        }
    }
}
