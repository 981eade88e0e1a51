package org.mecopt.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.offloading.ExactSolver;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

class JsonTest {

    private static final OffloadingInstance INSTANCE = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 9);

    @Test
    void instanceRoundTripsExactly() {
        String json = Json.writeInstance(INSTANCE);
        assertTrue(json.startsWith("{\n  \"problem\" : \"offloading\""), json);
        assertEquals(INSTANCE, Json.readInstance(json, OffloadingInstance.class, "offloading"));
    }

    @Test
    void instanceJsonHasTheContractFields() {
        JsonNode tree = Json.instanceTree(INSTANCE);
        assertEquals(List.of("problem", "bandwidthHz", "noiseW", "devices", "servers", "channelGain"),
                fieldNames(tree));
        assertEquals(List.of("inputBits", "cycles", "txPowerW"), fieldNames(tree.get("devices").get(0)));
        assertEquals(List.of("cpuHz", "maxTasks"), fieldNames(tree.get("servers").get(0)));
    }

    @Test
    void resultJsonHasTheContractFieldsAndReadsBack() {
        Result<OffloadingSolution> r = new ExactSolver().solve(INSTANCE);
        JsonNode tree = Json.readTree(Json.toText(Json.resultTree(r, true)));
        assertEquals(List.of("problem", "solver", "status", "objective", "lowerBound", "gap", "assignment", "cpuHz",
                "iterations", "solveTimeMillis", "violations", "message"), fieldNames(tree));
        assertEquals("OPTIMAL", tree.get("status").asText());
        OffloadingSolution back = Json.readSolution(tree, OffloadingSolution.class);
        assertArrayEquals(r.solution().assignment(), back.assignment());
        assertArrayEquals(r.solution().cpuHz(), back.cpuHz());
    }

    @Test
    void readingErrorsNameTheField() {
        String json = Json.writeInstance(INSTANCE);
        assertEquals("problem", assertThrows(InvalidInstanceException.class,
                () -> Json.readInstance(json.replace("\"offloading\"", "\"qoe\""), OffloadingInstance.class, "offloading")).field());
        assertEquals("noiseW", assertThrows(InvalidInstanceException.class,
                () -> Json.readInstance("{\"problem\":\"offloading\",\"bandwidthHz\":1}", OffloadingInstance.class, "offloading")).field());
        String badCycles = json.replaceFirst("\"cycles\" : [0-9.E]+", "\"cycles\" : -5.0");
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> Json.readInstance(badCycles, OffloadingInstance.class, "offloading"));
        assertEquals("devices[0].cycles = -5.0 is outside [1, 1e18]", e.getMessage());
        assertEquals("devices[0].colour", assertThrows(InvalidInstanceException.class, () -> Json.readInstance(
                json.replaceFirst("\"cycles\"", "\"colour\" : 1, \"cycles\""), OffloadingInstance.class, "offloading")).field());
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("sub/out.json");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
