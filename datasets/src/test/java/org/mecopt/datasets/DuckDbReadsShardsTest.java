package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.SolverOptions;

/**
 * The shards are read by DuckDB's own (C++) Parquet reader — the one its Python package uses —
 * with tensors as LIST&lt;DOUBLE&gt; and every value equal to what the Java reader returns.
 */
class DuckDbReadsShardsTest {

    @Test
    void duckDbReadsEveryColumnOfALatencyDataset(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("lat");
        DatasetGenerator.run(DatasetGeneratorTest.LATENCY.withSeed(5).withSamples(5).withShardSize(2).withOut(dir)
                .withThreads(2), DatasetGenerator.Progress.NONE);
        List<Row> rows = DatasetReader.open(dir).rows().toList();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT index, sampleSeed, x_gain, x_channelMagnitude, y_power, objective, "
                     + "bound, status, iterations, typeof(x_gain) AS t FROM read_parquet('"
                     + dir.resolve("part-*.parquet") + "') ORDER BY index")) {
            int i = 0;
            while (r.next()) {
                Row row = rows.get(i++);
                assertEquals(row.index(), r.getLong("index"));
                assertEquals(row.sampleSeed(), r.getLong("sampleSeed"));
                assertEquals("DOUBLE[]", r.getString("t"));
                assertArray(row.features().get("gain").data(), r.getArray("x_gain"));
                assertArray(row.features().get("channelMagnitude").data(), r.getArray("x_channelMagnitude"));
                assertArray(row.label().get("power").data(), r.getArray("y_power"));
                assertEquals(row.objective(), r.getDouble("objective"));
                r.getDouble("bound");
                if (row.bound() == null) {
                    assertNull(r.getObject("bound"));
                } else {
                    assertEquals(row.bound(), r.getDouble("bound"));
                }
                assertEquals(row.status(), r.getString("status"));
                assertEquals(row.iterations(), r.getLong("iterations"));
            }
            assertEquals(5, i);
        }
    }

    private static void assertArray(double[] expected, Array actual) throws Exception {
        Object[] values = (Object[]) actual.getArray();
        assertEquals(expected.length, values.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], ((Number) values[i]).doubleValue());
        }
    }
}
