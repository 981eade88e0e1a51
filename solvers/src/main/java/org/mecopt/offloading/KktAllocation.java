package org.mecopt.offloading;

/**
 * The optimal CPU split for a fixed assignment (seed 004 eq. 20): server n gives task m
 * {@code f_m = F_n √C_m / Σ_{j on n} √C_j}. Minimizing {@code Σ C_m/f_m} subject to
 * {@code Σ f_m ≤ F_n} is convex; its KKT conditions give {@code C_m/f_m² = λ}, hence the
 * square-root rule, and the server's summed compute delay {@code (Σ √C_j)² / F_n}.
 */
public final class KktAllocation {
    private KktAllocation() {
    }

    /**
     * The KKT CPU frequencies for {@code assignment}.
     *
     * @param assignment 0-based server per device, not modified
     * @return {@code cpuHz[m]} for every device
     * @throws IllegalArgumentException if the assignment has the wrong length or an unknown server
     */
    public static double[] allocate(OffloadingInstance instance, int[] assignment) {
        int devices = instance.deviceCount();
        int servers = instance.serverCount();
        if (assignment.length != devices) {
            throw new org.mecopt.api.InvalidInstanceException("assignment.length", assignment.length,
                    "must equal the number of devices " + devices);
        }
        double[] load = new double[servers];
        for (int m = 0; m < devices; m++) {
            int n = assignment[m];
            if (n < 0 || n >= servers) {
                throw new org.mecopt.api.InvalidInstanceException("assignment[" + m + "]", n,
                        "must be in [0, " + servers + ")");
            }
            load[n] += Math.sqrt(instance.devices().get(m).cycles());
        }
        double[] cpu = new double[devices];
        for (int m = 0; m < devices; m++) {
            int n = assignment[m];
            double f = instance.servers().get(n).cpuHz();
            double root = Math.sqrt(instance.devices().get(m).cycles());
            double product = f * root;
            // F·√C overflows for a CPU near Double.MAX_VALUE (and loses its bits when it underflows
            // for tiny ones), the share √C/load is ≤ 1; the direct form stays the rule where it is
            // a normal number, so that labelled datasets keep their bits
            boolean normal = product >= Double.MIN_NORMAL && product <= Double.MAX_VALUE;
            cpu[m] = normal ? product / load[n] : f * (root / load[n]);
        }
        return cpu;
    }

    /** The solution made of {@code assignment} and its KKT CPU split. */
    public static OffloadingSolution solution(OffloadingInstance instance, int[] assignment) {
        return new OffloadingSolution(assignment, allocate(instance, assignment));
    }
}
