package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mecopt.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mecopt.api.Status;
import org.mecopt.io.Json;

class CliTest {

    @Test
    void generatesAndSolvesWithEverySolver(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("i.json");
        assertEquals(0, run("instance", "offloading", "--seed", "4", "--out", instance.toString()).code());
        for (String solver : List.of("exact", "local-search", "greedy", "goa", "roa")) {
            CliRun r = run("solve", "offloading", "--instance", instance.toString(), "--solver", solver);
            JsonNode result = Json.readTree(r.out());
            boolean feasible = Status.valueOf(result.get("status").asText()).hasFeasibleSolution();
            assertEquals(feasible ? 0 : Main.NO_FEASIBLE_SOLUTION, r.code(), r.err());
            assertEquals(solver, result.get("solver").asText());
            assertEquals(9, result.get("assignment").size());
        }
        Path out = dir.resolve("r.json");
        CliRun kkt = run("solve", "offloading", "--instance", instance.toString(), "--solver", "kkt",
                "--assignment", "0,1,2,0,1,2,0,1,2", "--out", out.toString());
        assertEquals(0, kkt.code(), kkt.err());
        assertEquals("OPTIMAL", Json.readTree(Files.readString(out)).get("status").asText());
    }

    @Test
    void invalidInputExitsWithTwoAndNamesTheField(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("bad.json");
        Files.writeString(instance, "{\"problem\":\"offloading\",\"bandwidthHz\":-1,\"noiseW\":1e-9,\"devices\":[],"
                + "\"servers\":[],\"channelGain\":[]}");
        CliRun r = run("solve", "offloading", "--instance", instance.toString(), "--solver", "exact");
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("bandwidthHz = -1.0 is outside [1, 1e12]"), r.err());
        assertEquals(Main.INVALID_INPUT, run("solve", "offloading", "--instance", instance.toString(), "--solver", "nope").code());
        assertEquals(Main.INVALID_INPUT, run("solve", "nope", "--instance", instance.toString(), "--solver", "exact").code());
        CliRun size = run("instance", "offloading", "--seed", "1", "--devices", "10");
        assertEquals(Main.INVALID_INPUT, size.code());
        assertTrue(size.err().contains("maxTasks"), size.err());
        assertEquals(Main.INVALID_INPUT, run("instance", "offloading").code(), "missing --seed");
        Path notWritten = dir.resolve("never.json");
        run("solve", "offloading", "--instance", instance.toString(), "--solver", "exact", "--out", notWritten.toString());
        assertFalse(Files.exists(notWritten));
    }

    @Test
    void solversListsEveryProblemAndSolver() {
        CliRun r = run("solvers");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("latency\n") && r.out().contains("\noffloading\n"), r.out());
        assertTrue(r.out().contains("  local-search "), r.out());
        assertTrue(r.out().contains("--param start=CHOICE  default auto, one of auto, equal-power"), r.out());
        assertTrue(r.out().contains("--param boundIterations=INTEGER  default 400, in [0, 2147483647]"), r.out());
        assertTrue(r.out().contains("--param assignment=TEXT  default none"), r.out());
    }

    @Test
    void solveExitsWithThreeWhenTheResultHasNoFeasibleSolution(@TempDir Path dir) throws Exception {
        // every device hears server 0 best, so goa overloads it
        Path instance = dir.resolve("skewed.json");
        assertEquals(0, run("instance", "offloading", "--seed", "4", "--out", instance.toString()).code());
        ObjectNode tree = (ObjectNode) Json.readTree(Files.readString(instance));
        ArrayNode gain = Json.mapper().createArrayNode();
        for (int m = 0; m < tree.get("devices").size(); m++) {
            gain.add(Json.mapper().createArrayNode().add(2.0).add(1.0).add(1.0));
        }
        tree.set("channelGain", gain);
        Files.writeString(instance, Json.toText(tree));
        CliRun goa = run("solve", "offloading", "--instance", instance.toString(), "--solver", "goa");
        assertEquals(Main.NO_FEASIBLE_SOLUTION, goa.code(), goa.err());
        JsonNode result = Json.readTree(goa.out());
        assertEquals("INFEASIBLE_POINT", result.get("status").asText());
        assertEquals("server 0 serves 9 tasks > maxTasks 3", result.get("violations").get(0).asText());
        assertEquals(0, run("solve", "offloading", "--instance", instance.toString(), "--solver", "greedy").code());
    }

    @Test
    void badOrUnknownParametersExitWithTwoAndNameThem(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("l.json");
        assertEquals(0, run("instance", "latency", "--seed", "2", "--users", "3", "--aps", "8", "--subcarriers", "1",
                "--out", instance.toString()).code());
        CliRun typo = run("solve", "latency", "--instance", instance.toString(), "--solver", "ica",
                "--param", "start=equal_power");
        assertEquals(Main.INVALID_INPUT, typo.code());
        assertTrue(typo.err().contains("parameter start = equal_power must be one of [auto, equal-power]"), typo.err());
        assertEquals("", typo.out());
        CliRun unknown = run("solve", "latency", "--instance", instance.toString(), "--solver", "ica",
                "--param", "strat=equal-power");
        assertEquals(Main.INVALID_INPUT, unknown.code());
        assertTrue(unknown.err().contains("parameter strat = equal-power is not a parameter of solver ica; known: "
                + "[tolerance, start, subproblems, gap, starts, restartGap, stall]"), unknown.err());
        CliRun range = run("solve", "latency", "--instance", instance.toString(), "--solver", "ica",
                "--param", "tolerance=2");
        assertEquals(Main.INVALID_INPUT, range.code());
        assertTrue(range.err().contains("parameter tolerance = 2 must be a number in (0, 1)"), range.err());
        assertEquals(0, run("solve", "latency", "--instance", instance.toString(), "--solver", "ica",
                "--param", "start=equal-power", "--relative-gap", "1e-9",
                "--time-limit-ms", Long.toString(Long.MAX_VALUE)).code());
    }

    @Test
    void cpuSweepWritesCsvAndPng(@TempDir Path dir) throws Exception {
        CliRun r = run("experiment", "offloading-cpu-sweep", "--out", dir.toString(), "--instances", "4",
                "--cpu-ghz", "5,10", "--solvers", "roa,exact");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("offloading-cpu-sweep.csv"));
        assertEquals(1 + 2 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("5.0,roa,"), csv.get(1));
        double exactAt5 = Double.parseDouble(csv.get(2).split(",")[2]);
        double exactAt10 = Double.parseDouble(csv.get(4).split(",")[2]);
        assertTrue(exactAt10 < exactAt5, "more CPU must lower the optimal delay");
        byte[] png = Files.readAllBytes(dir.resolve("offloading-cpu-sweep.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void latencyInstanceSolveAndExperiment(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("l.json");
        assertEquals(0, run("instance", "latency", "--seed", "2", "--users", "4", "--aps", "16", "--subcarriers", "2",
                "--out", instance.toString()).code());
        JsonNode tree = Json.readTree(Files.readString(instance));
        assertEquals(2, tree.get("gain").size());
        assertEquals(16, tree.get("channelMagnitude").get(0).get(0).size());
        for (String solver : List.of("ica", "equal-power", "full-offload", "local-only", "interference-free")) {
            CliRun r = run("solve", "latency", "--instance", instance.toString(), "--solver", solver);
            assertEquals(0, r.code(), solver + ": " + r.err());
            JsonNode result = Json.readTree(r.out());
            assertEquals(2, result.get("power").size());
            assertTrue(result.get("lowerBound").asDouble() <= result.get("objective").asDouble());
        }
        CliRun multi = run("solve", "latency", "--instance", instance.toString(), "--solver", "exact-single-carrier");
        assertEquals(Main.NO_FEASIBLE_SOLUTION, multi.code(), multi.err());
        JsonNode unsupported = Json.readTree(multi.out());
        assertEquals("UNSUPPORTED", unsupported.get("status").asText());
        assertTrue(unsupported.get("objective").isNull(), multi.out());
        assertTrue(unsupported.get("message").asText().contains("N = 1 subcarrier only"), multi.out());
        assertEquals(Main.INVALID_INPUT, run("instance", "latency", "--seed", "1", "--channel", "lte").code());

        Path out = dir.resolve("exp");
        CliRun exp = run("experiment", "latency-vs-users", "--out", out.toString(), "--samples", "2", "--users", "4,10",
                "--aps", "16");
        assertEquals(0, exp.code(), exp.err());
        List<String> csv = Files.readAllLines(out.resolve("latency-vs-users.csv"));
        assertEquals(1 + 2 * 3, csv.size());
        assertTrue(Files.size(out.resolve("latency-vs-users.png")) > 1000);
        assertEquals(1 + 3 * 2, Files.readAllLines(out.resolve("latency-cdf.csv")).size());
    }
}
