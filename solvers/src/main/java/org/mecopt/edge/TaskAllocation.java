package org.mecopt.edge;

/**
 * Task allocation policies of seed 003 (§VI-A): which edge server processes each user's task.
 * Each is followed by the sigmoidal compute allocation with cloud fallback of {@link EdgeEvaluator}.
 */
public final class TaskAllocation {
    private TaskAllocation() {
    }

    /** DAES: every task stays on the server of the RAN its user is connected to. */
    public static int[] daes(EdgeSystem system) {
        int[] a = new int[system.userCount()];
        for (int u = 0; u < a.length; u++) {
            a[u] = system.users().get(u).connectedServer();
        }
        return a;
    }

    /** GA-Aware: every task goes to the server that processes it fastest, {@code argmin_h η_u^h}. */
    public static int[] gaAware(EdgeSystem system) {
        int[] a = new int[system.userCount()];
        for (int u = 0; u < a.length; u++) {
            EdgeUser user = system.users().get(u);
            int best = 0;
            for (int h = 1; h < system.serverCount(); h++) {
                if (user.etaOn(h) < user.etaOn(best)) {
                    best = h;
                }
            }
            a[u] = best;
        }
        return a;
    }
}
