package org.mecopt.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * What a new user does first with the mecopt library, using only its public API: solve an instance
 * built from one's own data with two solvers and compare them, do the same for a generated latency
 * instance with the classical and the learned solver, then write a small labelled dataset and read it
 * back. Every comparison is also checked; the exit code is 1 when one fails, so CI notices.
 */
public final class JavaApiExample {
    /** Relative slack when comparing objectives and bounds of different solvers. */
    private static final double TOLERANCE = 1e-9;

    private JavaApiExample() {
    }

    public static void main(String[] args) throws IOException {
        List<String> failures = new ArrayList<>();
        ComparisonTable table = new ComparisonTable(System.out);
        SolverOptions options = SolverOptions.defaults().withTimeLimitMillis(10_000);

        OffloadingInstance mine = MyNetwork.instance();
        Result<OffloadingSolution> exact = SolverRegistry.get(OffloadingInstance.class, "exact").solve(mine, options);
        Result<OffloadingSolution> local =
                SolverRegistry.get(OffloadingInstance.class, "local-search").solve(mine, options);
        table.add(exact);
        table.add(local);
        expect(failures, exact.status() == Status.OPTIMAL, "exact is " + exact.status() + ", not OPTIMAL");
        expect(failures, local.hasFeasibleSolution() && local.objective() >= exact.objective() * (1 - TOLERANCE),
                "local-search " + local.status() + " " + local.objective() + " beats the optimum " + exact.objective());
        expect(failures, local.bound() != null && local.bound() <= exact.objective() * (1 + TOLERANCE),
                "local-search's lower bound " + local.bound() + " exceeds the optimum " + exact.objective());

        LatencyInstance generated = LatencyGenerator.generate(LatencyGenerator.Config.PAPER, 7);
        Result<LatencySolution> ica = SolverRegistry.get(LatencyInstance.class, "ica").solve(generated, options);
        Result<LatencySolution> learned =
                SolverRegistry.get(LatencyInstance.class, "cnn-lstm").solve(generated, options);
        table.add(ica);
        table.add(learned);
        for (Result<LatencySolution> r : List.of(ica, learned)) {
            expect(failures, r.hasFeasibleSolution(), r.solver() + " is " + r.status() + ": " + r.message());
            expect(failures, r.bound() != null && r.bound() <= r.objective() * (1 + TOLERANCE),
                    r.solver() + "'s lower bound " + r.bound() + " exceeds its objective " + r.objective());
        }

        try {
            MyNetwork.withNegativeCycles();
            failures.add("a negative cycle count was accepted");
        } catch (InvalidInstanceException e) {
            System.out.println("bad input is refused, naming the field: " + e.getMessage());
        }

        Path dir = Files.createTempDirectory("mecopt-example-");
        try {
            failures.addAll(DatasetRoundTrip.run(dir.resolve("offloading")));
        } finally {
            deleteRecursively(dir);
        }

        if (!failures.isEmpty()) {
            failures.forEach(f -> System.err.println("FAILED: " + f));
            System.exit(1);
        }
        System.out.println("java-api example: all checks passed");
    }

    private static void expect(List<String> failures, boolean holds, String otherwise) {
        if (!holds) {
            failures.add(otherwise);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
