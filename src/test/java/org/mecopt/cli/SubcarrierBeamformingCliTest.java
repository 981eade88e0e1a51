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
import org.mecopt.beamforming.BeamformingCodec;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.beamforming.BeamformingSolution;
import org.mecopt.beamforming.SubcarrierBeamformingFamily;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;
import org.mecopt.io.Json;

/** The family reaches instance, solve and generate through the generic commands, with no CLI code of its own. */
class SubcarrierBeamformingCliTest {

    @Test
    void instanceSolveAndGenerateWork(@TempDir Path dir) throws Exception {
        Path instance = dir.resolve("sb.json");
        CliRun gen = run("instance", "subcarrier-beamforming", "--seed", "3", "--stations", "2", "--antennas", "2",
                "--users", "3", "--subcarriers", "2", "--out", instance.toString());
        assertEquals(0, gen.code(), gen.err());
        JsonNode tree = Json.readTree(Files.readString(instance));
        assertEquals(2, tree.get("channel").size());
        assertEquals(3, tree.get("channel").get(0).size());
        assertEquals(2, tree.get("channel").get(0).get(0).get(1).get(1).size(), "[re, im]");
        for (String solver : List.of("wmmse", "rsa-zfbf", "gsa-zfbf")) {
            CliRun r = run("solve", "subcarrier-beamforming", "--instance", instance.toString(), "--solver", solver);
            assertEquals(0, r.code(), r.err());
            JsonNode result = Json.readTree(r.out());
            assertEquals(solver, result.get("solver").asText());
            assertEquals(2, result.get("beams").size());
            assertEquals(3, result.get("rateBps").size());
            assertTrue(result.get("upperBound").isNull());
        }
        Path out = dir.resolve("data");
        CliRun data = run("generate", "subcarrier-beamforming", "--solver", "wmmse", "--samples", "4", "--seed", "1",
                "--out", out.toString(), "--format", "csv", "--threads", "2", "--stations", "2", "--antennas", "2",
                "--users", "3", "--subcarriers", "2");
        assertEquals(0, data.code(), data.err());
        DatasetReader reader = DatasetReader.open(out);
        assertEquals(4, reader.manifest().rows());
        assertEquals("wmmse", reader.manifest().solver());
        SubcarrierBeamformingFamily family = new SubcarrierBeamformingFamily();
        BeamformingGenerator.Config config = family.config(java.util.Map.of("stations", "2", "antennas", "2", "users",
                "3", "subcarriers", "2"));
        for (Row row : reader.rows().toList()) {
            BeamformingInstance p = new BeamformingCodec().instance(row.features());
            assertEquals(BeamformingGenerator.generate(config, row.sampleSeed()), p, "the row regenerates");
            BeamformingSolution label = new BeamformingCodec().solution(p, row.label());
            assertEquals(p.objective(label), row.objective(), 1e-6 * row.objective());
        }
        CliRun bad = run("instance", "subcarrier-beamforming", "--seed", "1", "--antennas", "0");
        assertEquals(Main.INVALID_INPUT, bad.code());
        assertTrue(bad.err().contains("antennas"), bad.err());
    }
}
