package org.mecopt.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.mecopt.api.ConfigOption;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.SolverOptions;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.Format;
import org.mecopt.datasets.Manifest;
import org.mecopt.io.Json;

/**
 * {@code ./mecopt generate} as a Spark job: the driver plans the run exactly like the embedded engine
 * (validates, refuses another configuration, keeps intact shards), each missing shard — a range of
 * sample indices — becomes one task that generates and writes it with
 * {@link DatasetGenerator#writeShard}, and the driver records the shards in {@code manifest.json}.
 * The files are byte-for-byte the embedded engine's layout and rows, so either engine can finish
 * the other's run. {@code --out} must be a file system that the driver and every executor see at
 * the same path (local for {@code local[*]}, NFS or similar on a cluster).
 *
 * <pre>
 * spark-submit --class org.mecopt.spark.SparkGenerate spark/target/mecopt-spark-job.jar \
 *     latency --samples 200000 --seed 1 --out /shared/data/latency [--solver ica] [--shard-size 10000]
 *     [--format parquet|csv] [--config generator.json] [--overwrite] [--users 20 …]
 * </pre>
 * The generator options are the family's own ({@link ProblemFamily#options()}, those of {@code
 * ./mecopt generate <problem>}). {@code --config} is a generator configuration as JSON, e.g. the
 * {@code generatorConfig} of a manifest; without it the family's default (the paper's setting) is
 * the base that the options change.
 */
public final class SparkGenerate {
    private SparkGenerate() {
    }

    /** Everything a task needs, in serializable form; executors rebuild the request from it. */
    public record JobSpec(String problem, String generatorConfigJson, String solver, String solverOptionsJson,
                          long seed, long samples, int shardSize, String format, String out, boolean overwrite)
            implements Serializable {

        static JobSpec of(DatasetGenerator.Request r) {
            try {
                return new JobSpec(r.family().name(), Json.mapper().writeValueAsString(r.configJson()),
                        r.solverName(), Json.mapper().writeValueAsString(r.options()), r.seed(), r.samples(),
                        r.shardSize(), r.format().extension(), r.out().toAbsolutePath().toString(), r.overwrite());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        DatasetGenerator.Request request() {
            try {
                return DatasetGenerator.Request.of(ProblemFamilies.get(problem))
                        .withConfigJson(Json.mapper().readTree(generatorConfigJson)).withSolver(solver)
                        .withOptions(Json.mapper().readValue(solverOptionsJson, SolverOptions.class)).withSeed(seed)
                        .withSamples(samples).withShardSize(shardSize).withFormat(Format.parse(format))
                        .withOut(Path.of(out)).withThreads(1).withOverwrite(overwrite);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Runs the job on {@code spark}; returns the manifest after it. */
    public static Manifest run(SparkSession spark, DatasetGenerator.Request request) throws IOException {
        DatasetGenerator.Plan plan = DatasetGenerator.plan(request);
        List<Integer> todo = plan.todo();
        if (!todo.isEmpty()) {
            JobSpec spec = JobSpec.of(request);
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            List<DatasetGenerator.WrittenShard> written = jsc.parallelize(todo, todo.size()).map(s -> {
                try {
                    return DatasetGenerator.writeShard(spec.request(), s);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect();
            for (DatasetGenerator.WrittenShard w : written) {
                plan.record(w);
            }
        }
        return plan.manifest();
    }

    public static void main(String[] args) throws Exception {
        DatasetGenerator.Request request = parse(args);
        SparkSession spark = SparkSession.builder().appName("mecopt generate " + request.family().name()).getOrCreate();
        try {
            long start = System.nanoTime();
            Manifest m = run(spark, request);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d/%d rows in %s; status %s; %.1f s%n", m.complete() ? "complete" : "INCOMPLETE",
                    m.rows(), m.samples(), request.out().toAbsolutePath(), m.countsByStatus(), seconds);
        } finally {
            spark.stop();
        }
    }

    /**
     * {@code <problem> --samples N --seed S --out DIR [--solver] [--shard-size] [--format] [--config FILE]
     * [--overwrite]} and the family's generator options, exactly as {@code ./mecopt generate <problem>}
     * takes them; they override {@code --config}, which overrides the family's default.
     */
    static DatasetGenerator.Request parse(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: SparkGenerate <" + String.join("|", ProblemFamilies.names())
                    + "> --samples N --seed S --out DIR [--solver NAME] [--shard-size R] [--format parquet|csv]"
                    + " [--config FILE] [--overwrite] [the family's generator options]");
        }
        ProblemFamily<?, ?, ?> family = ProblemFamilies.get(args[0]);
        Map<String, ConfigOption<?, ?>> familyOptions = new TreeMap<>();
        family.options().forEach(option -> familyOptions.put("--" + option.name(), option));
        Map<String, String> o = new TreeMap<>();
        Map<String, String> given = new TreeMap<>();
        boolean overwrite = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            ConfigOption<?, ?> option = familyOptions.get(arg);
            if (arg.equals("--overwrite")) {
                overwrite = true;
            } else if (option != null && option.flag()) {
                given.put(option.name(), "true");
            } else if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option '" + arg + "' needs a value");
            } else if (option != null) {
                given.put(option.name(), args[++i]);
            } else if (JOB_OPTIONS.contains(arg)) {
                o.put(arg, args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'; known: " + JOB_OPTIONS
                        + ", --overwrite and " + familyOptions.keySet());
            }
        }
        for (String required : List.of("--samples", "--seed", "--out")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        DatasetGenerator.Request r = DatasetGenerator.Request.of(family);
        if (o.containsKey("--config")) {
            r = r.withConfigJson(Json.mapper().readTree(Files.readString(Path.of(o.get("--config")))));
        }
        return r.withConfig(overlay(family, r.config(), given)).withSolver(o.get("--solver"))
                .withSeed(Long.parseLong(o.get("--seed"))).withSamples(Long.parseLong(o.get("--samples")))
                .withShardSize(Integer.parseInt(o.getOrDefault("--shard-size",
                        String.valueOf(DatasetGenerator.Request.DEFAULT_SHARD_SIZE))))
                .withFormat(Format.parse(o.getOrDefault("--format", "parquet"))).withOut(Path.of(o.get("--out")))
                .withThreads(1).withOverwrite(overwrite);
    }

    private static final List<String> JOB_OPTIONS =
            List.of("--samples", "--seed", "--out", "--solver", "--shard-size", "--format", "--config");

    private static <C extends Record> C overlay(ProblemFamily<?, ?, C> family, Record base, Map<String, String> given) {
        return family.config(ConfigOption.Values.of(family.options(), family.configType().cast(base), given));
    }
}
