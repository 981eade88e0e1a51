package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

/** generate latency → train latency → solve latency --solver cnn-lstm --model, as a user runs them. */
class TrainCliTest {

    @Test
    void trainsAModelAndSolvesWithIt(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        Path model = dir.resolve("model");
        CliRun gen = CliRun.run("generate", "latency", "--samples", "200", "--seed", "3", "--out", data,
                "--users", "3", "--aps", "8", "--subcarriers", "2");
        assertEquals(0, gen.code(), gen.err());
        CliRun train = CliRun.run("train", "latency", "--data", data, "--out", model.toString(), "--epochs", "2",
                "--batch-size", "16", "--learning-rate", "0.002", "--seed", "4", "--features", "magnitude");
        assertEquals(0, train.code(), train.err());
        assertTrue(train.err().contains("epoch   1/2"), train.err());
        assertTrue(train.out().contains("mean gap to ICA"), train.out());
        assertTrue(Files.size(model.resolve("training-curve.png")) > 1000);
        JsonNode manifest = Json.readTree(Files.readString(model.resolve("model.json")));
        assertEquals("magnitude", manifest.path("features").asText());
        assertEquals(16, manifest.path("hyperParameters").path("batchSize").asInt());
        assertEquals(1.0, manifest.path("hyperParameters").path("latencyWeight").asDouble(), "the default with softmax-slack");
        assertEquals("softmax-slack", manifest.path("architecture").path("head").asText());

        Path instance = dir.resolve("i.json");
        assertEquals(0, CliRun.run("instance", "latency", "--seed", "77", "--users", "3", "--aps", "8", "--subcarriers", "2",
                "--out", instance.toString()).code());
        CliRun solve = CliRun.run("solve", "latency", "--instance", instance.toString(), "--solver", "cnn-lstm",
                "--model", model.toString());
        assertEquals(0, solve.code(), solve.err());
        JsonNode result = Json.readTree(solve.out());
        assertEquals("FEASIBLE", result.path("status").asText(), solve.out());
        assertTrue(result.path("lowerBound").isNumber(), solve.out());

        Path report = dir.resolve("report");
        CliRun eval = CliRun.run("evaluate", "latency", "--model", model.toString(), "--data", data, "--out", report.toString());
        assertEquals(0, eval.code(), eval.err());
        assertTrue(eval.out().contains("200 instances: gap to the labels median"), eval.out());
        assertTrue(eval.out().contains("feasible before any repair: 100.0%"), eval.out());
        assertTrue(eval.out().contains("ica on the same instances"), eval.out());
        assertEquals(201, Files.readAllLines(report.resolve("gaps.csv")).size());
        assertTrue(Files.size(report.resolve("gaps.png")) > 1000);
        JsonNode summary = Json.readTree(Files.readString(report.resolve("summary.json")));
        assertEquals(200, summary.path("instances").asInt());
        assertTrue(summary.path("medianGap").isNumber() && summary.path("speedUp").asDouble() > 0, summary.toString());
        assertEquals(3, summary.path("balanceSweeps").asInt());
        assertTrue(summary.path("medianGap").asDouble() <= summary.path("medianNetworkGap").asDouble(), summary.toString());
        assertTrue(eval.out().contains("the network alone: median"), eval.out());
        CliRun badBalance = CliRun.run("evaluate", "latency", "--model", model.toString(), "--data", data,
                "--out", dir.resolve("report2").toString(), "--balance", "-2");
        assertEquals(Main.INVALID_INPUT, badBalance.code());
        assertTrue(badBalance.err().contains("--balance"), badBalance.err());
        assertTrue(Files.notExists(dir.resolve("report2").resolve("summary.json")));

        CliRun noModel = CliRun.run("solve", "latency", "--instance", instance.toString(), "--solver", "cnn-lstm");
        assertEquals(Main.NO_FEASIBLE_SOLUTION, noModel.code(), noModel.err());
        assertEquals("UNSUPPORTED", Json.readTree(noModel.out()).get("status").asText());
        assertTrue(noModel.out().contains("parameter model"), noModel.out());
        assertEquals(Main.INVALID_INPUT, CliRun.run("train", "latency", "--data", data, "--out", dir.resolve("m2").toString(),
                "--features", "phase").code());
        for (String[] bad : new String[][] {{"--head", "regression", "--latency-weight", "2"}, {"--latency-weight", "much"},
                {"--head", "lstm"}, {"--hidden", "-1"}, {"--lstm-units", "0"}, {"--init", dir.resolve("nowhere").toString()}}) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("train", "latency", "--data", data,
                    "--out", dir.resolve("m3").toString()), java.util.Arrays.stream(bad)).toArray(String[]::new);
            CliRun r = CliRun.run(args);
            assertEquals(Main.INVALID_INPUT, r.code(), String.join(" ", bad) + ": " + r.err());
            assertTrue(r.err().contains(bad[bad.length - 2].substring(2)), r.err()); // the field is named
        }
    }
}
