package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecopt.cli.CliRun.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A path the user gave that cannot serve (an output that is a directory or lies under a file, an
 * input that is a directory or not UTF-8, a data folder that is no dataset) is invalid input: exit 2
 * with the option named, and nothing written.
 */
class CliPathsTest {

    @Test
    void anOutFileThatIsADirectoryOrUnderAFileExitsWithTwo(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("i.json");
        assertEquals(0, run("instance", "offloading", "--seed", "1", "--out", instance.toString()).code());
        Path folder = Files.createDirectories(dir.resolve("folder"));
        Path underFile = instance.resolve("r.json");
        for (Path out : List.of(folder, underFile, instance.resolve("a/b.json"))) {
            assertBad("--out", run("solve", "offloading", "--instance", instance.toString(), "--solver", "greedy",
                    "--out", out.toString()));
            assertBad("--out", run("instance", "qoe", "--seed", "1", "--out", out.toString()));
        }
        try (var files = Files.list(folder)) {
            assertEquals(0, files.count(), "nothing written into the directory");
        }
        assertTrue(Files.isRegularFile(instance));
    }

    @Test
    void anOutDirectoryUnderAFileExitsWithTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        assertBad("--out", run("experiment", "offloading-cpu-sweep", "--out", file.resolve("sweep").toString(),
                "--instances", "2"));
        assertBad("--out", run("generate", "offloading", "--samples", "2", "--seed", "1", "--out",
                file.resolve("data").toString()));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anInstancePathThatIsADirectoryOrNotUtf8ExitsWithTwo(@TempDir Path dir) throws Exception {
        CliRun folder = run("solve", "offloading", "--instance", dir.toString(), "--solver", "exact");
        assertBad("--instance", folder);
        assertTrue(folder.err().contains("is a directory"), folder.err());
        Path latin1 = dir.resolve("latin1.json");
        Files.write(latin1, new byte[] {'{', '"', 'p', (byte) 0xE9, '"', ':', '1', '}'}); // é in ISO-8859-1
        CliRun notUtf8 = run("solve", "offloading", "--instance", latin1.toString(), "--solver", "exact");
        assertBad("--instance", notUtf8);
        assertTrue(notUtf8.err().contains("UTF-8"), notUtf8.err());
    }

    @Test
    void trainOnAFolderThatIsNotADatasetExitsWithTwoNamingData(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("manifest.json"), "{\"layout\":");
        for (Path data : List.of(empty, file, broken, dir.resolve("missing"))) {
            CliRun r = run("train", "latency", "--data", data.toString(), "--out", dir.resolve("model").toString(),
                    "--epochs", "1");
            assertBad("--data", r);
            assertTrue(r.err().contains(data.toString()), r.err());
        }
        assertTrue(Files.notExists(dir.resolve("model")));
    }

    private static void assertBad(String option, CliRun r) {
        assertEquals(Main.INVALID_INPUT, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(option), r.err());
    }
}
