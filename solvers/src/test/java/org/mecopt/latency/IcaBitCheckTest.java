package org.mecopt.latency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mecopt.api.Result;

/**
 * Not an assertion but a before/after check for refactorings that must not change a bit: prints
 * ICA's and ica-paper's status, iterations and the exact bits of objective and bound (their
 * inner solver is the interior-point method; {@code numeric.IpmBitCheckTest} prints its own results). Run it on both sides and diff the lines starting with {@code BITS}:
 * {@code mvn -B -ntp -q test -pl solvers -Dtest=IcaBitCheckTest -Dmecopt.bits=true | grep BITS}.
 */
class IcaBitCheckTest {
    @Test
    @EnabledIfSystemProperty(named = "mecopt.bits", matches = "true")
    void printIcaBits() {
        IcaSolver ica = new IcaSolver();
        IcaPaperSolver paper = new IcaPaperSolver();
        for (long seed = 0; seed < 20; seed++) {
            LatencyInstance inst = LatencyProperties.random(seed, 1 + (int) (seed % 5), 1 + (int) (seed % 4), seed % 2 == 0);
            Result<LatencySolution> r = ica.solve(inst);
            System.out.println("BITS ica-" + seed + " " + r.status() + " " + Double.toHexString(r.objective()) + " "
                    + Double.toHexString(r.bound()) + " it=" + r.iterations());
            if (seed < 4) {
                Result<LatencySolution> q = paper.solve(inst);
                System.out.println("BITS paper-" + seed + " " + q.status() + " " + Double.toHexString(q.objective())
                        + " it=" + q.iterations());
            }
        }
    }
}
