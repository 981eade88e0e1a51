package org.mecopt.latency;

import java.util.Arrays;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/** Seed 001's simple baselines, as solvers. */
public final class Baselines {
    private Baselines() {
    }

    /** {@code p = 1/N} on every subcarrier for every user: the {@code equal-power} baseline's powers. */
    public static double[][] equalPower(LatencyInstance instance) {
        double[][] power = new double[instance.subcarrierCount()][instance.userCount()];
        for (double[] row : power) {
            Arrays.fill(row, 1.0 / instance.subcarrierCount());
        }
        return power;
    }

    /** {@code equal-power}: p = 1/N on every subcarrier, best ratio per user. */
    public static final class EqualPower extends PowerSolver {
        @Override
        public String name() {
            return "equal-power";
        }

        @Override
        public String guarantee() {
            return "feasible baseline: p = 1/N on every subcarrier, best offloading ratio";
        }

        @Override
        public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
            long start = System.nanoTime();
            return finish(instance, instance.solutionFor(equalPower(instance)), Status.FEASIBLE, 1, start, "");
        }
    }

    /** {@code full-offload}: p = 1/N, every task offloaded in full (ρ = 1). */
    public static final class FullOffload extends PowerSolver {
        @Override
        public String name() {
            return "full-offload";
        }

        @Override
        public String guarantee() {
            return "feasible baseline: p = 1/N, rho = 1 (no local computing)";
        }

        @Override
        public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
            long start = System.nanoTime();
            double[][] power = equalPower(instance);
            int k = instance.userCount();
            double[] ratio = new double[k];
            double[] latency = new double[k];
            for (int u = 0; u < k; u++) {
                ratio[u] = 1;
                latency[u] = instance.latency(u, instance.rate(power, u), 1);
            }
            return finish(instance, new LatencySolution(power, ratio, latency), Status.FEASIBLE, 1, start, "");
        }
    }

    /** {@code local-only}: nothing offloaded, no power spent (infeasible without local computing). */
    public static final class LocalOnly extends PowerSolver {
        @Override
        public String name() {
            return "local-only";
        }

        @Override
        public String guarantee() {
            return "baseline: rho = 0, p = 0 (INFEASIBLE when local computing is off)";
        }

        @Override
        public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
            long start = System.nanoTime();
            int k = instance.userCount();
            double[] latency = new double[k];
            for (int u = 0; u < k; u++) {
                latency[u] = instance.localTime(u);
            }
            LatencySolution s = new LatencySolution(new double[instance.subcarrierCount()][k], new double[k], latency);
            return finish(instance, s, Status.FEASIBLE, 1, start, "");
        }
    }

    /** {@code interference-free}: the water-filled powers of the lower bound, evaluated with interference. */
    public static final class InterferenceFree extends PowerSolver {
        @Override
        public String name() {
            return "interference-free";
        }

        @Override
        public String guarantee() {
            return "the interference-free lower bound (lowerBound), with its water-filled powers as a feasible point";
        }

        @Override
        public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
            long start = System.nanoTime();
            double[][] power = InterferenceFreeBound.waterFilledPower(instance);
            return finish(instance, instance.solutionFor(power), Status.FEASIBLE, 1, start,
                    "lowerBound is the interference-free bound; the solution is its power evaluated with interference");
        }
    }
}
