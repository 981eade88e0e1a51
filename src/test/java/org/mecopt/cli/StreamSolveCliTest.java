package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.SolverOptions;
import org.mecopt.io.Json;
import org.mecopt.offloading.ExactSolver;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;

/** solve --instances: order, ids, bad lines on their own line, exit codes, threads, directories. */
class StreamSolveCliTest {

    private static final OffloadingGenerator.Config CONFIG = OffloadingGenerator.Config.PAPER.withSize(6, 3, 2);

    /** The result lines without the one field the clock decides. */
    private static List<JsonNode> withoutTimes(String out) {
        return out.lines().map(l -> {
            ObjectNode line = (ObjectNode) Json.readTree(l);
            line.remove("solveTimeMillis");
            return (JsonNode) line;
        }).toList();
    }

    @Test
    void aJsonLinesStreamKeepsItsOrderAndIdsWhateverTheThreadsAndReportsBadLinesAlone(@TempDir Path dir)
            throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ObjectNode instance = Json.instanceTree(OffloadingGenerator.generate(CONFIG, 100 + i));
            if (i % 3 == 0) {
                instance.put("id", "case-" + i);
            } else if (i % 3 == 1) {
                instance.put("id", i);
            }
            lines.add(Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(instance));
        }
        lines.add(5, lines.get(0).replace("\"bandwidthHz\":1000000.0", "\"bandwidthHz\":-5"));
        lines.add(9, "");                                     // blank lines are skipped, not counted as instances
        lines.add(10, "not json");
        Path input = dir.resolve("batch.jsonl");
        Files.write(input, lines);

        CliRun one = CliRun.run("solve", "offloading", "--solver", "exact", "--instances", input.toString());
        CliRun three = CliRun.run("solve", "offloading", "--solver", "exact", "--instances", input.toString(),
                "--threads", "3");
        assertEquals(Main.INVALID_INPUT, one.code(), "a bad line makes the run exit 2 at the end: " + one.err());
        assertEquals(withoutTimes(one.out()), withoutTimes(three.out()), "the output does not depend on the thread count");
        assertTrue(one.err().contains("14 instances: 12 with a feasible solution, 0 without, 2 rejected"), one.err());

        List<JsonNode> results = one.out().lines().map(Json::readTree).toList();
        assertEquals(14, results.size());
        int instance = 0;
        for (int k = 0; k < results.size(); k++) {
            JsonNode r = results.get(k);
            if (r.has("error")) {
                assertTrue(k == 5 || k == 9, "bad inputs are lines 6 and 11 of the file: " + r);
                continue;
            }
            OffloadingInstance expected = OffloadingGenerator.generate(CONFIG, 100 + instance);
            assertEquals(new ExactSolver().solve(expected, SolverOptions.defaults()).objective(),
                    r.path("objective").asDouble(), 0.0, "result " + k + " is instance " + instance + "'s");
            if (instance % 3 == 0) {
                assertEquals("case-" + instance, r.path("id").asText());
            } else if (instance % 3 == 1) {
                assertEquals(instance, r.path("id").asInt());
            } else {
                assertTrue(!r.has("id"), r.toString());
            }
            instance++;
        }
        assertTrue(results.get(5).path("error").asText().startsWith("bandwidthHz = -5"), results.get(5).toString());
        assertEquals(11, results.get(9).path("input").asInt(), "the error names the input line");
    }

    @Test
    void aDirectoryIsReadInNameOrderWithFileNamesAsIdsAndOutGetsTheLines(@TempDir Path dir) throws Exception {
        Path instances = dir.resolve("instances");
        Files.createDirectories(instances);
        for (String name : List.of("b", "a", "c")) {
            Files.writeString(instances.resolve(name + ".json"),
                    Json.writeInstance(OffloadingGenerator.generate(CONFIG, name.charAt(0))));
        }
        Files.writeString(instances.resolve("notes.txt"), "not an instance");
        Path out = dir.resolve("results.jsonl");
        CliRun r = CliRun.run("solve", "offloading", "--solver", "greedy", "--instances", instances.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(List.of("a", "b", "c"), lines.stream().map(l -> Json.readTree(l).path("id").asText()).toList());
        assertEquals("", r.out(), "with --out, nothing on stdout");
    }

    @Test
    void exactlyOneSourceAndAPositiveThreadCount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("i.json");
        Files.writeString(file, Json.writeInstance(OffloadingGenerator.generate(CONFIG, 1)));
        assertEquals(Main.INVALID_INPUT, CliRun.run("solve", "offloading", "--solver", "greedy").code());
        assertEquals(Main.INVALID_INPUT, CliRun.run("solve", "offloading", "--solver", "greedy", "--instance",
                file.toString(), "--instances", file.toString()).code());
        CliRun threads = CliRun.run("solve", "offloading", "--solver", "greedy", "--instances", file.toString(),
                "--threads", "0");
        assertEquals(Main.INVALID_INPUT, threads.code());
        assertTrue(threads.err().contains("--threads"), threads.err());
        CliRun missing = CliRun.run("solve", "offloading", "--solver", "greedy", "--instances",
                dir.resolve("none.jsonl").toString());
        assertEquals(Main.INVALID_INPUT, missing.code());
        assertTrue(missing.err().contains("--instances"), missing.err());
    }
}
