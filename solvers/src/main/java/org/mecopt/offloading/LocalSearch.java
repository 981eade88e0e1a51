package org.mecopt.offloading;

/**
 * Steepest-per-device relocations and first-improvement swaps on the assignment, each move valued
 * in O(1) from the server loads: moving workload w from a server at load L to one at load L' changes
 * the summed delay by {@code tx' − tx − (2L − w)w/F + (2L' + w)w/F'}. Every move keeps capacities.
 */
final class LocalSearch {
    /** Moves must gain more than this share of the total, so rounding cannot make the search cycle. */
    private static final double MIN_GAIN = 1e-13;

    private final AssignmentCosts c;
    private final int[] assignment;
    private final double[] load;
    private final int[] count;
    private long passes;

    LocalSearch(AssignmentCosts c, int[] start) {
        this.c = c;
        this.assignment = start.clone();
        this.load = Heuristics.loads(c, assignment);
        this.count = Heuristics.counts(c, assignment);
    }

    int[] assignment() {
        return assignment.clone();
    }

    long passes() {
        return passes;
    }

    /**
     * Improves until no relocation or swap gains, or the deadline passes.
     *
     * @return true when a local optimum was reached, false when the deadline stopped the search
     */
    boolean run(long deadlineNanos) {
        while (true) {
            passes++;
            double threshold = MIN_GAIN * c.total(assignment);
            boolean improved = relocations(threshold);
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
            improved |= swaps(threshold, deadlineNanos);
            if (!improved) {
                return true;
            }
            if (System.nanoTime() > deadlineNanos) {
                return false;
            }
        }
    }

    private boolean relocations(double threshold) {
        boolean improved = false;
        for (int m = 0; m < c.devices; m++) {
            int from = assignment[m];
            double w = c.work[m];
            double removal = c.tx[m][from] + (2 * load[from] - w) * w / c.cpu[from];
            int best = -1;
            double bestDelta = -threshold;
            for (int to = 0; to < c.servers; to++) {
                if (to != from && count[to] < c.capacity[to]) {
                    double delta = c.tx[m][to] + c.addCost(to, load[to], w) - removal;
                    if (delta < bestDelta) {
                        bestDelta = delta;
                        best = to;
                    }
                }
            }
            if (best >= 0) {
                move(m, best);
                improved = true;
            }
        }
        return improved;
    }

    private boolean swaps(double threshold, long deadlineNanos) {
        boolean improved = false;
        for (int a = 0; a < c.devices; a++) {
            if ((a & 63) == 0 && System.nanoTime() > deadlineNanos) {
                return improved;
            }
            for (int b = a + 1; b < c.devices; b++) {
                int na = assignment[a];
                int nb = assignment[b];
                if (na == nb) {
                    continue;
                }
                double wa = c.work[a];
                double wb = c.work[b];
                double d = wb - wa; // change of load on na; nb changes by -d
                double delta = c.tx[a][nb] + c.tx[b][na] - c.tx[a][na] - c.tx[b][nb]
                        + (2 * load[na] + d) * d / c.cpu[na] + (-2 * load[nb] + d) * d / c.cpu[nb];
                if (delta < -threshold) {
                    move(a, nb);
                    move(b, na);
                    improved = true;
                }
            }
        }
        return improved;
    }

    private void move(int m, int to) {
        int from = assignment[m];
        load[from] -= c.work[m];
        count[from]--;
        load[to] += c.work[m];
        count[to]++;
        assignment[m] = to;
    }
}
