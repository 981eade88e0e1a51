package org.mecopt.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.env.ParallelStep;

/**
 * Steps per second of the {@code deadline-energy} simulator per CPU-second of the running thread,
 * beside wall-clock steps per second: on a shared machine JMH's wall-clock throughput
 * ({@link DeadlineEnergyBenchmark}) mostly measures the other processes, while the target
 * (≥ 20 000 steps/s for K = 10, M = 100) is per core. Same loop as the benchmark: scenario generation
 * at every reset included; 2 rounds of 60 000 steps per case, the first as warm-up.
 *
 * <p>HOW TO RUN: {@code java -cp benchmarks/target/benchmarks.jar org.mecopt.benchmarks.DeadlineEnergyCpuTime}.
 */
public final class DeadlineEnergyCpuTime {
    private DeadlineEnergyCpuTime() {
    }

    public static void main(String[] args) {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[][] constant = new double[config.users()][];
        Arrays.fill(constant, new double[] {0.5, 0.5});
        for (String name : List.of("fixed", "heuristic", "just-in-time", "per-step-optimal")) {
            for (int round = 0; round < 2; round++) {
                DeadlineEnergyEnv env = new DeadlineEnergyEnv(config);
                DeadlinePolicy policy = name.equals("fixed") ? null : DeadlinePolicies.create(name, config);
                env.reset(DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
                if (policy != null) {
                    policy.begin(env.scenario().info());
                }
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                int steps = 60_000;
                for (int i = 0; i < steps; i++) {
                    ParallelStep s = env.step(List.of(policy == null ? constant : policy.act(env.view())));
                    if (s.done()) {
                        env.reset();
                        if (policy != null) {
                            policy.begin(env.scenario().info());
                        }
                    }
                }
                if (round == 1) {
                    System.out.printf(Locale.ROOT, "%-18s %8.0f steps per CPU-second, %8.0f per wall-second%n", name,
                            steps / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9), steps / ((System.nanoTime() - wall) / 1e9));
                }
            }
        }
    }
}
