package org.mecopt.cli.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.policy.EdgePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 003 Fig. 8: system QoE, mean latency and the user counts against the number of users, for
 * the registry's task allocation policies (DAES, GA-Aware, our local search, the learned ones when
 * module {@code models} registers them) and the Lagrangian upper bound ({@link QoeSweep}). Every
 * user count uses the same evaluation seeds and a deployment that extends the smaller ones (users
 * are drawn in index order), so the systems for |U| = 80 extend those for 70 (common random numbers).
 */
@Command(name = "qoe-vs-users", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 003 Fig. 8: system QoE, latency and user counts vs number of users (7 edge servers + cloud), "
                + "with the Lagrangian upper bound.")
final class QoeVsUsersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    QoeSweep.Options options;

    @Option(names = "--users", split = ",", defaultValue = "70,80,90,100,110,120,130,140,150",
            description = "Numbers of users (default ${DEFAULT-VALUE}).")
    List<Integer> users;

    @Override
    public Integer call() throws Exception {
        for (int n : users) {
            if (n < 1) {
                throw new InvalidInstanceException("--users", n, "must be >= 1");
            }
        }
        QoeSweep sweep = new QoeSweep(options, "users", "Number of users", "%.0f");
        List<EdgePolicy> policies = sweep.policies();
        List<QoeSweep.Point> points = new ArrayList<>();
        for (int n : users) {
            points.add(new QoeSweep.Point(n, EdgeSystemGenerator.deployment(
                    EdgeSystemGenerator.Config.SEED_003.withUsers(n), options.deploymentSeed)));
        }
        String csv = sweep.run("qoe-vs-users", points, policies, spec.commandLine().getErr());
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
