package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.Status;
import org.mecopt.channel.ChannelModel;

/**
 * A run whose end is within the gap parameter (1e-4) of its proven bound is OPTIMAL, even when the
 * stall test would also stop it: seeds where revision 3 returned FEASIBLE "converging slowly".
 */
class IcaClaimsWithinGapTest {
    @Test
    void withinTheGapIsOptimalEvenWhenTheStallTestFires() {
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 10, 64, 4);
        for (long seed : new long[] {5043, 5045, 5065, 5093, 5170}) {
            Result<LatencySolution> r = new IcaSolver().solve(LatencyGenerator.generate(config, seed));
            assertTrue(r.objective() <= r.bound() * (1 + 1e-4), "seed " + seed + ": not within the gap");
            assertEquals(Status.OPTIMAL, r.status(), "seed " + seed + ": " + r.message());
        }
    }
}
