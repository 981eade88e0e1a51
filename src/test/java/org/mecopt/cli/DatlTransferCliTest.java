package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.io.Json;

/**
 * {@code experiment datl-transfer} end to end at tiny sizes (B = 2 → 3, M = 2, I = 4, N = 2): the
 * curves have a point at step 0 and every {@code --every} steps up to each run's budget, and datl's
 * step-0 point is the criterion of the copied networks — checked against an independent path, a
 * {@code train --method datl} from the experiment's base model with a learning rate of 1e-12 (the
 * parameters do not move), whose epoch-end validation criterion the training loop computes itself.
 * A hook called after the first step, or a curve evaluated on other instances, fails it.
 */
class DatlTransferCliTest {
    private static final String[] SIZES = {"--antennas", "2", "--users", "4", "--subcarriers", "2", "--hidden", "16",
        "--train-instances", "64", "--validation-instances", "24", "--batch-size", "16", "--seed", "3"};

    @Test
    void curvesHaveTheirShapeAndDatlStartsAtTheCopiedNetworksCriterion(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("exp");
        List<String> args = new ArrayList<>(List.of("experiment", "datl-transfer", "--out", out.toString(), "--stations", "2",
                "--epochs", "2", "--base-epochs", "1", "--every", "3"));
        args.addAll(List.of(SIZES));
        CliRun r = CliRun.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(out.resolve("datl-transfer.png")) > 0);

        List<String> lines = Files.readAllLines(out.resolve("datl-transfer.csv"));
        assertEquals("run,stations,step,criterion,quality,wsrShare,shortfall", lines.get(0));
        Map<String, List<String[]>> runs = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals(7, f.length, line);
            runs.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        assertEquals(List.of("dmtssl-base", "datl", "scratch"), List.copyOf(runs.keySet()));
        // 64 instances in batches of 16: 4 steps per epoch; base 1 epoch (points 0, 3), the others 2 (0, 3, 6)
        assertSteps(runs.get("dmtssl-base"), "2", 0, 3);
        assertSteps(runs.get("datl"), "3", 0, 3, 6);
        assertSteps(runs.get("scratch"), "3", 0, 3, 6);
        for (List<String[]> run : runs.values()) {
            for (String[] f : run) {
                double criterion = Double.parseDouble(f[3]);
                assertEquals(-criterion, Double.parseDouble(f[4]), 0);
                // criterion = −WSR/U + 1 · shortfall (the default penalty)
                assertEquals(criterion, -Double.parseDouble(f[5]) + Double.parseDouble(f[6]), 1e-6);
                assertTrue(Double.parseDouble(f[5]) > 0 && Double.parseDouble(f[5]) <= 1, "WSR/U in (0, 1]: " + f[5]);
            }
        }

        Map<String, String> summary = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve("datl-transfer-summary.csv"))) {
            if (line.startsWith("metric,")) {
                continue;
            }
            summary.put(line.split(",")[0], line.split(",", -1)[1]);
        }
        assertEquals("8", summary.get("budgetSteps"));
        assertEquals("0", summary.get("nonFinitePoints"));
        assertEquals(Double.parseDouble(runs.get("datl").get(0)[4]), Double.parseDouble(summary.get("datlStartQuality")), 0);

        List<String> copy = new ArrayList<>(List.of("train", "subcarrier-beamforming", "--method", "datl", "--init",
                out.resolve("models/dmtssl-2").toString(), "--out", dir.resolve("copy").toString(), "--stations", "3",
                "--epochs", "1", "--patience", "1", "--learning-rate", "1e-12", "--nearest",
                summary.get("newStationCopiedFrom")));
        copy.addAll(List.of(SIZES));
        CliRun t = CliRun.run(copy.toArray(String[]::new));
        assertEquals(0, t.code(), t.err());
        double copied = Json.readTree(Files.readString(dir.resolve("copy/model.json"))).get("metrics")
                .get("bestValidationLoss").asDouble();
        assertEquals(copied, Double.parseDouble(runs.get("datl").get(0)[3]), 1e-6,
                "datl's first point is the copied networks' validation criterion");
        // and not the trained base's or scratch's start: the curves start apart
        assertTrue(Math.abs(copied - Double.parseDouble(runs.get("scratch").get(0)[3])) > 1e-6);

        // a second run into the same --out would resume the trainings there instead of measuring them: refused
        CliRun again = CliRun.run(args.toArray(String[]::new));
        assertEquals(Main.INVALID_INPUT, again.code());
        assertTrue(again.err().contains("--out"), again.err());
    }

    private static void assertSteps(List<String[]> run, String stations, int... steps) {
        assertEquals(steps.length, run.size());
        for (int k = 0; k < steps.length; k++) {
            assertEquals(stations, run.get(k)[1]);
            assertEquals(Integer.toString(steps[k]), run.get(k)[2]);
        }
    }
}
