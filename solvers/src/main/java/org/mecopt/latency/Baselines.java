package org.mecopt.latency;

import java.util.Arrays;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
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
        protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
            return claim(instance, instance.solutionFor(equalPower(instance)), Status.FEASIBLE);
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
        protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
            double[][] power = equalPower(instance);
            int k = instance.userCount();
            double[] ratio = new double[k];
            double[] latency = new double[k];
            for (int u = 0; u < k; u++) {
                ratio[u] = 1;
                latency[u] = instance.latency(u, instance.rate(power, u), 1);
            }
            return claim(instance, new LatencySolution(power, ratio, latency), Status.FEASIBLE);
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
            return "baseline: rho = 0, p = 0 (INFEASIBLE_POINT when local computing is off)";
        }

        @Override
        protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
            int k = instance.userCount();
            double[] latency = new double[k];
            for (int u = 0; u < k; u++) {
                latency[u] = instance.localTime(u);
            }
            LatencySolution s = new LatencySolution(new double[instance.subcarrierCount()][k], new double[k], latency);
            return claim(instance, s, Status.FEASIBLE);
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
        protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
            double[][] power = InterferenceFreeBound.waterFilledPower(instance);
            return claim(instance, instance.solutionFor(power), Status.FEASIBLE).withMessage(
                    "lowerBound is the interference-free bound; the solution is its power evaluated with interference");
        }
    }
}
