package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

/** train offloading → (resume) → solve and evaluate with the model; the bundled model; the Fig. 3 experiment. */
class OffloadingRlCliTest {

    @Test
    void trainsResumesSolvesAndEvaluates(@TempDir Path dir) throws Exception {
        String model = dir.resolve("model").toString();
        String[] size = {"--devices", "4", "--servers", "2", "--max-tasks", "2"};
        CliRun train = CliRun.run(concat(new String[] {"train", "offloading", "--out", model, "--episodes", "40",
                "--validation", "5", "--seed", "3"}, size));
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("dqn-rao  on 5 unseen instances"), train.out());
        assertTrue(Files.size(dir.resolve("model/training/returns.png")) > 1000);
        JsonNode manifest = Json.readTree(Files.readString(dir.resolve("model/model.json")));
        assertEquals(4, manifest.path("devices").asInt());
        assertEquals(3, manifest.path("metrics").path("validation").path("rows").size());

        // A rerun with the same options continues from the last checkpoint (here the end: nothing changes;
        // resuming mid-run to the uninterrupted result is DqnTest's); other options cannot continue it.
        byte[] first = Files.readAllBytes(dir.resolve("model/q-network.mlp"));
        CliRun again = CliRun.run(concat(new String[] {"train", "offloading", "--out", model, "--episodes", "40",
                "--validation", "5", "--seed", "3"}, size));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("resuming"), again.err());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("model/q-network.mlp")));
        for (String[] change : new String[][] {{"--episodes", "60"}, {"--reward", "kkt"}, {"--max-tasks", "3"},
                {"--servers", "3"}}) {
            String[] args = concat(concat(new String[] {"train", "offloading", "--out", model, "--episodes", "40",
                    "--validation", "5", "--seed", "3"}, size), change); // the last of a repeated option wins
            CliRun other = CliRun.run(args);
            assertEquals(Main.INVALID_INPUT, other.code(), String.join(" ", change) + ": " + other.err());
        }
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("model/q-network.mlp")), "a refused run changes nothing");

        Path instance = dir.resolve("i.json");
        assertEquals(0, CliRun.run(concat(new String[] {"instance", "offloading", "--seed", "9", "--out",
                instance.toString()}, size)).code());
        CliRun solve = CliRun.run("solve", "offloading", "--instance", instance.toString(), "--solver", "dqn-rao",
                "--model", model);
        assertEquals(0, solve.code(), solve.err());
        assertTrue(solve.out().contains("\"status\" : \"FEASIBLE\""), solve.out());

        Path report = dir.resolve("report");
        CliRun evaluate = CliRun.run(concat(new String[] {"evaluate", "offloading", "--model", model, "--instances", "6",
                "--solvers", "dqn-rao,greedy", "--out", report.toString()}, size));
        assertEquals(0, evaluate.code(), evaluate.err());
        List<String> csv = Files.readAllLines(report.resolve("comparison.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("dqn-rao,1.0000,"), csv.get(1));

        // A model that fits no instance measures nothing; a broken model is the user's input: both exit 2.
        CliRun otherSize = CliRun.run("evaluate", "offloading", "--model", model, "--instances", "3", "--out",
                dir.resolve("report2").toString());
        assertEquals(Main.INVALID_INPUT, otherSize.code(), otherSize.err());
        assertTrue(otherSize.err().contains("--model"), otherSize.err());
        Path broken = dir.resolve("broken");
        Files.createDirectories(broken);
        Files.copy(dir.resolve("model/model.json"), broken.resolve("model.json"));
        Files.write(broken.resolve("q-network.mlp"), new byte[100]);
        CliRun corrupt = CliRun.run("solve", "offloading", "--instance", instance.toString(), "--solver", "dqn-rao",
                "--model", broken.toString());
        assertEquals(Main.INVALID_INPUT, corrupt.code(), corrupt.err());
        assertTrue(corrupt.err().contains("parameter model"), corrupt.err());
    }

    @Test
    void theBundledModelsAnswerTheirSizesAndOtherSizesAreUnsupported(@TempDir Path dir) throws Exception {
        Path paper = dir.resolve("paper.json");
        assertEquals(0, CliRun.run("instance", "offloading", "--seed", "4", "--out", paper.toString()).code());
        CliRun solve = CliRun.run("solve", "offloading", "--instance", paper.toString(), "--solver", "dqn-rao");
        assertEquals(0, solve.code(), solve.err());
        Path other = dir.resolve("other.json");
        assertEquals(0, CliRun.run("instance", "offloading", "--seed", "4", "--devices", "5", "--out",
                other.toString()).code());
        CliRun unsupported = CliRun.run("solve", "offloading", "--instance", other.toString(), "--solver", "dqn-rao");
        assertEquals(Main.NO_FEASIBLE_SOLUTION, unsupported.code());
        assertTrue(unsupported.out().contains("UNSUPPORTED") && unsupported.out().contains("M=9, N=3; M=20, N=4"),
                unsupported.out());
    }

    @Test
    void badTrainingOptionsAreRefusedNamingThem(@TempDir Path dir) {
        CliRun reward = CliRun.run("train", "offloading", "--out", dir.resolve("m").toString(), "--reward", "fast");
        assertEquals(Main.INVALID_INPUT, reward.code());
        assertTrue(reward.err().contains("--reward"), reward.err());
        CliRun episodes = CliRun.run("train", "offloading", "--out", dir.resolve("m").toString(), "--episodes", "0");
        assertEquals(Main.INVALID_INPUT, episodes.code());
        assertTrue(episodes.err().contains("--episodes"), episodes.err());
        CliRun gamma = CliRun.run("train", "offloading", "--out", dir.resolve("m").toString(), "--gamma", "1.5");
        assertEquals(Main.INVALID_INPUT, gamma.code());
        assertTrue(gamma.err().contains("gamma"), gamma.err());
        assertTrue(Files.notExists(dir.resolve("m")), "nothing half-written");
    }

    @Test
    void theBatchSizeExperimentWritesOneLossCurvePerBatchSize(@TempDir Path dir) throws Exception {
        CliRun r = CliRun.run("experiment", "offloading-dqn-batch", "--out", dir.toString(), "--episodes", "30",
                "--batch-sizes", "8,16");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(dir.resolve("offloading-dqn-batch.csv"));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("8,")) && csv.stream().anyMatch(l -> l.startsWith("16,")));
        assertTrue(Files.size(dir.resolve("offloading-dqn-batch.png")) > 1000);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
