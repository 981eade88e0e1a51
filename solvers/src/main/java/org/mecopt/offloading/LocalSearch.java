package org.mecopt.offloading;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Deadline;

/**
 * Steepest-per-device relocations and first-improvement swaps on the assignment, each move valued
 * in O(1) from the server loads: moving workload w from a server at load L to one at load L' changes
 * the summed delay by {@code tx' − tx − (2L − w)w/F + (2L' + w)w/F'}. Every move keeps capacities,
 * and a swap needs no free slot, so swaps are what improve instances whose servers are all full.
 */
final class LocalSearch {
    /** Moves must gain more than this share of the total, so rounding cannot make the search cycle. */
    private static final double MIN_GAIN = 1e-13;

    private final AssignmentCosts c;
    private final int[] assignment;
    private final double[] load;
    private final int[] count;
    /** Devices on each server, in {@code members[n][0..count[n])}. */
    private final int[][] members;
    /** Bumped whenever a server's members change. */
    private final long[] version;
    /** {@code version[na] + version[nb]·STRIDE} when pair (na, nb) was last scanned without gain. */
    private final long[][] scannedAt;
    private static final long VERSION_STRIDE = 1L << 32;
    /** Scratch for {@link #swapPair}: β and workload of the second server's members. */
    private final double[] betaB;
    private final double[] workB;
    private long passes;

    LocalSearch(AssignmentCosts c, int[] start) {
        this.c = c;
        this.assignment = start.clone();
        this.load = Heuristics.loads(c, assignment);
        this.count = new int[c.servers];
        this.members = new int[c.servers][];
        for (int n = 0; n < c.servers; n++) {
            members[n] = new int[Math.min(c.capacity[n], c.devices)];
        }
        for (int m = 0; m < c.devices; m++) {
            int n = assignment[m];
            members[n][count[n]++] = m;
        }
        this.betaB = new double[c.devices];
        this.workB = new double[c.devices];
        this.version = new long[c.servers];
        this.scannedAt = new long[c.servers][c.servers];
        for (long[] row : scannedAt) {
            java.util.Arrays.fill(row, -1);
        }
    }

    int[] assignment() {
        return assignment.clone();
    }

    /**
     * Iterated local search: {@code rounds} times, swap {@value #KICK_SWAPS} random pairs of devices
     * in the best assignment (a swap keeps every server's task count, so the kick stays feasible),
     * descend again, keep the result when it is better. Why: at loose capacity the local optimum
     * from the greedy start is 2e-5–1.5e-4 above the optimum on 30×5 instances, ten times the
     * integrality gap the branch and bound must close, so its pruning starts from a poor incumbent;
     * 300 rounds (3–50 ms there) found the optimum CP-SAT proved on each instance checked.
     *
     * @param seed the kicks' random stream, so the same seed gives the same result
     * @return the best assignment seen, {@code start} itself when no round improved on it
     */
    static int[] iterated(AssignmentCosts c, int[] start, int rounds, long seed, Deadline deadline) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int[] best = start.clone();
        double bestTotal = c.total(best);
        for (int round = 0; round < rounds && !deadline.passed(); round++) {
            int[] x = best.clone();
            for (int k = 0; k < KICK_SWAPS; k++) {
                int i = rng.nextInt(c.devices);
                int j = rng.nextInt(c.devices);
                int t = x[i];
                x[i] = x[j];
                x[j] = t;
            }
            LocalSearch descent = new LocalSearch(c, x);
            descent.run(deadline);
            int[] y = descent.assignment();
            double total = c.total(y);
            if (total < bestTotal) {
                bestTotal = total;
                best = y;
            }
        }
        return best;
    }

    /** Pairs swapped per kick of {@link #iterated}. */
    static final int KICK_SWAPS = 3;

    long passes() {
        return passes;
    }

    /**
     * Improves until no relocation or swap gains, or the deadline passes.
     *
     * @return true when a local optimum was reached, false when the deadline stopped the search
     */
    boolean run(Deadline deadline) {
        while (true) {
            passes++;
            double threshold = MIN_GAIN * c.total(assignment);
            boolean improved = relocations(threshold);
            if (deadline.passed()) {
                return false;
            }
            improved |= swaps(threshold, deadline);
            if (!improved) {
                return true;
            }
            if (deadline.passed()) {
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

    /**
     * Swaps scanned per pair of servers. A swap's value depends only on the two servers' members
     * and loads, so a pair scanned without gain is skipped until one of its servers changes
     * (tracked by {@link #version}); late passes then cost little more than the changed pairs.
     */
    private boolean swaps(double threshold, Deadline deadline) {
        boolean improved = false;
        for (int na = 0; na < c.servers; na++) {
            if (deadline.passed()) {
                return improved;
            }
            for (int nb = na + 1; nb < c.servers; nb++) {
                if (scannedAt[na][nb] == version[na] + version[nb] * VERSION_STRIDE) {
                    continue;
                }
                improved |= swapPair(na, nb, threshold);
                scannedAt[na][nb] = version[na] + version[nb] * VERSION_STRIDE;
            }
        }
        return improved;
    }

    /**
     * All swaps between servers na and nb. With {@code d = w_b − w_a} a swap changes the summed
     * delay by {@code α_a + β_b + d(g + d s)}, where {@code α_a = tx_a,nb − tx_a,na},
     * {@code β_b = tx_b,na − tx_b,nb}, {@code g = 2(L_na/F_na − L_nb/F_nb)}, {@code s = 1/F_na + 1/F_nb};
     * β and w of nb's members are gathered once so the inner loop is a few flops on contiguous arrays.
     */
    private boolean swapPair(int na, int nb, double threshold) {
        boolean improved = false;
        int[] ma = members[na];
        int[] mb = members[nb];
        int kb = count[nb];
        for (int j = 0; j < kb; j++) {
            int b = mb[j];
            betaB[j] = c.tx[b][na] - c.tx[b][nb];
            workB[j] = c.work[b];
        }
        double invA = 1 / c.cpu[na];
        double invB = 1 / c.cpu[nb];
        double s = invA + invB;
        double g = 2 * (load[na] * invA - load[nb] * invB);
        for (int i = 0; i < count[na]; i++) {
            int a = ma[i];
            double wa = c.work[a];
            double alpha = c.tx[a][nb] - c.tx[a][na];
            for (int j = 0; j < kb; j++) {
                double d = workB[j] - wa;
                if (alpha + betaB[j] + d * (g + d * s) < -threshold) {
                    int b = mb[j];
                    swap(i, na, j, nb);
                    improved = true;
                    betaB[j] = c.tx[a][na] - c.tx[a][nb];
                    workB[j] = wa;
                    a = b;
                    wa = c.work[a];
                    alpha = c.tx[a][nb] - c.tx[a][na];
                    g = 2 * (load[na] * invA - load[nb] * invB);
                }
            }
        }
        return improved;
    }

    private void swap(int i, int na, int j, int nb) {
        int a = members[na][i];
        int b = members[nb][j];
        double d = c.work[b] - c.work[a];
        load[na] += d;
        load[nb] -= d;
        assignment[a] = nb;
        assignment[b] = na;
        members[na][i] = b;
        members[nb][j] = a;
        version[na]++;
        version[nb]++;
    }

    private void move(int m, int to) {
        int from = assignment[m];
        int[] list = members[from];
        for (int i = 0; i < count[from]; i++) {
            if (list[i] == m) {
                list[i] = list[count[from] - 1];
                break;
            }
        }
        load[from] -= c.work[m];
        count[from]--;
        members[to][count[to]] = m;
        load[to] += c.work[m];
        count[to]++;
        assignment[m] = to;
        version[from]++;
        version[to]++;
    }
}
