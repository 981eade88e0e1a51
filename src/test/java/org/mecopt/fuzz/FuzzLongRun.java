package org.mecopt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The long fuzz run, off by default (docs/fuzz.md gives the command and the last results):
 * {@code -Dfuzz.mutants=N} mutants per family, {@code -Dfuzz.seed}, {@code -Dfuzz.timeLimitMillis}
 * (2 000 by default). It writes every finding, and every NUMERICAL_ERROR answer (allowed, but a
 * valid instance should rarely need one), to {@code target/fuzz-report.txt}, and fails on any finding.
 */
@EnabledIfSystemProperty(named = "fuzz.mutants", matches = "\\d+")
class FuzzLongRun {

    @Test
    void findsNothing() throws Exception {
        FuzzCampaign.Settings settings = new FuzzCampaign.Settings(Long.getLong("fuzz.seed", 1),
                Integer.getInteger("fuzz.mutants"), Long.getLong("fuzz.timeLimitMillis", 2_000), 120_000, true);
        long start = System.nanoTime();
        FuzzCampaign.Report report = FuzzCampaign.run(settings);
        String summary = settings + "\n" + report + "\n" + (System.nanoTime() - start) / 1_000_000_000 + " s\n";
        Files.writeString(Path.of("target", "fuzz-report.txt"), summary + "findings:\n"
                + report.findings.stream().map(Object::toString).collect(Collectors.joining("\n"))
                + "\nNUMERICAL_ERROR answers (allowed):\n"
                + report.numericalErrors.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n");
        System.out.println(summary);
        assertEquals(List.of(), report.findings, report.toString());
    }
}
