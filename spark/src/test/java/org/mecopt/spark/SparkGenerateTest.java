package org.mecopt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.SolverOptions;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Format;
import org.mecopt.datasets.Manifest;
import org.mecopt.datasets.Row;
import org.mecopt.offloading.OffloadingGenerator;

class SparkGenerateTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("mecopt-test")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static DatasetGenerator.Request request(Path out, int threads) {
        return DatasetGenerator.Request.of(ProblemFamilies.get("offloading"))
                .withConfig(OffloadingGenerator.Config.PAPER.withSize(4, 2, 2)).withSeed(9).withSamples(17)
                .withShardSize(5).withOut(out).withThreads(threads);
    }

    @Test
    void theSparkJobWritesTheEmbeddedEnginesRowsAndResumesIt(@TempDir Path tmp) throws Exception {
        DatasetGenerator.run(request(tmp.resolve("embedded"), 2), DatasetGenerator.Progress.NONE);
        Manifest m = SparkGenerate.run(spark, request(tmp.resolve("spark"), 1));
        assertTrue(m.complete());
        assertEquals(17, m.rows());
        List<Row> expected = DatasetReader.open(tmp.resolve("embedded")).rows().toList();
        assertSame(expected, DatasetReader.open(tmp.resolve("spark")).rows().toList());

        // A truncated shard is found and rewritten by the next Spark run; the embedded engine then has nothing to do.
        try (RandomAccessFile f = new RandomAccessFile(tmp.resolve("spark").resolve("part-00001.parquet").toFile(), "rw")) {
            f.setLength(10);
        }
        SparkGenerate.run(spark, request(tmp.resolve("spark"), 1));
        assertSame(expected, DatasetReader.open(tmp.resolve("spark")).rows().toList());
        assertEquals(4, DatasetGenerator.run(request(tmp.resolve("spark"), 1), DatasetGenerator.Progress.NONE).shardsKept());

        var other = request(tmp.resolve("spark"), 1).withSeed(10);
        assertThrows(InvalidInstanceException.class, () -> SparkGenerate.run(spark, other));
    }

    @Test
    void argumentsParseLikeTheCli(@TempDir Path tmp) throws Exception {
        var r = SparkGenerate.parse(new String[] {"qoe", "--samples", "4", "--seed", "3", "--out", tmp.toString(),
                "--shard-size", "2", "--format", "csv"});
        assertEquals("qoe", r.family().name());
        assertEquals("sigmoidal", r.solverName());
        assertEquals(Format.CSV, r.format());
        assertEquals(r.config(), SparkGenerate.JobSpec.of(r).request().config());
        assertThrows(IllegalArgumentException.class, () -> SparkGenerate.parse(new String[] {"nope", "--samples", "1"}));
    }

    @Test
    void generatorOptionsAreTheFamilysAndOverrideTheConfigFile(@TempDir Path tmp) throws Exception {
        var latency = ProblemFamilies.get("latency");
        var r = SparkGenerate.parse(new String[] {"latency", "--users", "6", "--samples", "4", "--no-local-computing",
                "--seed", "3", "--out", tmp.toString()});
        assertEquals(latency.config(Map.of("users", "6", "no-local-computing", "true")), r.config());
        Path config = Files.writeString(tmp.resolve("generator.json"), r.configJson().toString());
        var overridden = SparkGenerate.parse(new String[] {"latency", "--config", config.toString(), "--subcarriers",
                "2", "--samples", "4", "--seed", "3", "--out", tmp.toString()});
        assertEquals(latency.config(Map.of("users", "6", "no-local-computing", "true", "subcarriers", "2")),
                overridden.config());
        var e = assertThrows(InvalidInstanceException.class, () -> SparkGenerate.parse(new String[] {"latency",
                "--users", "six", "--samples", "4", "--seed", "3", "--out", tmp.toString()}));
        assertEquals("--users", e.field());
        assertThrows(IllegalArgumentException.class, () -> SparkGenerate.parse(new String[] {"latency", "--devices",
                "4", "--samples", "4", "--seed", "3", "--out", tmp.toString()}));
    }

    private static void assertSame(List<Row> a, List<Row> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameSample(b.get(i)), "row " + i);
        }
    }
}
