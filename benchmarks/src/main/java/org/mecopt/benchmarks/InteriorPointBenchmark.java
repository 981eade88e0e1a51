package org.mecopt.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.mecopt.api.Status;
import org.mecopt.numeric.ConvexProblem;
import org.mecopt.numeric.InteriorPointResult;
import org.mecopt.numeric.InteriorPointSolver;
import org.mecopt.numeric.QuadraticFunction;
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
 * How long does one interior-point solve take on a random strictly convex QP
 * {@code min ½xᵀPx + qᵀx s.t. G x ≤ h} with dense G?
 *
 * <p>Each invocation solves the next of 64 seeded instances. {@code start=cold} starts from 0,
 * which is infeasible, so Phase I runs; {@code start=warm} starts from a strictly feasible point
 * (as a successive convex approximation does from its previous iterate). Target (the SCA inner
 * loop): well under 1 ms at n = 40, m = 80.
 *
 * <p>HOW TO RUN: {@code java -jar benchmarks/target/benchmarks.jar InteriorPointBenchmark}
 * (add {@code -p size=40x80 -p start=warm} to pick one case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InteriorPointBenchmark {

    /** Variables × linear inequalities. */
    @Param({"10x20", "40x80", "150x300"})
    public String size;

    @Param({"cold", "warm"})
    public String start;

    private final List<ConvexProblem> problems = new ArrayList<>();
    private final List<double[]> interior = new ArrayList<>();
    private final InteriorPointSolver solver = new InteriorPointSolver();
    private int next;
    private int notOptimal;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = size.split("x");
        int n = Integer.parseInt(parts[0]);
        int m = Integer.parseInt(parts[1]);
        for (int seed = 0; seed < 64; seed++) {
            Random rnd = new Random(seed);
            DMatrixRMaj root = new DMatrixRMaj(n, n);
            for (int i = 0; i < n * n; i++) {
                root.data[i] = rnd.nextGaussian();
            }
            DMatrixRMaj p = new DMatrixRMaj(n, n);
            org.ejml.dense.row.CommonOps_DDRM.multInner(root, p);
            double[] q = new double[n];
            double[] xf = new double[n];
            for (int i = 0; i < n; i++) {
                p.add(i, i, 0.1 + rnd.nextDouble());
                q[i] = 3 * rnd.nextGaussian();
                xf[i] = rnd.nextGaussian();
            }
            DMatrixRMaj g = new DMatrixRMaj(m, n);
            double[] h = new double[m];
            for (int i = 0; i < m; i++) {
                double dot = 0;
                for (int j = 0; j < n; j++) {
                    g.set(i, j, rnd.nextGaussian());
                    dot += g.get(i, j) * xf[j];
                }
                h[i] = dot + 0.05 + 2 * rnd.nextDouble();
            }
            problems.add(ConvexProblem.builder(n).minimize(new QuadraticFunction(p, q, 0))
                    .linearInequalities(g, h).build());
            interior.add(xf);
        }
    }

    @Benchmark
    public InteriorPointResult solve() {
        int k = next++ & 63;
        InteriorPointResult r = solver.solve(problems.get(k), start.equals("warm") ? interior.get(k) : null);
        if (r.status() != Status.OPTIMAL) {
            notOptimal++;
        }
        return r;
    }

    @TearDown(Level.Trial)
    public void report() {
        System.out.printf("%n[interior-point %s %s] solves not OPTIMAL: %d%n", size, start, notOptimal);
    }
}
