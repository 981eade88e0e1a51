package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

/**
 * The learning core's resume as a user meets it: rerunning {@code train subcarrier-beamforming} or
 * {@code train latency} into the same --out with more epochs continues after the finished ones (and
 * ends with the history of a run asked for them at once); another option is refused with exit 2,
 * naming it. Tiny sizes.
 */
class TrainResumeCliTest {

    private static String[] beamforming(Path out, String epochs, String hidden) {
        return new String[] {"train", "subcarrier-beamforming", "--method", "cmtssl", "--out", out.toString(),
                "--stations", "2", "--antennas", "2", "--users", "4", "--subcarriers", "2", "--train-instances", "96",
                "--validation-instances", "16", "--batch-size", "32", "--hidden", hidden, "--epochs", epochs,
                "--patience", "3"};
    }

    private static JsonNode history(Path model) throws Exception {
        JsonNode h = Json.readTree(Files.readString(model.resolve("model.json"))).path("history");
        for (JsonNode e : h) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) e).remove("seconds");
        }
        return h;
    }

    @Test
    void subcarrierBeamformingResumesAndRefusesOtherOptions(@TempDir Path dir) throws Exception {
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        assertEquals(0, CliRun.run(beamforming(once, "2", "16")).code());
        CliRun first = CliRun.run(beamforming(twice, "1", "16"));
        assertEquals(0, first.code(), first.err());
        CliRun second = CliRun.run(beamforming(twice, "2", "16"));
        assertEquals(0, second.code(), second.err());
        assertTrue(second.err().contains("resuming after epoch 1/2"), second.err());
        assertTrue(second.err().contains("epoch   2/2") && !second.err().contains("epoch   1/2"), second.err());
        assertEquals(history(once), history(twice));
        CliRun other = CliRun.run(beamforming(twice, "3", "8"));
        assertEquals(Main.INVALID_INPUT, other.code(), other.err());
        assertTrue(other.err().contains("--hidden = 8 differs from the interrupted run's (16)"), other.err());
    }

    @Test
    void latencyResumes(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        assertEquals(0, CliRun.run("generate", "latency", "--samples", "120", "--seed", "3", "--out", data,
                "--users", "3", "--aps", "8", "--subcarriers", "2").code());
        Path once = dir.resolve("once");
        Path twice = dir.resolve("twice");
        String[] common = {"train", "latency", "--data", data, "--batch-size", "16", "--seed", "4"};
        java.util.function.BiFunction<Path, String, CliRun> train = (out, epochs) -> CliRun.run(
                java.util.stream.Stream.concat(java.util.Arrays.stream(common),
                        java.util.stream.Stream.of("--out", out.toString(), "--epochs", epochs)).toArray(String[]::new));
        assertEquals(0, train.apply(once, "2").code());
        assertEquals(0, train.apply(twice, "1").code());
        CliRun resumed = train.apply(twice, "2");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.err().contains("resuming after epoch 1/2"), resumed.err());
        assertEquals(history(once), history(twice));
        // docs/models.md: metrics.resumedAfterEpoch says where it resumed (trainingSeconds is this session's)
        assertEquals(1, Json.readTree(Files.readString(twice.resolve("model.json"))).path("metrics")
                .path("resumedAfterEpoch").asInt(-1));
        assertTrue(Json.readTree(Files.readString(once.resolve("model.json"))).path("metrics")
                .path("resumedAfterEpoch").isMissingNode());
    }

    /**
     * A fine-tuning run keeps the --init model's input normalization: resuming it after that directory was
     * retrained (here with another seed, so another split and normalization) would mix two trainings, so it
     * is refused naming --init, while the untouched directory resumes.
     */
    @Test
    void latencyRefusesAnInitModelChangedSince(@TempDir Path dir) throws Exception {
        String data = dir.resolve("data").toString();
        assertEquals(0, CliRun.run("generate", "latency", "--samples", "120", "--seed", "3", "--out", data,
                "--users", "3", "--aps", "8", "--subcarriers", "2").code());
        Path base = dir.resolve("base");
        Path tuned = dir.resolve("tuned");
        java.util.function.Function<String[], CliRun> train = extra -> CliRun.run(java.util.stream.Stream.concat(
                java.util.stream.Stream.of("train", "latency", "--data", data, "--batch-size", "16"),
                java.util.Arrays.stream(extra)).toArray(String[]::new));
        assertEquals(0, train.apply(new String[] {"--out", base.toString(), "--epochs", "1", "--seed", "4"}).code());
        String[] tune = {"--out", tuned.toString(), "--epochs", "1", "--seed", "6", "--init", base.toString()};
        assertEquals(0, train.apply(tune).code());
        tune[3] = "2";
        CliRun same = train.apply(tune);
        assertEquals(0, same.code(), same.err());
        assertTrue(same.err().contains("resuming after epoch 1/2"), same.err());
        // the starting model retrained in place
        try (var files = Files.list(base)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.delete(f);
            }
        }
        assertEquals(0, train.apply(new String[] {"--out", base.toString(), "--epochs", "1", "--seed", "5"}).code());
        tune[3] = "3";
        CliRun changed = train.apply(tune);
        assertEquals(Main.INVALID_INPUT, changed.code(), changed.err());
        assertTrue(changed.err().contains("--init") && changed.err().contains("differs from the interrupted run's"),
                changed.err());
    }
}
