package org.mecopt.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.mecopt.api.Problem;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.ProblemFamily;
import org.mecopt.offloading.OffloadingInstance;

/**
 * Small seeded instances of every registered problem family, for the contract suite: each family's
 * default configuration, plus the option overrides below where a family has domains worth covering
 * (a family added later is covered by its default without any change here).
 */
public final class Fixtures {

    private Fixtures() {
    }

    /** A named instance, so parameterized test names say which one failed. */
    public record Instance(String name, Problem<?> problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Generator options (as on the command line) per family, beyond its default configuration. */
    private static final Map<String, List<Map<String, String>>> VARIANTS = Map.of(
            "offloading", List.of(Map.of("devices", "12", "servers", "4", "max-tasks", "4")),
            // the default latency setting is the one cnn-lstm's bundled model covers; N = 1 is
            // exact-single-carrier's domain, which the bundled model does not cover
            "latency", List.of(Map.of("users", "4", "aps", "16", "subcarriers", "1"),
                    Map.of("channel", "bs-mmimo", "users", "3", "aps", "8", "subcarriers", "2",
                            "no-local-computing", "true")),
            "qoe", List.of(Map.of("users", "5")),
            // Q = 2 binds, so the contract sees the scheduling repair
            "subcarrier-beamforming", List.of(Map.of("stations", "2", "antennas", "2", "users", "4", "subcarriers", "3",
                    "max-users-per-subcarrier", "2")));

    private static final Map<String, List<Instance>> INSTANCES = ProblemFamilies.all().stream()
            .collect(Collectors.toUnmodifiableMap(ProblemFamily::name, Fixtures::generate));

    private static List<Instance> generate(ProblemFamily<?, ?, ?> family) {
        List<Instance> out = new ArrayList<>();
        out.add(new Instance(family.name() + " default seed 1", generate(family, Map.of(), 1)));
        long seed = 2;
        for (Map<String, String> variant : VARIANTS.getOrDefault(family.name(), List.of())) {
            out.add(new Instance(family.name() + " " + new TreeMap<>(variant) + " seed " + seed,
                    generate(family, variant, seed)));
            seed++;
        }
        return List.copyOf(out);
    }

    private static <P extends Problem<S>, S, C extends Record> P generate(ProblemFamily<P, S, C> family,
                                                                          Map<String, String> options, long seed) {
        return family.generate(family.config(options), seed);
    }

    /** The problem families with fixtures. */
    static List<String> families() {
        return INSTANCES.keySet().stream().sorted().toList();
    }

    /** A few small instances of {@code problem}; empty for a family without fixtures. */
    public static List<Instance> instances(String problem) {
        return INSTANCES.getOrDefault(problem, List.of());
    }

    /**
     * Default options plus the parameters a solver requires to run at all (kkt's assignment: device
     * m to server m mod N, within capacity on these instances).
     */
    public static SolverOptions options(Solver<?, ?> solver, Problem<?> problem) {
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
