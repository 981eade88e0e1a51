package org.mecopt.offloading;

/**
 * The offloading problem reduced to assignment alone. With the KKT CPU split a server serving the
 * set {@code M_n} contributes {@code (Σ_{j∈M_n} √C_j)² / F_n} to the summed delay, so
 * <pre>  M·D(x) = Σ_m tx[m][n(m)] + Σ_n load_n² / F_n,   load_n = Σ_{m on n} work[m],  work = √C</pre>
 * a convex quadratic 0-1 program. Every assignment solver works on these arrays; they are
 * computed once per solve.
 */
final class AssignmentCosts {
    final int devices;
    final int servers;
    /** {@code tx[m][n] = S_m / R_mn}, seconds. */
    final double[][] tx;
    /** {@code work[m] = √C_m}. */
    final double[] work;
    final double[] cpu;
    final int[] capacity;

    AssignmentCosts(OffloadingInstance instance) {
        devices = instance.deviceCount();
        servers = instance.serverCount();
        tx = new double[devices][servers];
        work = new double[devices];
        cpu = new double[servers];
        capacity = new int[servers];
        for (int m = 0; m < devices; m++) {
            work[m] = Math.sqrt(instance.devices().get(m).cycles());
            for (int n = 0; n < servers; n++) {
                tx[m][n] = instance.transmissionDelay(m, n);
            }
        }
        for (int n = 0; n < servers; n++) {
            cpu[n] = instance.servers().get(n).cpuHz();
            capacity[n] = instance.servers().get(n).maxTasks();
        }
    }

    /** The summed delay {@code M·D} of an assignment under the KKT CPU split. */
    double total(int[] assignment) {
        double[] load = new double[servers];
        double sum = 0;
        for (int m = 0; m < devices; m++) {
            sum += tx[m][assignment[m]];
            load[assignment[m]] += work[m];
        }
        for (int n = 0; n < servers; n++) {
            sum += load[n] * load[n] / cpu[n];
        }
        return sum;
    }

    /** Increase of {@code load²/F_n} when {@code w} joins a server at {@code load}. */
    double addCost(int n, double load, double w) {
        return (2 * load + w) * w / cpu[n];
    }
}
