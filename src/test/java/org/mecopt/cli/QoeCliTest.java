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
import org.mecopt.io.Json;

class QoeCliTest {

    @Test
    void generatesAndSolvesWithEverySolver(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("q.json");
        CliRun gen = run("instance", "qoe", "--seed", "3", "--users", "12", "--capacity-hz", "80e9", "--out", instance.toString());
        assertEquals(0, gen.code(), gen.err());
        JsonNode tree = Json.readTree(Files.readString(instance));
        assertEquals("qoe", tree.get("problem").asText());
        assertEquals(80e9, tree.get("capacityHz").asDouble());
        assertEquals(12, tree.get("users").size());
        double bound = Double.NaN;
        for (String solver : List.of("sigmoidal", "equal-share", "proportional", "greedy")) {
            CliRun r = run("solve", "qoe", "--instance", instance.toString(), "--solver", solver);
            assertEquals(0, r.code(), r.err());
            JsonNode result = Json.readTree(r.out());
            assertEquals(solver, result.get("solver").asText());
            assertEquals(12, result.get("allocationHz").size());
            assertEquals(12, result.get("qoe").size());
            assertTrue(result.has("upperBound"));
            if (solver.equals("sigmoidal")) {
                assertEquals("OPTIMAL", result.get("status").asText());
                bound = result.get("upperBound").asDouble();
                assertTrue(result.get("gap").asDouble() <= 1e-4);
            } else {
                assertEquals("FEASIBLE", result.get("status").asText());
                assertTrue(result.get("objective").asDouble() <= bound + 1e-9);
            }
        }
        CliRun tight = run("solve", "qoe", "--instance", instance.toString(), "--solver", "sigmoidal", "--relative-gap", "1e-9");
        assertTrue(Json.readTree(tight.out()).get("gap").asDouble() <= 1e-9, tight.out());
    }

    @Test
    void invalidInputExitsWithTwoAndNamesTheField(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"problem\":\"qoe\",\"capacityHz\":1e11,\"users\":[{\"fixedLatencyS\":0.01,"
                + "\"workloadCycles\":1e9,\"maxQoe\":1,\"steepnessPerS\":-15,\"midpointS\":0.35}]}");
        CliRun r = run("solve", "qoe", "--instance", bad.toString(), "--solver", "sigmoidal");
        assertEquals(Main.INVALID_INPUT, r.code());
        assertTrue(r.err().contains("users[0].steepnessPerS = -15.0 is outside [1e-6, 1e6]"), r.err());
        Files.writeString(bad, "{\"problem\":\"qoe\",\"capacityHz\":1e11,\"users\":[{\"fixedLatencyS\":0.01}]}");
        CliRun missing = run("solve", "qoe", "--instance", bad.toString(), "--solver", "greedy");
        assertEquals(Main.INVALID_INPUT, missing.code());
        assertTrue(missing.err().contains("users[0]."), missing.err());
        assertEquals(Main.INVALID_INPUT, run("solve", "qoe", "--instance", bad.toString(), "--solver", "nope").code());
        CliRun users = run("instance", "qoe", "--seed", "1", "--users", "0");
        assertEquals(Main.INVALID_INPUT, users.code());
        assertTrue(users.err().contains("users = 0"), users.err());
        assertEquals(Main.INVALID_INPUT, run("instance", "qoe", "--seed", "1", "--capacity-hz", "-1").code());
        assertEquals(Main.INVALID_INPUT, run("instance", "qoe").code(), "missing --seed");
        Path gap = dir.resolve("ok.json");
        run("instance", "qoe", "--seed", "1", "--out", gap.toString());
        CliRun badGap = run("solve", "qoe", "--instance", gap.toString(), "--solver", "sigmoidal", "--param", "gap=abc");
        assertEquals(Main.INVALID_INPUT, badGap.code());
        assertTrue(badGap.err().contains("gap = abc"), badGap.err());
        assertEquals(Main.INVALID_INPUT, run("experiment", "qoe-vs-users", "--out", dir.toString(), "--policies", "x").code());
        assertFalse(Files.exists(dir.resolve("qoe-vs-users.csv")));
    }

    @Test
    void qoeVsUsersWritesCsvAndPng(@TempDir Path dir) throws Exception {
        CliRun r = run("experiment", "qoe-vs-users", "--out", dir.toString(), "--users", "30,50", "--seeds", "2");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("qoe-vs-users.csv"));
        assertEquals(1 + 2 * 4, csv.size());
        assertTrue(csv.get(0).startsWith("users,policy,system_qoe,mean_latency_s,satisfied,disturbed,lost,cloud,seeds,"
                + "mean_millis"), csv.get(0));
        assertTrue(csv.get(1).startsWith("30,daes,"), csv.get(1));
        assertTrue(csv.get(4).startsWith("30,upper-bound,"), csv.get(4));
        for (String line : csv.subList(1, csv.size())) {
            String[] f = line.split(",", -1);
            int users = Integer.parseInt(f[0]);
            if (f[1].equals("upper-bound")) {
                continue;
            }
            double counts = Double.parseDouble(f[4]) + Double.parseDouble(f[5]) + Double.parseDouble(f[6]);
            assertEquals(users, counts, 1e-9, line);
            double fraction = Double.parseDouble(f[12]);
            assertTrue(fraction > 0 && fraction <= 1, "a policy above the upper bound: " + line);
        }
        double daes = Double.parseDouble(csv.get(5).split(",")[2]);
        double ours = Double.parseDouble(csv.get(7).split(",")[2]);
        double bound = Double.parseDouble(csv.get(8).split(",")[2]);
        assertTrue(ours >= daes, "local search below DAES");
        assertTrue(bound >= ours, "bound below local search");
        List<String> systems = Files.readAllLines(dir.resolve("qoe-vs-users-systems.csv"));
        assertEquals(1 + 2 * 2 * 4, systems.size());
        assertTrue(systems.get(1).startsWith("30,1000000,upper-bound,"), systems.get(1));
        byte[] png = Files.readAllBytes(dir.resolve("qoe-vs-users.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
    }

    @Test
    void midpointAndTaskVolumeSweeps(@TempDir Path dir) throws Exception {
        CliRun beta = run("experiment", "qoe-vs-midpoint", "--out", dir.toString(), "--users", "20", "--seeds", "1",
                "--midpoints-ms", "330,370", "--policies", "daes,random:3", "--no-upper-bound");
        assertEquals(0, beta.code(), beta.err());
        List<String> csv = Files.readAllLines(dir.resolve("qoe-vs-midpoint.csv"));
        assertEquals(1 + 2 * 2, csv.size());
        assertTrue(csv.get(1).startsWith("330.0,daes,"), csv.get(1));
        // a later midpoint: users tolerate more latency, so DAES gains QoE on the same draws
        assertTrue(Double.parseDouble(csv.get(3).split(",")[2]) > Double.parseDouble(csv.get(1).split(",")[2]));
        CliRun volume = run("experiment", "qoe-vs-task-volume", "--out", dir.toString(), "--users", "20", "--seeds", "1",
                "--max-task-kb", "300,1000", "--policies", "ga-aware");
        assertEquals(0, volume.code(), volume.err());
        List<String> v = Files.readAllLines(dir.resolve("qoe-vs-task-volume.csv"));
        assertEquals(1 + 2 * 2, v.size());
        assertTrue(Double.parseDouble(v.get(1).split(",")[2]) > Double.parseDouble(v.get(3).split(",")[2]),
                "larger tasks lower the QoE");
        assertEquals(Main.INVALID_INPUT, run("experiment", "qoe-vs-task-volume", "--out", dir.resolve("x").toString(),
                "--max-task-kb", "100").code());
        assertEquals(Main.INVALID_INPUT, run("experiment", "qoe-vs-midpoint", "--out", dir.resolve("y").toString(),
                "--policies", "random:q").code());
    }

    @Test
    void boundGapAgainstTheExactOptimum(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("gap.csv");
        CliRun r = run("experiment", "qoe-bound-gap", "--out", csv.toString(), "--users", "3,5", "--seeds", "2");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(csv);
        assertEquals(1 + 2 * 2, lines.size());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertTrue(Double.parseDouble(f[6]) >= -1e-8, "bound below the optimum: " + line);
            assertTrue(Double.parseDouble(f[8]) <= 1 + 1e-8, "local search above the optimum: " + line);
        }
        assertTrue(r.out().startsWith("users,capacity,systems,mean_bound_gap"), r.out());
        assertEquals(Main.INVALID_INPUT, run("experiment", "qoe-bound-gap", "--out", csv.toString(), "--users", "13").code());
    }
}
