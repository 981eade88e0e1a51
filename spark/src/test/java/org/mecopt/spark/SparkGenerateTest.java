package org.mecopt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.SolverOptions;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetProblem;
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
        return new DatasetGenerator.Request(DatasetProblem.of(OffloadingGenerator.Config.PAPER.withSize(4, 2, 2)),
                null, SolverOptions.defaults(), 9, 17, 5, Format.PARQUET, out, threads, false, 0);
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

        var other = new DatasetGenerator.Request(request(tmp.resolve("spark"), 1).problem(), null, null, 10, 17, 5,
                Format.PARQUET, tmp.resolve("spark"), 1, false, 0);
        assertThrows(InvalidInstanceException.class, () -> SparkGenerate.run(spark, other));
    }

    @Test
    void argumentsParseLikeTheCli(@TempDir Path tmp) throws Exception {
        var r = SparkGenerate.parse(new String[] {"qoe", "--samples", "4", "--seed", "3", "--out", tmp.toString(),
                "--shard-size", "2", "--format", "csv"});
        assertEquals("qoe", r.problem().name());
        assertEquals("sigmoidal", r.solverName());
        assertEquals(Format.CSV, r.format());
        assertEquals(r.problem(), SparkGenerate.JobSpec.of(r).request().problem());
        assertThrows(IllegalArgumentException.class, () -> SparkGenerate.parse(new String[] {"nope", "--samples", "1"}));
    }

    private static void assertSame(List<Row> a, List<Row> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameSample(b.get(i)), "row " + i);
        }
    }
}
