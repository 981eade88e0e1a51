package org.mecopt.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.TensorCodec;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;
import org.mecopt.offloading.OffloadingFamily;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * Writes a small labelled {@code offloading} dataset (generated instances, {@code exact} labels, Parquet
 * shards) and reads it back with {@link DatasetReader}, rebuilding each row's instance and solution
 * through the family's codec and re-evaluating the objective.
 */
final class DatasetRoundTrip {
    static final int SAMPLES = 12;
    private static final int SHARD_SIZE = 5;
    /** Parquet stores doubles exactly, so the objective re-evaluated from a row matches to rounding. */
    private static final double TOLERANCE = 1e-12;

    private DatasetRoundTrip() {
    }

    /** The problems found, empty when every row reads back as written. */
    static List<String> run(Path dir) throws IOException {
        OffloadingFamily family = new OffloadingFamily();
        DatasetGenerator.Summary written = DatasetGenerator.run(DatasetGenerator.Request.of(family)
                .withSamples(SAMPLES).withSeed(2024).withShardSize(SHARD_SIZE).withThreads(2).withOut(dir),
                DatasetGenerator.Progress.NONE);
        System.out.printf("wrote %d rows in %d shards (%d bytes) to %s%n", written.rows(), written.shardsWritten(),
                written.bytes(), dir);

        List<String> problems = new ArrayList<>();
        DatasetReader reader = DatasetReader.open(dir);
        TensorCodec<OffloadingInstance, OffloadingSolution> codec = family.codec();
        long rows = 0;
        for (Row row : reader) {
            rows++;
            OffloadingInstance instance = codec.instance(row.features());
            OffloadingSolution solution = codec.solution(instance, row.label());
            double objective = instance.objective(solution);
            if (Math.abs(objective - row.objective()) > TOLERANCE * Math.abs(row.objective())) {
                problems.add("row " + row.index() + ": objective " + row.objective() + " re-evaluates to " + objective);
            }
            if (!instance.violations(solution).isEmpty()) {
                problems.add("row " + row.index() + ": label violates " + instance.violations(solution));
            }
        }
        if (rows != SAMPLES) {
            problems.add("read " + rows + " rows, wrote " + SAMPLES);
        }
        System.out.printf("read back %d rows of %s (label solver %s): every objective re-evaluated%n", rows,
                reader.manifest().problem(), reader.manifest().solver());
        return problems;
    }
}
