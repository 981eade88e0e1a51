package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mecopt.cli.CliRun.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

class DeadlineEnergyCliTest {

    @Test
    void simulateWritesMetricsAndTracesThatReplayIdentically(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sim");
        CliRun r = run("simulate", "deadline-energy", "--policy", "just-in-time", "--episodes", "2", "--seed", "1000000",
                "--out", out.toString(), "--trace");
        assertEquals(0, r.code(), r.err());
        JsonNode metrics = Json.readTree(Files.readString(out.resolve("metrics.json")));
        for (String c : new String[] {"XR", "IoT"}) {
            for (String f : new String[] {"successRate", "normalizedEnergy", "energyPerTaskJ", "tasks"}) {
                assertTrue(metrics.get(c).get(f).isNumber(), c + "." + f);
            }
        }
        assertTrue(Files.size(out.resolve("fig1.png")) > 1000);
        assertEquals(1 + 2 * 2, Files.readAllLines(out.resolve("episodes.csv")).size());
        Path trace = out.resolve("traces/episode-00001.json");
        assertTrue(Files.exists(trace));

        CliRun actions = run("simulate", "deadline-energy", "--actions", trace.toString(), "--out", dir.resolve("a").toString());
        assertEquals(0, actions.code(), actions.err());
        CliRun scenario = run("simulate", "deadline-energy", "--policy", "just-in-time", "--scenario", trace.toString(),
                "--out", dir.resolve("s").toString());
        CliRun direct = run("simulate", "deadline-energy", "--policy", "just-in-time", "--seed", "1000001",
                "--out", dir.resolve("d").toString());
        assertEquals(direct.out(), actions.out(), "replayed actions give the recorded episode's metrics");
        assertEquals(direct.out(), scenario.out(), "the replayed scenario with the same policy too");
    }

    @Test
    void badOptionsExitTwoNamingTheOption(@TempDir Path dir) throws Exception {
        String out = dir.resolve("o").toString();
        CliRun unknown = run("simulate", "deadline-energy", "--policy", "nope", "--out", out);
        assertEquals(Main.INVALID_INPUT, unknown.code());
        assertTrue(unknown.err().contains("--policy = nope"), unknown.err());
        CliRun episodes = run("simulate", "deadline-energy", "--policy", "heuristic", "--episodes", "0", "--out", out);
        assertEquals(Main.INVALID_INPUT, episodes.code());
        assertTrue(episodes.err().contains("--episodes = 0"), episodes.err());
        CliRun missing = run("simulate", "deadline-energy", "--policy", "heuristic", "--scenario",
                dir.resolve("none.json").toString(), "--out", out);
        assertEquals(Main.INVALID_INPUT, missing.code());
        assertTrue(missing.err().contains("--scenario"), missing.err());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"users\":[]}");
        CliRun malformed = run("simulate", "deadline-energy", "--policy", "heuristic", "--scenario", bad.toString(), "--out", out);
        assertEquals(Main.INVALID_INPUT, malformed.code());
        CliRun policies = run("experiment", "deadline-energy", "--policies", "heuristic,nope", "--out", out);
        assertEquals(Main.INVALID_INPUT, policies.code());
        assertTrue(policies.err().contains("--policies = nope"), policies.err());
        assertFalse(Files.exists(dir.resolve("o")), "nothing written on bad input");
    }

    @Test
    void experimentReportsEveryPolicyWithIntervals(@TempDir Path dir) throws Exception {
        CliRun r = run("experiment", "deadline-energy", "--policies", "heuristic,just-in-time", "--episodes", "3",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        var lines = Files.readAllLines(dir.resolve("deadline-energy.csv"));
        assertEquals(1 + 2 * 2, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("heuristic,XR,"), lines.get(1));
        assertTrue(Files.size(dir.resolve("deadline-energy.png")) > 1000);
    }
}
