package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.Deadline;

/**
 * A regression found in review: the discrete load bound compares subset sums of the remaining
 * devices with box ends computed as differences of prefix sums over all devices, and its rounding
 * tolerance was scaled by the remaining work only. With one device 10⁴–10⁵ times the others early
 * in the order, the true smallest subset sum fell 1.2e-12 below {@code lo} (tolerance 1.16e-12), was
 * skipped, and a far worse sum was charged: the tree pruned the optimum and claimed a point
 * 1.9e-6 above it as OPTIMAL, with a proven bound above the optimum.
 */
class DiscreteBoundRoundingTest {

    private static AssignmentCosts reviewInstance() {
        double[] work = {0.11154692217414082, 0.8741708002942467, 0.11267563491789326, 9629.034071744281,
                7.092061523207719E-5, 4.962792843619527, 18.847099159619063, 147.6267793640611, 0.049435962114892464,
                0.12126885912606306, 9.878453745759767};
        double[][] tx = {
                {0.6671979717432724, 0.28869306500563907, 64.90943079547662},
                {6.750429502450318, 0.3765097731665255, 9.73640557845064E-5},
                {5.089922491677841, 0.11167457455778794, 3.391076268321142},
                {0.46306801271911197, 8.440859293048431, 0.011919895916376873},
                {0.007945231963346346, 8.4803979456208, 0.048433506708763695},
                {0.14978236247791063, 0.019444587893399316, 0.1919627845830451},
                {9.21849108372235, 8.019184110489638, 1.6080042502005378},
                {0.7648789093128966, 45.45557695714298, 0.663678921400063},
                {1185.776285152513, 0.07325857694004265, 16.16906460671038},
                {538.7564288945667, 1.5642217495175892, 0.010520639807006673},
                {0.12014636744015349, 0.22056629059597438, 87.1768915609984}};
        double[] cpu = {2.601506699541451, 2.6093770582319027, 3.627138931101117};
        // the arrays of any 11×3 instance, overwritten: the bound works on these alone
        AssignmentCosts c = new AssignmentCosts(OffloadingGenerator.generate(
                OffloadingGenerator.Config.PAPER.withSize(11, 3, 4), 1));
        System.arraycopy(work, 0, c.work, 0, 11);
        for (int m = 0; m < 11; m++) {
            System.arraycopy(tx[m], 0, c.tx[m], 0, 3);
        }
        System.arraycopy(cpu, 0, c.cpu, 0, 3);
        java.util.Arrays.fill(c.capacity, 4);
        return c;
    }

    @Test
    void theTreeWithTheDiscreteBoundFindsTheOptimumAndABoundBelowIt() {
        AssignmentCosts c = reviewInstance();
        double optimum = c.total(ExactCapacityFamiliesProperties.bruteForce(c));
        assertEquals(2.5571571325114813E7, optimum, 1e-6 * optimum, "the instance as the review printed it");
        for (double gap : new double[] {0, 1e-6}) {
            BranchAndBound bb = new BranchAndBound(c, Heuristics.greedy(c), gap, Deadline.NEVER, null,
                    BranchAndBound.DISCRETE_DEPTH);
            assertTrue(bb.run());
            assertTrue(bb.provenBound() <= optimum * (1 + 1e-15), "gap " + gap + ": bound " + bb.provenBound()
                    + " above the optimum " + optimum);
            assertTrue(c.total(bb.best()) <= optimum * (1 + gap) * (1 + 1e-15), "gap " + gap + ": found "
                    + c.total(bb.best()) + ", optimum " + optimum);
        }
    }
}
