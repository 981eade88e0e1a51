package org.mecopt.offloading;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * {@code roa}: the paper's random offloading algorithm. Devices in index order each draw a server
 * uniformly at random, redrawing until one is below its capacity (the same as a uniform draw among
 * the servers with room). Seeded by {@link SolverOptions#seed()}.
 */
public final class RoaSolver extends AssignmentSolver {

    @Override
    public String name() {
        return "roa";
    }

    @Override
    public String guarantee() {
        return "paper baseline; feasible, random (seeded)";
    }

    @Override
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(context.seed());
        int servers = instance.serverCount();
        int[] count = new int[servers];
        int[] open = new int[servers];
        int[] assignment = new int[instance.deviceCount()];
        for (int m = 0; m < assignment.length; m++) {
            int k = 0;
            for (int n = 0; n < servers; n++) {
                if (count[n] < instance.servers().get(n).maxTasks()) {
                    open[k++] = n;
                }
            }
            assignment[m] = open[rng.nextInt(k)];
            count[assignment[m]]++;
        }
        return claim(instance, assignment, Status.FEASIBLE, null);
    }
}
