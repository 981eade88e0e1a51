package org.mecopt.contract;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.mecopt.api.Problem;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.qoe.QoeGenerator;

/**
 * Small seeded instances of every problem family, for the contract suite. The one place that
 * names generators: when problem families are plug-ins ({@code ProblemFamilies}), {@link #instances}
 * becomes a loop over their {@code generate(config, seed)}.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** A named instance, so parameterized test names say which one failed. */
    record Instance(String name, Problem<?> problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final LatencyGenerator.Config LATENCY = LatencyGenerator.Config.PAPER;

    private static final Map<String, List<Instance>> INSTANCES = Map.of(
            "offloading", List.of(
                    new Instance("offloading paper 9x3 seed 1", OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 1)),
                    new Instance("offloading 12x4 seed 2",
                            OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(12, 4, 4), 2))),
            "latency", List.of(
                    // the default setting: the one cnn-lstm's bundled model covers
                    new Instance("latency K=10 N=4 M=64 seed 1", LatencyGenerator.generate(LATENCY, 1)),
                    // N = 1: exact-single-carrier's domain; cnn-lstm's bundled model does not cover it
                    new Instance("latency K=4 N=1 M=16 seed 2",
                            LatencyGenerator.generate(LATENCY.with(ChannelModel.CELLFREE, 4, 16, 1), 2)),
                    new Instance("latency bs-mmimo K=3 N=2 M=8 no local seed 3", LatencyGenerator.generate(
                            LATENCY.with(ChannelModel.BS_MMIMO, 3, 8, 2).withLocalComputing(false), 3))),
            "qoe", List.of(
                    new Instance("qoe n=20 seed 1", QoeGenerator.generate(QoeGenerator.Config.DEFAULT, 1)),
                    new Instance("qoe n=5 seed 2", QoeGenerator.generate(QoeGenerator.Config.DEFAULT.withUsers(5), 2))));

    /** The problem families with fixtures. */
    static List<String> families() {
        return INSTANCES.keySet().stream().sorted().toList();
    }

    /** A few small instances of {@code problem}; empty for a family without fixtures. */
    static List<Instance> instances(String problem) {
        return INSTANCES.getOrDefault(problem, List.of());
    }

    /**
     * Default options plus the parameters a solver requires to run at all (kkt's assignment: device
     * m to server m mod N, within capacity on these instances).
     */
    static SolverOptions options(Solver<?, ?> solver, Problem<?> problem) {
        SolverOptions options = SolverOptions.defaults();
        if (solver.name().equals("kkt") && problem instanceof OffloadingInstance o) {
            StringJoiner assignment = new StringJoiner(",");
            for (int m = 0; m < o.deviceCount(); m++) {
                assignment.add(Integer.toString(m % o.serverCount()));
            }
            options = options.withParameter("assignment", assignment.toString());
        }
        return options;
    }
}
