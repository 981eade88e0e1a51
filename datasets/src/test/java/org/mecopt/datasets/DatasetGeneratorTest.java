package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.offloading.OffloadingCodec;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;
import org.mecopt.qoe.QoeGenerator;

class DatasetGeneratorTest {

    static final DatasetGenerator.Request OFFLOADING = DatasetGenerator.Request.of(ProblemFamilies.get("offloading"))
            .withConfig(OffloadingGenerator.Config.PAPER.withSize(4, 2, 2));
    static final DatasetGenerator.Request LATENCY = DatasetGenerator.Request.of(ProblemFamilies.get("latency"))
            .withConfig(LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 3, 4, 2));
    static final DatasetGenerator.Request QOE = DatasetGenerator.Request.of(ProblemFamilies.get("qoe"))
            .withConfig(QoeGenerator.Config.DEFAULT.withUsers(5));

    /** The small configuration of each family that these tests generate. */
    static DatasetGenerator.Request family(String name) {
        return switch (name) {
            case "offloading" -> OFFLOADING;
            case "latency" -> LATENCY;
            case "qoe" -> QOE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @TempDir
    Path tmp;

    static DatasetGenerator.Request request(DatasetGenerator.Request p, Path out, long samples, int shard, int threads,
                                            Format format) {
        return p.withSeed(42).withSamples(samples).withShardSize(shard).withFormat(format).withOut(out)
                .withThreads(threads);
    }

    static DatasetGenerator.Request withStop(DatasetGenerator.Request r, int stop) {
        return r.withStopAfterShards(stop);
    }

    static List<Row> rows(Path dir) throws IOException {
        return DatasetReader.open(dir).rows().toList();
    }

    static void assertSameRows(List<Row> expected, List<Row> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(expected.get(i).sameSample(actual.get(i)), "row " + i + ": " + expected.get(i) + " vs " + actual.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void oneAndTwoThreadsGiveIdenticalRows(Format format) throws IOException {
        DatasetGenerator.run(request(OFFLOADING, tmp.resolve("t1"), 20, 7, 1, format), DatasetGenerator.Progress.NONE);
        var s2 = DatasetGenerator.run(request(OFFLOADING, tmp.resolve("t2"), 20, 7, 2, format),
                DatasetGenerator.Progress.NONE);
        assertEquals(20, s2.rows());
        assertEquals(3, s2.shardsWritten());
        List<Row> a = rows(tmp.resolve("t1"));
        assertSameRows(a, rows(tmp.resolve("t2")));
        for (int i = 0; i < a.size(); i++) {
            assertEquals(i, a.get(i).index());
            assertEquals(SampleSeeds.of(42, i), a.get(i).sampleSeed());
        }
        assertTrue(Files.exists(tmp.resolve("t1").resolve(format.shardName(2))));
    }

    @Test
    void rowsReadBackEqualWhatTheSolverReturned() throws IOException {
        Path dir = tmp.resolve("rt");
        DatasetGenerator.run(request(OFFLOADING, dir, 12, 5, 2, Format.PARQUET), DatasetGenerator.Progress.NONE);
        var solver = SolverRegistry.get(OffloadingInstance.class, "exact");
        var config = (OffloadingGenerator.Config) OFFLOADING.config();
        var codec = new OffloadingCodec();
        for (Row row : DatasetReader.open(dir)) {
            OffloadingInstance instance = OffloadingGenerator.generate(config, row.sampleSeed());
            Result<OffloadingSolution> r = solver.solve(instance, SolverOptions.defaults().withSeed(row.sampleSeed()));
            assertEquals(codec.features(instance), row.features());
            assertEquals(codec.labels(r.solution()), row.label());
            assertArrayEquals(r.solution().cpuHz(), row.label().get("cpuHz").data());
            assertEquals(r.objective(), row.objective());
            assertEquals(r.bound(), row.bound());
            assertEquals(r.gap(), row.gap());
            assertEquals(r.status().name(), row.status());
            assertEquals(r.iterations(), row.iterations());
        }
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void latencyExportsGainAndChannelMagnitudesWithShapes(Format format) throws IOException {
        Path dir = tmp.resolve("lat");
        DatasetGenerator.run(request(LATENCY, dir, 4, 3, 2, format), DatasetGenerator.Progress.NONE);
        DatasetReader data = DatasetReader.open(dir);
        assertArrayEquals(new int[] {2, 3, 3}, data.schema().features().get("gain"));
        assertArrayEquals(new int[] {2, 3, 4}, data.schema().features().get("channelMagnitude"));
        assertArrayEquals(new int[] {2, 3}, data.schema().label().get("power"));
        var config = (LatencyGenerator.Config) data.manifest().generatorConfig();
        assertEquals(LATENCY.config(), config);
        for (Row row : data) {
            var instance = LatencyGenerator.generate(config, row.sampleSeed());
            assertEquals(instance.gain(1, 2, 0), row.features().get("gain").get(1, 2, 0));
            assertEquals(instance.channelMagnitude()[1][0][3], row.features().get("channelMagnitude").get(1, 0, 3));
        }
        if (format == Format.PARQUET) {
            Map<String, String> meta = ParquetShards.metadata(data.shardFiles().get(0));
            assertEquals("latency", meta.get(ParquetShards.PROBLEM_KEY));
            assertTrue(meta.get(ParquetShards.SHAPES_KEY).contains("channelMagnitude"));
        }
    }

    @Test
    void qoeRowsCarryAllocations() throws IOException {
        Path dir = tmp.resolve("qoe");
        var s = DatasetGenerator.run(request(QOE, dir, 3, 10, 1, Format.PARQUET), DatasetGenerator.Progress.NONE);
        assertEquals(3, s.rows());
        assertEquals("sigmoidal", DatasetReader.open(dir).manifest().solver());
        Row row = rows(dir).get(0);
        assertEquals(5, row.label().get("allocationHz").data().length);
    }

    @Test
    void interruptedRunResumesToTheSameRows() throws IOException {
        Path whole = tmp.resolve("whole");
        Path parts = tmp.resolve("parts");
        DatasetGenerator.run(request(OFFLOADING, whole, 17, 4, 2, Format.PARQUET), DatasetGenerator.Progress.NONE);
        var first = DatasetGenerator.run(withStop(request(OFFLOADING, parts, 17, 4, 2, Format.PARQUET), 2),
                DatasetGenerator.Progress.NONE);
        assertFalse(first.complete());
        assertEquals(8, first.rows());
        assertEquals(8, rows(parts).size());
        var second = DatasetGenerator.run(request(OFFLOADING, parts, 17, 4, 1, Format.PARQUET),
                DatasetGenerator.Progress.NONE);
        assertTrue(second.complete());
        assertEquals(2, second.shardsKept());
        assertEquals(3, second.shardsWritten());
        List<Row> resumed = rows(parts);
        assertEquals(17, new HashSet<>(resumed.stream().map(Row::index).toList()).size());
        assertSameRows(rows(whole), resumed);
        // A third run has nothing to do.
        var third = DatasetGenerator.run(request(OFFLOADING, parts, 17, 4, 2, Format.PARQUET),
                DatasetGenerator.Progress.NONE);
        assertEquals(0, third.generated());
        assertEquals(5, third.shardsKept());
    }

    /** A kill can land while a shard or the manifest is being written: the resume removes both kinds of leftover. */
    @Test
    void aResumeRemovesTheTemporariesAKilledRunLeft() throws IOException {
        Path parts = tmp.resolve("killed");
        DatasetGenerator.run(withStop(request(OFFLOADING, parts, 17, 4, 1, Format.PARQUET), 2),
                DatasetGenerator.Progress.NONE);
        Files.writeString(parts.resolve(".part-00002.parquet.tmp"), "half a shard");
        Files.writeString(parts.resolve("." + Manifest.FILE + "8123456.tmp"), "{\"half\":");
        Files.writeString(parts.resolve("notes.txt"), "the user's");
        DatasetGenerator.run(request(OFFLOADING, parts, 17, 4, 1, Format.PARQUET), DatasetGenerator.Progress.NONE);
        try (var files = Files.list(parts)) {
            assertEquals(Set.of(Manifest.FILE, "part-00000.parquet", "part-00001.parquet", "part-00002.parquet",
                    "part-00003.parquet", "part-00004.parquet", "notes.txt"),
                    files.map(f -> f.getFileName().toString()).collect(java.util.stream.Collectors.toSet()));
        }
    }

    /**
     * A run interrupted before solver options had a "not set" recorded the old toolkit defaults
     * (relativeGap 1e-9, maxIterations 10^6) in its manifest; today's unset options mean the same,
     * so the run resumes instead of reporting a configuration difference.
     */
    @Test
    void runFromBeforeUnsetOptionsResumes() throws IOException {
        Path dir = tmp.resolve("legacy");
        var first = DatasetGenerator.run(withStop(request(OFFLOADING, dir, 9, 4, 1, Format.PARQUET), 1),
                DatasetGenerator.Progress.NONE);
        assertFalse(first.complete());
        Path file = dir.resolve(Manifest.FILE);
        var manifest = (com.fasterxml.jackson.databind.node.ObjectNode) org.mecopt.io.Json.mapper()
                .readTree(Files.readString(file));
        var options = (com.fasterxml.jackson.databind.node.ObjectNode) manifest.get("solverOptions");
        assertFalse(options.has("relativeGap"), "unset options are not recorded");
        options.put("relativeGap", 1e-9);
        options.put("maxIterations", 1_000_000L);
        Files.writeString(file, org.mecopt.io.Json.toText(manifest));
        var second = DatasetGenerator.run(request(OFFLOADING, dir, 9, 4, 1, Format.PARQUET),
                DatasetGenerator.Progress.NONE);
        assertTrue(second.complete());
        assertEquals(1, second.shardsKept());
        // an explicitly different gap is still a different configuration
        options.put("relativeGap", 1e-6);
        Files.writeString(file, org.mecopt.io.Json.toText(manifest));
        assertThrows(RuntimeException.class, () -> DatasetGenerator.run(request(OFFLOADING, dir, 9, 4, 1,
                Format.PARQUET), DatasetGenerator.Progress.NONE));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void truncatedOrDeletedShardIsDetectedAndRegenerated(Format format) throws IOException {
        Path dir = tmp.resolve("trunc");
        var r = request(OFFLOADING, dir, 10, 4, 2, format);
        DatasetGenerator.run(r, DatasetGenerator.Progress.NONE);
        List<Row> before = rows(dir);
        try (RandomAccessFile f = new RandomAccessFile(dir.resolve(format.shardName(1)).toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        Files.delete(dir.resolve(format.shardName(2)));
        assertEquals(List.of(format.shardName(1), format.shardName(2)), DatasetReader.open(dir).corruptShards());
        var again = DatasetGenerator.run(r, DatasetGenerator.Progress.NONE);
        assertEquals(1, again.shardsKept());
        assertEquals(2, again.shardsWritten());
        assertEquals(6, again.generated());
        assertEquals(List.of(), DatasetReader.open(dir).corruptShards());
        assertSameRows(before, rows(dir));
    }

    @Test
    void manifestCountsMatchTheFiles() throws IOException {
        Path dir = tmp.resolve("m");
        var summary = DatasetGenerator.run(request(QOE, dir, 9, 4, 2, Format.PARQUET), DatasetGenerator.Progress.NONE);
        DatasetReader data = DatasetReader.open(dir);
        Manifest m = data.manifest();
        assertTrue(m.complete());
        assertEquals(3, m.shards().size());
        Map<String, Long> counted = new TreeMap<>();
        for (var e : m.shards().entrySet()) {
            long n = 0;
            for (var it = data.shard(dir.resolve(e.getValue().file())); it.hasNext(); n++) {
                counted.merge(it.next().status(), 1L, Long::sum);
            }
            assertEquals(e.getValue().rows(), n);
            assertEquals(Manifest.sha256(dir.resolve(e.getValue().file())), e.getValue().sha256());
        }
        assertEquals(counted, m.countsByStatus());
        assertEquals(summary.countsByStatus(), m.countsByStatus());
        assertEquals(9, m.countsByStatus().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(42, m.seed());
        assertEquals("qoe", m.problem());
        assertEquals(Manifest.toolkitVersionOfBuild(), m.toolkitVersion());
        assertFalse(m.toolkitVersion().isBlank());
        try (var files = Files.list(dir)) {
            assertEquals(Set.of("manifest.json", "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"),
                    new HashSet<>(files.map(p -> p.getFileName().toString()).toList()));
        }
    }

    @Test
    void anotherConfigurationIsRefusedUnlessOverwriting() throws IOException {
        Path dir = tmp.resolve("cfg");
        DatasetGenerator.run(request(OFFLOADING, dir, 5, 5, 1, Format.PARQUET), DatasetGenerator.Progress.NONE);
        var other = request(OFFLOADING, dir, 5, 5, 1, Format.PARQUET).withSeed(43);
        var e = assertThrows(InvalidInstanceException.class, () -> DatasetGenerator.run(other, DatasetGenerator.Progress.NONE));
        assertEquals("--out", e.field());
        assertTrue(e.getMessage().contains("seed: existing 42, requested 43"), e.getMessage());
        var otherProblem = request(QOE, dir, 5, 5, 1, Format.PARQUET);
        assertThrows(InvalidInstanceException.class, () -> DatasetGenerator.run(otherProblem, DatasetGenerator.Progress.NONE));
        var overwrite = other.withOverwrite(true);
        DatasetGenerator.run(overwrite, DatasetGenerator.Progress.NONE);
        assertEquals(43, DatasetReader.open(dir).manifest().seed());
        assertEquals(SampleSeeds.of(43, 0), rows(dir).get(0).sampleSeed());
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path dir = tmp.resolve("never");
        assertField("--samples", request(OFFLOADING, dir, 0, 5, 1, Format.PARQUET));
        assertField("--shard-size", request(OFFLOADING, dir, 5, 0, 1, Format.PARQUET));
        assertField("--threads", request(OFFLOADING, dir, 5, 5, 0, Format.PARQUET));
        assertField("--solver", request(OFFLOADING, dir, 5, 5, 1, Format.PARQUET).withSolver("ica"));
        assertFalse(Files.exists(dir));
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        assertField("--out", request(OFFLOADING, file, 5, 5, 1, Format.PARQUET));
        assertField("--out", request(OFFLOADING, file.resolve("sub"), 5, 5, 1, Format.PARQUET));
        assertEquals("x", Files.readString(file));
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "mine");
        assertField("--out", request(OFFLOADING, foreign, 5, 5, 1, Format.PARQUET));
        try (var files = Files.list(foreign)) {
            assertEquals(1, files.count());
        }
    }

    private static void assertField(String field, DatasetGenerator.Request r) {
        var e = assertThrows(InvalidInstanceException.class, () -> DatasetGenerator.run(r, DatasetGenerator.Progress.NONE));
        assertEquals(field, e.field(), e.getMessage());
    }

    @Test
    void shardsWrittenOneByOneInAnyOrderEqualARun() throws IOException {
        DatasetGenerator.run(request(LATENCY, tmp.resolve("run"), 5, 2, 2, Format.PARQUET), DatasetGenerator.Progress.NONE);
        var r = request(LATENCY, tmp.resolve("split"), 5, 2, 1, Format.PARQUET);
        var plan = DatasetGenerator.plan(r);
        assertEquals(List.of(0, 1, 2), plan.todo());
        for (int s : List.of(2, 0, 1)) {
            plan.record(DatasetGenerator.writeShard(r, s));
        }
        assertTrue(DatasetReader.open(tmp.resolve("split")).manifest().complete());
        assertSameRows(rows(tmp.resolve("run")), rows(tmp.resolve("split")));
        assertEquals(3, DatasetGenerator.run(r, DatasetGenerator.Progress.NONE).shardsKept());
    }

    @Test
    void configurationsAreRebuiltFromTheirManifestJson() {
        for (DatasetGenerator.Request r : List.of(OFFLOADING, LATENCY, QOE)) {
            var back = DatasetGenerator.Request.of(ProblemFamilies.get(r.family().name())).withConfigJson(r.configJson());
            assertEquals(r.config(), back.config());
            assertEquals(r.configJson(), back.configJson());
        }
        assertThrows(InvalidInstanceException.class, () -> ProblemFamilies.get("nope"));
        var e = assertThrows(InvalidInstanceException.class, () -> QOE.withConfigJson(OFFLOADING.configJson()));
        assertEquals("generatorConfig", e.field());
    }

    @Test
    void sampleSeedsAreSplitMix64Outputs() {
        // java.util.SplittableRandom(seed).nextLong() is the same SplitMix64 stream.
        var reference = new java.util.SplittableRandom(42);
        for (int i = 0; i < 5; i++) {
            assertEquals(reference.nextLong(), SampleSeeds.of(42, i));
        }
        assertNull(null);
    }
}
