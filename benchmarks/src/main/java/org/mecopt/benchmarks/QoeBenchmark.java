package org.mecopt.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.qoe.QoeGenerator;
import org.mecopt.qoe.QoeInstance;
import org.mecopt.qoe.QoeSolution;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long does a certified QoE-maximizing CPU split of one edge server take?
 *
 * <p>Each invocation solves the next of 32 seeded instances (Table III users; capacity 10 GHz per
 * user, where about half of the users can be served well, the hard middle ground), so the samples
 * are a distribution over instances; read the median (p0.50) and the tail. {@code greedy} is the
 * baseline: a heap-driven pass with no bound.
 *
 * <p>Target (issue 4): {@code sigmoidal} at n = 200 with a certified relative gap of 1e-4, median
 * ≤ 5 ms on one core; n = 1000 is reported. {@link #check()} fails the trial if a certificate
 * misses the gap.
 *
 * <p>HOW TO RUN: {@code java -jar benchmarks/target/benchmarks.jar QoeBenchmark -f 1 -wi 2 -i 3}
 * (add {@code -p users=200 -p solver=sigmoidal} to pick one case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QoeBenchmark {

    @Param({"200", "1000"})
    public int users;

    @Param({"sigmoidal", "greedy"})
    public String solver;

    /** Capacity per user in Hz. */
    @Param({"10e9"})
    public double capacityPerUserHz;

    private final List<QoeInstance> instances = new ArrayList<>();
    private Solver<QoeInstance, QoeSolution> method;
    private SolverOptions options;
    private int next;
    private double worstGap;
    private long maxNodes;
    private boolean failed;

    @Setup(Level.Trial)
    public void setUp() {
        QoeGenerator.Config config = QoeGenerator.Config.DEFAULT.withUsers(users).withCapacityHz(users * capacityPerUserHz);
        for (int seed = 0; seed < 32; seed++) {
            instances.add(QoeGenerator.generate(config, seed));
        }
        method = SolverRegistry.get(QoeInstance.class, solver);
        options = SolverOptions.defaults().withRelativeGap(1e-4);
    }

    @Benchmark
    public Result<QoeSolution> solve() {
        Result<QoeSolution> r = method.solve(instances.get(next++ & 31), options);
        if (r.gap() != null) {
            worstGap = Math.max(worstGap, r.gap());
            maxNodes = Math.max(maxNodes, r.iterations());
            failed |= r.status() != Status.OPTIMAL;
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void check() {
        if (solver.equals("sigmoidal")) {
            System.out.printf("%n[%s n=%d] worst certified gap %.3e, most nodes %d%n", solver, users, worstGap, maxNodes);
            if (failed || worstGap > 1e-4) {
                throw new IllegalStateException("a certificate missed the requested gap of 1e-4");
            }
        }
    }
}
