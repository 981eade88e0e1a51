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
 * Seed 003 Fig. 10: the metrics against the maximum task volume (V^T ~ U[200 KB, MTV]), at
 * |U| = 110 by default. The deployment (links, η) is the same for every MTV; the task volumes are
 * drawn from the same uniforms, rescaled.
 */
@Command(name = "qoe-vs-task-volume", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 003 Fig. 10: system QoE, latency and user counts vs the maximum task volume, with the "
                + "Lagrangian upper bound.")
final class QoeVsTaskVolumeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    QoeSweep.Options options;

    @Option(names = "--users", defaultValue = "110", description = "Number of users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--max-task-kb", split = ",", defaultValue = "500,600,700,800,900,1000",
            description = "Maximum task volumes in KB, each >= the minimum 200 (default ${DEFAULT-VALUE}).")
    List<Double> maxTaskKb;

    @Override
    public Integer call() throws Exception {
        if (users < 1) {
            throw new InvalidInstanceException("--users", users, "must be >= 1");
        }
        EdgeSystemGenerator.Deployment base = EdgeSystemGenerator.deployment(
                EdgeSystemGenerator.Config.SEED_003.withUsers(users), options.deploymentSeed);
        double min = base.config().distributions().taskKbMin();
        for (double kb : maxTaskKb) {
            if (!(kb >= min && kb < 1e9)) {
                throw new InvalidInstanceException("--max-task-kb", kb, "must be in [" + min + ", 1e9)");
            }
        }
        QoeSweep sweep = new QoeSweep(options, "max_task_kb", "Maximum task volume (KB)", "%.0f");
        List<EdgePolicy> policies = sweep.policies();
        List<QoeSweep.Point> points = new ArrayList<>();
        for (double kb : maxTaskKb) {
            points.add(new QoeSweep.Point(kb, base.withDistributions(base.config().distributions().withTaskKbMax(kb))));
        }
        String csv = sweep.run("qoe-vs-task-volume", points, policies, spec.commandLine().getErr());
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
