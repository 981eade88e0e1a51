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
import org.mecopt.api.SolverOptions;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetProblem;
import org.mecopt.datasets.Format;
import org.mecopt.datasets.Manifest;
import org.mecopt.io.Json;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.qoe.QoeGenerator;

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
 *     [--format parquet|csv] [--config generator.json] [--overwrite]
 * </pre>
 * {@code --config} is a generator configuration as JSON, e.g. the {@code generatorConfig} of a
 * manifest; without it the problem's default (the paper's setting) is used.
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
                return new JobSpec(r.problem().name(), Json.mapper().writeValueAsString(r.problem().config()),
                        r.solverName(), Json.mapper().writeValueAsString(r.options()), r.seed(), r.samples(),
                        r.shardSize(), r.format().extension(), r.out().toAbsolutePath().toString(), r.overwrite());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        DatasetGenerator.Request request() {
            try {
                return new DatasetGenerator.Request(
                        DatasetProblem.fromJson(problem, Json.mapper().readTree(generatorConfigJson)), solver,
                        Json.mapper().readValue(solverOptionsJson, SolverOptions.class), seed, samples, shardSize,
                        Format.parse(format), Path.of(out), 1, overwrite, 0);
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
        SparkSession spark = SparkSession.builder().appName("mecopt generate " + request.problem().name()).getOrCreate();
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

    /** {@code <problem> --samples N --seed S --out DIR [--solver] [--shard-size] [--format] [--config] [--overwrite]}. */
    static DatasetGenerator.Request parse(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: SparkGenerate <offloading|latency|qoe> --samples N --seed S "
                    + "--out DIR [--solver NAME] [--shard-size R] [--format parquet|csv] [--config FILE] [--overwrite]");
        }
        String problem = args[0];
        Map<String, String> o = new TreeMap<>();
        boolean overwrite = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--overwrite")) {
                overwrite = true;
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i], args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
            }
        }
        DatasetProblem<?, ?> p;
        if (o.containsKey("--config")) {
            p = DatasetProblem.fromJson(problem, Json.mapper().readTree(Files.readString(Path.of(o.get("--config")))));
        } else {
            p = switch (problem) {
                case "offloading" -> DatasetProblem.of(OffloadingGenerator.Config.PAPER);
                case "latency" -> DatasetProblem.of(LatencyGenerator.Config.PAPER);
                case "qoe" -> DatasetProblem.of(QoeGenerator.Config.DEFAULT);
                default -> throw new IllegalArgumentException("unknown problem '" + problem + "'; known: "
                        + DatasetProblem.NAMES);
            };
        }
        for (String required : List.of("--samples", "--seed", "--out")) {
            if (!o.containsKey(required)) {
                throw new IllegalArgumentException(required + " is required");
            }
        }
        return new DatasetGenerator.Request(p, o.get("--solver"), SolverOptions.defaults(),
                Long.parseLong(o.get("--seed")), Long.parseLong(o.get("--samples")),
                Integer.parseInt(o.getOrDefault("--shard-size", "10000")),
                Format.parse(o.getOrDefault("--format", "parquet")), Path.of(o.get("--out")), 1, overwrite, 0);
    }
}
