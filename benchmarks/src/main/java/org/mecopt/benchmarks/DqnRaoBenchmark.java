package org.mecopt.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does {@code dqn-rao} take to decide one instance at batch 1, beside the classical
 * methods it competes with, at the two sizes its bundled models cover?
 *
 * <p>Each invocation solves the next of 64 seeded instances of the training distribution (seeds
 * 10 000 on, never drawn in training), so the samples are a distribution over instances; read the
 * median. Target (issue 13): ≤ 0.1 ms per instance in plain Java. The whole solve is timed: the
 * greedy rollout through the Q-network, the KKT split and the template's feasibility re-check.
 *
 * <p>HOW TO RUN: {@code java -jar benchmarks/target/benchmarks.jar DqnRaoBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DqnRaoBenchmark {

    /** Devices × servers × max tasks per server: the bundled models' settings. */
    @Param({"9x3x3", "20x4x6"})
    public String size;

    @Param({"dqn-rao", "greedy", "local-search"})
    public String solver;

    private final List<OffloadingInstance> instances = new ArrayList<>();
    private Solver<OffloadingInstance, OffloadingSolution> method;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER.withSize(Integer.parseInt(parts[0]),
                Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        for (int seed = 10_000; seed < 10_064; seed++) {
            instances.add(OffloadingGenerator.generate(config, seed));
        }
        method = SolverRegistry.get(OffloadingInstance.class, solver);
    }

    @Benchmark
    public Result<OffloadingSolution> solve() {
        return method.solve(instances.get(next++ & 63), SolverOptions.defaults());
    }
}
