package org.mecopt.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fuzz campaign's fast slice, part of {@code mvn verify}: a fixed seed, so the same mutants every
 * run (a failure reproduces), a few hundred of them over every registered family. Time limits are
 * not asserted here (a shared machine's timing is not a unit test's business); the long run reports
 * them (docs/fuzz.md).
 */
class FuzzFastSliceTest {

    private static final FuzzCampaign.Settings FAST = new FuzzCampaign.Settings(20261201L, 120, 200, 60_000, true);
    private static FuzzCampaign.Report report;

    @BeforeAll
    static void run() {
        report = FuzzCampaign.run(FAST);
        System.out.println("fuzz fast slice: " + report);
    }

    @Test
    void makesBothValidAndInvalidMutantsAndSolvesTheValidOnes() {
        assertTrue(report.mutants >= 300, report.toString());
        assertTrue(report.rejected > report.mutants / 4 && report.accepted > report.mutants / 10, report.toString());
        assertTrue(report.solverCalls > report.accepted, report.toString());
    }

    @Test
    void everyInvalidInstanceIsRejectedNamingItsField() {
        assertNone("accepted-invalid");
        assertNone("unnamed-rejection");
        assertNone("coerced");
    }

    @Test
    void noSolverThrowsOrHangsOnAValidInstance() {
        assertNone("crash");
        assertNone("hang");
    }

    @Test
    void statusesAndCertificatesAgreeWithEverySolversPoints() {
        assertNone("inconsistent");
        assertNone("false-certificate");
    }

    private static void assertNone(String property) {
        List<FuzzCampaign.Finding> found = report.findings(property);
        assertEquals(List.of(), found, property + ": " + found.size() + " of " + report);
    }
}
