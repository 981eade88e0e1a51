package org.mecopt.offloading;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random small instances over wide parameter ranges, and a brute-force optimum, for tests. */
final class Instances {
    private Instances() {
    }

    /**
     * An instance with M devices, N servers, random capacities (always enough slots) and
     * parameters spread over orders of magnitude, so that transmission or computation may dominate.
     */
    static OffloadingInstance random(long seed, int m, int n) {
        Random rng = new Random(seed);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            devices.add(new Device(1e4 * Math.pow(100, rng.nextDouble()), 1e7 * Math.pow(1000, rng.nextDouble()),
                    0.01 + rng.nextDouble()));
        }
        int[] caps = new int[n];
        int slots = 0;
        for (int j = 0; j < n; j++) {
            caps[j] = 1 + rng.nextInt(m);
            slots += caps[j];
        }
        for (int j = 0; slots < m; j = (j + 1) % n) {
            caps[j]++;
            slots++;
        }
        List<Server> servers = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            servers.add(new Server(1e9 * Math.pow(10, rng.nextDouble()), caps[j]));
        }
        double[][] gain = new double[m][n];
        for (double[] row : gain) {
            for (int j = 0; j < n; j++) {
                row[j] = 1e-3 * Math.pow(1e4, rng.nextDouble());
            }
        }
        double noise = 1e-9 * Math.pow(1e6, rng.nextDouble());
        return new OffloadingInstance(1e6, noise, devices, servers, gain);
    }

    /** The optimal average delay over all capacity-respecting assignments, by enumeration. */
    static double bruteForceOptimum(OffloadingInstance instance) {
        int m = instance.deviceCount();
        int n = instance.serverCount();
        int[] assignment = new int[m];
        double best = Double.POSITIVE_INFINITY;
        long total = (long) Math.pow(n, m);
        for (long code = 0; code < total; code++) {
            long c = code;
            int[] count = new int[n];
            boolean ok = true;
            for (int i = 0; i < m; i++) {
                assignment[i] = (int) (c % n);
                c /= n;
                if (++count[assignment[i]] > instance.servers().get(assignment[i]).maxTasks()) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                best = Math.min(best, instance.objective(KktAllocation.solution(instance, assignment)));
            }
        }
        return best;
    }
}
