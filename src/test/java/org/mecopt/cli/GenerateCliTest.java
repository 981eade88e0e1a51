package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Manifest;
import org.mecopt.datasets.Row;

class GenerateCliTest {

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A small offloading dataset: 4 devices on 2 servers. */
    private static String[] offloading(Path out, int samples, int threads, String... more) {
        List<String> a = new ArrayList<>(List.of("generate", "offloading", "--samples", String.valueOf(samples),
                "--seed", "7", "--out", out.toString(), "--shard-size", "6", "--threads", String.valueOf(threads),
                "--devices", "4", "--servers", "2", "--max-tasks", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static List<Row> rows(Path dir) throws Exception {
        return DatasetReader.open(dir).rows().toList();
    }

    private static void assertSameRows(List<Row> a, List<Row> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(a.get(i).sameSample(b.get(i)), "row " + i);
        }
    }

    /** A label solver that answers UNSUPPORTED for the configuration is bad input, and leaves no dataset. */
    @Test
    void aSolverOutsideItsDomainIsRefusedByName(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("esc");
        Run r = run("generate", "latency", "--samples", "3", "--seed", "1", "--out", out.toString(),
                "--users", "3", "--aps", "8", "--subcarriers", "2", "--solver", "exact-single-carrier", "--threads", "1");
        assertEquals(Main.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("--solver = exact-single-carrier") && r.err().contains("N = 1"), r.err());
        assertFalse(Files.exists(out.resolve(Manifest.FILE)) && DatasetReader.open(out).manifest().complete());
    }

    @Test
    void generatesTheSameRowsWithOneAndTwoThreadsInBothFormats(@TempDir Path dir) throws Exception {
        for (String format : List.of("parquet", "csv")) {
            Run one = run(offloading(dir.resolve(format + "1"), 15, 1, "--format", format));
            assertEquals(0, one.code(), one.err());
            assertTrue(one.out().contains("complete: 15/15 rows"), one.out());
            assertTrue(one.out().contains("status: OPTIMAL 15"), one.out());
            assertTrue(one.out().contains("samples/s") && one.out().contains("p95"), one.out());
            assertTrue(one.out().contains("cpu per sample: instance ") && one.out().contains("idle core(s)"), one.out());
            assertTrue(one.err().contains("generate: 15/15 (100.0%)"), one.err());
            Run two = run(offloading(dir.resolve(format + "2"), 15, 2, "--format", format));
            assertEquals(0, two.code(), two.err());
            assertSameRows(rows(dir.resolve(format + "1")), rows(dir.resolve(format + "2")));
            assertTrue(Files.exists(dir.resolve(format + "1").resolve("part-00002." + format)));
        }
        DatasetReader data = DatasetReader.open(dir.resolve("parquet1"));
        assertEquals(4, data.manifest().configuration().get("generatorConfig").get("devices").asInt());
        assertEquals(4, data.schema().features().get("channelGain")[0]);
        assertEquals("exact", data.manifest().solver());
    }

    @Test
    void everyProblemHasADefaultSolver(@TempDir Path dir) throws Exception {
        Run lat = run("generate", "latency", "--samples", "2", "--seed", "1", "--out", dir.resolve("l").toString(),
                "--users", "3", "--aps", "4", "--subcarriers", "2");
        assertEquals(0, lat.code(), lat.err());
        assertEquals("ica", DatasetReader.open(dir.resolve("l")).manifest().solver());
        assertEquals(List.of(2, 3, 4), toList(DatasetReader.open(dir.resolve("l")).schema().features().get("channelMagnitude")));
        Run qoe = run("generate", "qoe", "--samples", "2", "--seed", "1", "--out", dir.resolve("q").toString(),
                "--users", "4", "--solver", "greedy");
        assertEquals(0, qoe.code(), qoe.err());
        assertEquals("greedy", DatasetReader.open(dir.resolve("q")).manifest().solver());
    }

    private static List<Integer> toList(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }

    @Test
    void aStoppedRunIsFinishedByTheSameCommand(@TempDir Path dir) throws Exception {
        Run stopped = run(offloading(dir.resolve("r"), 20, 2, "--stop-after-shards", "2"));
        assertEquals(0, stopped.code(), stopped.err());
        assertTrue(stopped.out().startsWith("INCOMPLETE: 12/20"), stopped.out());
        Run resumed = run(offloading(dir.resolve("r"), 20, 1));
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("2 shard(s) written, 2 kept"), resumed.out());
        assertEquals(0, run(offloading(dir.resolve("whole"), 20, 2)).code());
        assertSameRows(rows(dir.resolve("whole")), rows(dir.resolve("r")));
    }

    @Test
    void killedWithSigkillAndResumedGivesExactlyTheUninterruptedRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("killed");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        String[] args = {"generate", "offloading", "--samples", "3000", "--seed", "11", "--out", out.toString(),
                "--shard-size", "50", "--threads", "1", "--devices", "6", "--servers", "2", "--max-tasks", "3"};
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(new File(dir.resolve("err.txt").toString())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(out.resolve(Manifest.FILE)) && Manifest.read(out).shards().size() >= 2) {
                break;
            }
            Thread.sleep(20);
        }
        p.destroyForcibly(); // SIGKILL on Linux
        p.waitFor();
        Manifest afterKill = Manifest.read(out);
        assertFalse(afterKill.complete(), "the run finished before it could be killed; make it longer");
        assertTrue(afterKill.shards().size() >= 2);
        Run resumed = run(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], args[8], args[9],
                "--threads", "2", args[12], args[13], args[14], args[15], args[16], args[17]);
        assertEquals(0, resumed.code(), resumed.err());
        List<Row> rows = rows(out);
        assertEquals(3000, rows.size());
        assertEquals(3000, new HashSet<>(rows.stream().map(Row::index).toList()).size());
        try (var files = Files.list(out)) {
            assertEquals(61, files.count(), "60 shards + manifest, no temporaries left");
        }
        args[7] = dir.resolve("whole").toString();
        assertEquals(0, run(args).code());
        assertSameRows(rows(dir.resolve("whole")), rows);
    }

    @Test
    void anotherConfigurationIsRefusedWithExitTwoUnlessOverwrite(@TempDir Path dir) throws Exception {
        assertEquals(0, run(offloading(dir.resolve("d"), 6, 1)).code());
        Run other = run("generate", "offloading", "--samples", "6", "--seed", "8", "--out", dir.resolve("d").toString(),
                "--shard-size", "6", "--devices", "4", "--servers", "2", "--max-tasks", "2");
        assertEquals(Main.INVALID_INPUT, other.code());
        assertTrue(other.err().contains("--out") && other.err().contains("another configuration")
                && other.err().contains("seed: existing 7, requested 8") && other.err().contains("--overwrite"), other.err());
        Run overwritten = run("generate", "offloading", "--samples", "6", "--seed", "8", "--out",
                dir.resolve("d").toString(), "--shard-size", "6", "--devices", "4", "--servers", "2", "--max-tasks", "2",
                "--overwrite");
        assertEquals(0, overwritten.code(), overwritten.err());
        assertEquals(8, DatasetReader.open(dir.resolve("d")).manifest().seed());
    }

    @Test
    void aDatasetLabelledByAnEarlierSolverRevisionIsNotResumedWithNewLabels(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ica");
        String[] args = {"generate", "latency", "--samples", "4", "--seed", "3", "--out", out.toString(),
                "--shard-size", "2", "--users", "2", "--aps", "4", "--subcarriers", "1"};
        assertEquals(0, run(args).code());
        Path manifest = out.resolve(Manifest.FILE);
        String written = Files.readString(manifest);
        assertTrue(written.contains("\"solverRevision\" : 4"), written);
        // as a manifest written by the ica before issue 12 (no revision recorded) reads
        Files.writeString(manifest, written.replace("\"solverRevision\" : 4,", ""));
        Run resumed = run(args);
        assertEquals(Main.INVALID_INPUT, resumed.code());
        assertTrue(resumed.err().contains("solverRevision: existing none, requested 4"), resumed.err());
    }

    @Test
    void badInputExitsWithTwoNamingTheOptionAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("never");
        assertBad("--samples", run(offloading(out, 0, 1)));
        assertBad("--threads", run(offloading(out, 5, 0)));
        assertBad("--solver", run(offloading(out, 5, 1, "--solver", "ica")));
        assertBad("--format", run(offloading(out, 5, 1, "--format", "xlsx")));
        assertBad("nope", run("generate", "nope", "--samples", "5", "--seed", "1", "--out", out.toString()));
        assertBad("maxTasks", run(offloading(out, 5, 1, "--devices", "9")));
        assertFalse(Files.exists(out));
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertBad("--out", run(offloading(file, 5, 1)));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anUnwritableOutputExitsWithTwo(@TempDir Path dir) throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root can write anywhere");
        Path locked = Files.createDirectories(dir.resolve("locked"));
        assertTrue(locked.toFile().setWritable(false, false));
        try {
            assertBad("--out", run(offloading(locked.resolve("sub"), 5, 1)));
            assertBad("--out", run(offloading(locked, 5, 1)));
        } finally {
            locked.toFile().setWritable(true, false);
        }
    }

    private static void assertBad(String option, Run r) {
        assertEquals(Main.INVALID_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(option), r.err());
    }
}
