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
 * Seed 003 Fig. 9: the metrics against the mean midpoint β of the users' QoE (standard deviation
 * kept at 10 ms), at |U| = 110 by default. The deployment (links, η) is the same for every β;
 * only the users' β draws shift, from the same streams.
 */
@Command(name = "qoe-vs-midpoint", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 003 Fig. 9: system QoE, latency and user counts vs the mean QoE midpoint beta, with the "
                + "Lagrangian upper bound.")
final class QoeVsMidpointCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    QoeSweep.Options options;

    @Option(names = "--users", defaultValue = "110", description = "Number of users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--midpoints-ms", split = ",", defaultValue = "330,340,350,360,370",
            description = "Mean midpoints beta in ms (default ${DEFAULT-VALUE}).")
    List<Double> midpointsMs;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new InvalidInstanceException("--users", users, "must be >= 1");
        }
        for (double b : midpointsMs) {
            if (!(b > 0 && b < 10_000)) {
                throw new InvalidInstanceException("--midpoints-ms", b, "must be in (0, 10000)");
            }
        }
        QoeSweep sweep = new QoeSweep(options, "midpoint_ms", "Mean midpoint beta (ms)", "%.1f");
        List<EdgePolicy> policies = sweep.policies();
        EdgeSystemGenerator.Deployment base = EdgeSystemGenerator.deployment(
                EdgeSystemGenerator.Config.SEED_003.withUsers(users), options.deploymentSeed);
        List<QoeSweep.Point> points = new ArrayList<>();
        for (double b : midpointsMs) {
            points.add(new QoeSweep.Point(b, base.withDistributions(
                    base.config().distributions().withMidpointMeanS(b / 1000))));
        }
        String csv = sweep.run("qoe-vs-midpoint", points, policies, spec.commandLine().getErr());
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
