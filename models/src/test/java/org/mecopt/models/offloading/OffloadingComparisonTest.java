package org.mecopt.models.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.api.SolverOptions;
import org.mecopt.offloading.ExactSolver;
import org.mecopt.offloading.GreedySolver;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;

class OffloadingComparisonTest {

    @Test
    void theReferenceHasNoGapAndAHeuristicsGapsAreItsExcessOverTheOptimum() {
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER.withSize(8, 3, 4);
        OffloadingComparison.Comparison c = OffloadingComparison.run(config, 100, 12, List.of("exact", "greedy"), s -> { });
        assertEquals(12, c.instances());
        assertEquals(0, c.unproven());
        OffloadingComparison.Row exact = c.row("exact");
        assertEquals(0, exact.maxGap(), 1e-12);
        assertEquals(1, exact.optimalShare());
        assertEquals(1, exact.feasibleShare());
        // The greedy gaps, recomputed one instance at a time.
        double sum = 0;
        double worst = 0;
        for (OffloadingInstance instance : OffloadingComparison.instances(config, 100, 12)) {
            double opt = new ExactSolver().solve(instance, SolverOptions.defaults()).objective();
            double greedy = new GreedySolver().solve(instance, SolverOptions.defaults()).objective();
            sum += (greedy - opt) / opt;
            worst = Math.max(worst, (greedy - opt) / opt);
        }
        OffloadingComparison.Row greedy = c.row("greedy");
        assertEquals(sum / 12, greedy.meanGap(), 1e-12);
        assertEquals(worst, greedy.maxGap(), 1e-12);
        assertTrue(greedy.medianGap() <= greedy.p95Gap() && greedy.p95Gap() <= greedy.maxGap());
    }
}
