package org.mecopt.models.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;

class ModelManifestTest {
    @Test
    void roundTripsThroughTheModelDirectory(@TempDir Path dir) throws IOException {
        ObjectNode trunk = Json.mapper().createObjectNode().put("type", "mlp").put("layers", 3);
        ObjectNode task = Json.mapper().createObjectNode().put("features", "channel");
        task.putObject("normalization").put("mean", 0.25).put("std", 2.0);
        ModelManifest m = new ModelManifest("toy-task", "toy",
                trunk, List.of(new ModelManifest.HeadEntry("beams", "projection", Map.of("wsr", 1.0, "power", 0.5)),
                        new ModelManifest.HeadEntry("allocation", "softmax", Map.of("coverage", 2.0))),
                Json.mapper().createObjectNode().put("seed", 42).put("learningRate", 1e-3),
                new DatasetRef("/data/x", "ab12", "wmmse", 1000, Json.mapper().createObjectNode().put("users", 8)),
                Json.mapper().createObjectNode().put("bestEpoch", 2),
                List.of(new Epoch(1, 0.5, 0.6, 0.001, false, 1.25), new Epoch(2, 0.4, 0.45, 5.0E-4, true, 1.5)), task);
        m.write(dir);
        ModelManifest read = ModelManifest.read(dir);
        assertEquals(m, read);
        assertEquals(ModelManifest.FORMAT, Json.mapper().readTree(dir.resolve(ModelManifest.FILE).toFile()).path("format").asText());
        assertEquals(0.25, read.taskFields().path("normalization").path("mean").asDouble());
    }

    @Test
    void readsTheFirstFormatAsTheLatencyCnnLstm() throws IOException {
        // the bundled model's manifest, written before the learning core, read as it is shipped
        ObjectNode legacy;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(
                "org/mecopt/models/pretrained/latency-cellfree-k10-n4-m64/model.json")) {
            legacy = (ObjectNode) Json.mapper().readTree(in);
        }
        assertEquals(ModelManifest.LEGACY_FORMAT, legacy.path("format").asText());
        ModelManifest m = ModelManifest.fromJson(legacy);
        assertEquals(ModelManifest.LATENCY_TASK, m.task());
        assertEquals("latency", m.problem());
        assertEquals("cnn-lstm", m.trunk().path("type").asText());
        assertEquals(128, m.trunk().path("hidden").asInt());
        assertEquals(List.of(new ModelManifest.HeadEntry("power", "softmax-slack", Map.of("mse", 1.0, "latencyGap", 1.0))),
                m.heads());
        assertEquals(legacy.path("architecture"), m.taskFields().path("architecture"));
        assertEquals(legacy.path("normalization"), m.taskFields().path("normalization"));
        assertEquals(legacy.path("history").size(), m.history().size());
        assertEquals(95, m.history().stream().filter(Epoch::best).mapToInt(Epoch::epoch).max().orElseThrow());
        assertEquals(legacy.path("dataset").path("manifestSha256").asText(), m.dataset().manifestSha256());
        // written again it is the current format, with the same task fields
        ModelManifest again = ModelManifest.fromJson(m.toJson());
        assertEquals(m.taskFields(), again.taskFields());
        assertEquals(m.heads(), again.heads());
    }

    @Test
    void rejectsAnUnknownFormat() {
        ObjectNode json = Json.mapper().createObjectNode().put("format", "mecopt-model/9");
        assertEquals("model.format", assertThrows(InvalidInstanceException.class, () -> ModelManifest.fromJson(json)).field());
    }
}
