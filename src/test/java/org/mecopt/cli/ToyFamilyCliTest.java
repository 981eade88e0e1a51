package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecopt.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;
import org.mecopt.io.Json;
import org.mecopt.toy.ToyCodec;
import org.mecopt.toy.ToyConfig;

/**
 * The toy family of datasets' test-jar ({@code org.mecopt.toy}, registered by its services files on
 * the test classpath only) gets {@code instance toy} and {@code generate toy} from its options, and
 * {@code solve toy} from its solver, with no line of the CLI naming it.
 */
class ToyFamilyCliTest {

    @Test
    void aFamilyFromTheTestClasspathHasItsCommands(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("toy.json");
        CliRun made = run("instance", "toy", "--seed", "1", "--size", "4", "--cap", "0.5", "--out", instance.toString());
        assertEquals(0, made.code(), made.err());
        JsonNode tree = Json.readTree(Files.readString(instance));
        assertEquals("toy", tree.get("problem").asText());
        assertEquals(4, tree.get("target").size());

        CliRun solved = run("solve", "toy", "--instance", instance.toString(), "--solver", "clamp");
        assertEquals(0, solved.code(), solved.err());
        JsonNode result = Json.readTree(solved.out());
        assertEquals("OPTIMAL", result.get("status").asText());
        assertEquals(4, result.get("x").size());

        Path data = dir.resolve("data");
        CliRun generated = run("generate", "toy", "--samples", "5", "--seed", "2", "--out", data.toString(),
                "--shard-size", "2", "--threads", "1", "--size", "3");
        assertEquals(0, generated.code(), generated.err());
        assertTrue(generated.out().contains("complete: 5/5 rows"), generated.out());
        DatasetReader read = DatasetReader.open(data);
        assertEquals(new ToyConfig(3, 1.0), read.manifest().generatorConfig());
        assertEquals("clamp", read.manifest().solver());
        List<Row> rows = read.rows().toList();
        assertEquals(5, rows.size());
        assertEquals(3, rows.get(0).label().get(ToyCodec.X).data().length);
    }

    @Test
    void itsOptionsShowTheirDefaultsAndRejectBadValues() {
        CliRun help = run("instance", "toy", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--size") && help.out().contains("(default 3)")
                && help.out().contains("(default 1)"), help.out());
        CliRun bad = run("instance", "toy", "--seed", "1", "--size", "three");
        assertEquals(Main.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("--size"), bad.err());
        CliRun invalid = run("generate", "toy", "--samples", "1", "--seed", "1", "--out", "unused", "--cap", "-1");
        assertEquals(Main.INVALID_INPUT, invalid.code());
        assertTrue(invalid.err().contains("cap"), invalid.err());
    }
}
