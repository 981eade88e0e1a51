package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.toy.ToyConfig;
import org.mecopt.toy.ToyFamily;
import org.mecopt.toy.ToyPickySolver;

/**
 * The chunked pipeline of {@link DatasetGenerator#run} ({@link ShardPipeline}): rows in index order
 * whatever the threads and chunks, resume after a stop, progress in row order, a failing label solver
 * stopping the run without a hang or a half shard in the manifest, and the CPU profile's accounting.
 */
class ShardPipelineTest {

    @TempDir
    Path tmp;

    /** 150 rows in shards of 40: chunks of 2 (4 threads) to 4 (2 threads) rows, the last shard short. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void anyThreadCountGivesTheOneThreadRows(int threads) throws IOException {
        var one = DatasetGeneratorTest.request(DatasetGeneratorTest.QOE, tmp.resolve("one"), 150, 40, 1, Format.PARQUET);
        DatasetGenerator.run(one, DatasetGenerator.Progress.NONE);
        var many = one.withOut(tmp.resolve("many")).withThreads(threads);
        var s = DatasetGenerator.run(many, DatasetGenerator.Progress.NONE);
        assertEquals(150, s.generated());
        assertEquals(4, s.shardsWritten());
        List<Row> rows = DatasetGeneratorTest.rows(tmp.resolve("many"));
        DatasetGeneratorTest.assertSameRows(DatasetGeneratorTest.rows(tmp.resolve("one")), rows);
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(i, rows.get(i).index());
        }
    }

    /** Chunks of the largest size (16 rows) across shard ends that are not multiples of 16, stopped and resumed. */
    @Test
    void fullChunksAcrossShardEndsResumeToTheSameRows() throws IOException {
        var whole = DatasetGeneratorTest.request(DatasetGeneratorTest.QOE, tmp.resolve("whole"), 700, 50, 2, Format.CSV);
        DatasetGenerator.run(whole, DatasetGenerator.Progress.NONE);
        var parts = whole.withOut(tmp.resolve("parts")).withThreads(3);
        var first = DatasetGenerator.run(parts.withStopAfterShards(5), DatasetGenerator.Progress.NONE);
        assertFalse(first.complete());
        assertEquals(250, first.rows());
        var second = DatasetGenerator.run(parts.withThreads(2), DatasetGenerator.Progress.NONE);
        assertTrue(second.complete());
        assertEquals(5, second.shardsKept());
        assertEquals(450, second.generated());
        DatasetGeneratorTest.assertSameRows(DatasetGeneratorTest.rows(tmp.resolve("whole")),
                DatasetGeneratorTest.rows(tmp.resolve("parts")));
    }

    @Test
    void progressIsReportedOncePerRowInOrder() throws IOException {
        List<long[]> calls = new ArrayList<>();
        var r = DatasetGeneratorTest.request(DatasetGeneratorTest.QOE, tmp.resolve("p"), 90, 25, 3, Format.PARQUET);
        DatasetGenerator.run(r, (done, total, doneThisRun, toDo, elapsed) ->
                calls.add(new long[] {done, total, doneThisRun, toDo}));
        assertEquals(90, calls.size());
        for (int i = 0; i < calls.size(); i++) {
            long[] c = calls.get(i);
            assertEquals(i + 1, c[0]);
            assertEquals(90, c[1]);
            assertEquals(i + 1, c[2]);
            assertEquals(90, c[3]);
        }
    }

    /**
     * A label solver that answers UNSUPPORTED for one sample in the middle stops the run with its
     * error; the shards recorded are complete ones before that sample, and nothing is left running.
     */
    @Test
    void aFailingSampleStopsTheRunWithItsError() throws IOException {
        ToyConfig config = new ToyConfig(3, 1.0);
        ToyFamily family = new ToyFamily();
        long seed = 0;
        long firstBad = -1;
        while (firstBad < 20) { // a dataset seed whose first refused sample comes after a few shards
            seed++;
            firstBad = -1;
            for (long i = 0; firstBad < 0; i++) {
                if (family.generate(config, SampleSeeds.of(seed, i)).target()[0] > ToyPickySolver.LIMIT) {
                    firstBad = i;
                }
            }
        }
        Path dir = tmp.resolve("bad");
        var r = DatasetGenerator.Request.of(ProblemFamilies.get("toy")).withConfig(config).withSolver("picky")
                .withSeed(seed).withSamples(400).withShardSize(5).withOut(dir).withThreads(2);
        long threadsBefore = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mecopt-datasets")).count();
        var e = assertThrows(InvalidInstanceException.class, () -> DatasetGenerator.run(r, DatasetGenerator.Progress.NONE));
        assertEquals("--solver", e.field());
        assertTrue(e.getMessage().contains("cannot label sample"), e.getMessage());
        assertEquals(threadsBefore, Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("mecopt-datasets") && t.isAlive()).count(), "workers ended");
        DatasetReader data = DatasetReader.open(dir);
        assertEquals(List.of(), data.corruptShards());
        long badShard = firstBad / 5;
        for (var s : data.manifest().shards().entrySet()) {
            assertTrue(s.getKey() < badShard, "shard " + s.getKey() + " recorded although sample " + firstBad + " failed");
            assertEquals(5, s.getValue().rows());
        }
        assertFalse(Files.exists(dir.resolve(Format.PARQUET.shardName((int) badShard))));
    }

    @Test
    void theCpuProfileAccountsForEveryRow() throws IOException {
        var r = DatasetGeneratorTest.request(DatasetGeneratorTest.LATENCY, tmp.resolve("cpu"), 24, 10, 2, Format.PARQUET);
        var s = DatasetGenerator.run(r, DatasetGenerator.Progress.NONE);
        CpuProfile cpu = s.cpu();
        assertEquals(24, cpu.samples());
        assertTrue(cpu.solveNanos() > 0 && cpu.instanceNanos() >= 0 && cpu.encodeNanos() >= 0 && cpu.writeNanos() > 0,
                cpu.toString());
        assertEquals(cpu.writeNanos(), cpu.writeSerialNanos());
        assertTrue(cpu.otherThreadNanos() >= 0, "the stages are parts of the threads' time: " + cpu);
        assertTrue(cpu.wallNanos() > 0 && cpu.idleEstimate(2) > 0 && Double.isFinite(cpu.idleEstimate(2)), cpu.toString());
        assertTrue(cpu.idleEstimate(1) <= cpu.idleEstimate(2), cpu.toString());
        assertEquals(0, DatasetGenerator.run(r, DatasetGenerator.Progress.NONE).cpu().samples(), "nothing left to do");
    }
}
