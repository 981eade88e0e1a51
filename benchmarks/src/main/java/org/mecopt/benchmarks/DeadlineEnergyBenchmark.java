package org.mecopt.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.env.ParallelStep;
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
 * How many steps per second does the {@code deadline-energy} simulator run at K = 10, M = 100
 * (target, issue 14: ≥ 20 000 on one core)? Each invocation is one environment step of all K users;
 * at the end of an episode it resets, which draws the next scenario (topology, arrivals and the
 * fading and K×K gains of all T steps), so scenario generation is included, amortized over the
 * episode's 200 steps. {@code fixed} plays constant actions (the environment alone); the other cases
 * add the named policy's decision per step.
 *
 * <p>HOW TO RUN: {@code java -jar benchmarks/target/benchmarks.jar DeadlineEnergyBenchmark} (one
 * JMH thread: the target is per core). Reports operations (steps) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class DeadlineEnergyBenchmark {

    @Param({"fixed", "heuristic", "just-in-time", "per-step-optimal"})
    public String policy;

    private DeadlineEnergyEnv env;
    private DeadlinePolicy actor;
    private List<double[]> fixed;

    @Setup(Level.Trial)
    public void setUp() {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        env = new DeadlineEnergyEnv(config);
        double[][] a = new double[config.users()][];
        Arrays.fill(a, new double[] {0.5, 0.5});
        fixed = List.of(a);
        actor = policy.equals("fixed") ? null : DeadlinePolicies.create(policy, config);
        env.reset(DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
        begin();
    }

    private void begin() {
        if (actor != null) {
            actor.begin(env.scenario().info());
        }
    }

    @Benchmark
    public double step() {
        List<double[]> actions = actor == null ? fixed : List.of(actor.act(env.view()));
        ParallelStep s = env.step(actions);
        if (s.done()) {
            env.reset();
            begin();
        }
        return s.reward(0);
    }
}
