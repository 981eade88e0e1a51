package org.mecopt.offloading;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Constructive assignments shared by the heuristics and as incumbents of the exact solver. */
final class Heuristics {
    private Heuristics() {
    }

    /** Devices by decreasing workload √C (ties by index), the order that fixes balance early. */
    static int[] byDecreasingWork(AssignmentCosts c) {
        return IntStream.range(0, c.devices).boxed()
                .sorted(Comparator.comparingDouble((Integer m) -> -c.work[m]).thenComparing(m -> m))
                .mapToInt(Integer::intValue).toArray();
    }

    /**
     * Capacity-respecting greedy: devices by decreasing workload, each to the server with room that
     * adds the least summed delay given the tasks placed so far. A device whose delay is infinite
     * everywhere (its rate underflows to 0 in double precision) takes the first server with room,
     * so the result is still an assignment and its infinite objective is reported, not thrown.
     */
    static int[] greedy(AssignmentCosts c) {
        int[] free = new int[c.devices];
        java.util.Arrays.fill(free, -1);
        return greedy(c, free);
    }

    /**
     * As {@link #greedy(AssignmentCosts)}, completing {@code partial} (device-indexed; −1 for a free
     * device): the placed devices stay and count towards loads and slots, the free ones are placed
     * greedily in the same order. The caller's placed devices must leave a slot for every free one.
     */
    static int[] greedy(AssignmentCosts c, int[] partial) {
        int[] assignment = partial.clone();
        double[] load = new double[c.servers];
        int[] count = new int[c.servers];
        int[] order = byDecreasingWork(c);
        // the placed loads summed in the same order as the free devices go: one order, one rounding
        for (int m : order) {
            if (assignment[m] >= 0) {
                load[assignment[m]] += c.work[m];
                count[assignment[m]]++;
            }
        }
        for (int m : order) {
            if (assignment[m] >= 0) {
                continue;
            }
            int best = -1;
            double bestCost = Double.POSITIVE_INFINITY;
            for (int n = 0; n < c.servers; n++) {
                if (count[n] < c.capacity[n]) {
                    double cost = c.tx[m][n] + c.addCost(n, load[n], c.work[m]);
                    if (cost < bestCost || best < 0) {
                        bestCost = cost;
                        best = n;
                    }
                }
            }
            assignment[m] = best;
            load[best] += c.work[m];
            count[best]++;
        }
        return assignment;
    }

    /** Server of the highest rate for each device (GOA), capacity ignored. */
    static int[] bestChannel(OffloadingInstance instance) {
        int[] assignment = new int[instance.deviceCount()];
        for (int m = 0; m < assignment.length; m++) {
            int best = 0;
            for (int n = 1; n < instance.serverCount(); n++) {
                if (instance.rate(m, n) > instance.rate(m, best)) {
                    best = n;
                }
            }
            assignment[m] = best;
        }
        return assignment;
    }

    static double[] loads(AssignmentCosts c, int[] assignment) {
        double[] load = new double[c.servers];
        for (int m = 0; m < c.devices; m++) {
            load[assignment[m]] += c.work[m];
        }
        return load;
    }
}
