package org.mecopt.models.deadline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.mecopt.deadline.ClassTotals;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.EpisodeMetrics;
import org.mecopt.deadline.ScenarioGenerator;
import org.mecopt.deadline.Simulation;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.policy.DeadlinePolicy;

/**
 * Fig. 1's per-class measures of several policies on the same evaluation episodes (scenario seeds
 * {@code firstSeed, firstSeed + 1, …}), with 95 % confidence intervals. A class's success rate is
 * pooled over the episodes (Σ successes / Σ arrivals, the paper's definition), likewise the
 * normalized energy (Σ energy / Σ arrivals / E_max); their intervals are the ratio estimator's
 * (delta method over episodes: {@code 1.96 · sd_e(y_e − R·x_e) / (√n · mean_e x_e)}), since episodes
 * are independent but their arrival counts differ. Used by {@code train deadline-energy} to check
 * the trained actor on episodes training never saw.
 */
public final class PolicyComparison {
    private PolicyComparison() {
    }

    /** A value and the half-width of its 95 % confidence interval. */
    public record Estimate(double value, double halfWidth) {
    }

    /** One policy's measures for one class over the evaluation episodes. */
    public record ClassResult(Estimate successRate, Estimate normalizedEnergy, long arrivals) {
    }

    /** One policy's results, per class, and its mean team return per episode. */
    public record Row(String policy, Map<TaskClass, ClassResult> classes, double meanReturn) {
    }

    /**
     * Runs every policy on {@code episodes} scenarios from {@code firstSeed} on.
     *
     * @param policies name → a fresh policy
     */
    public static List<Row> compare(DeadlineEnergyConfig config, Map<String, Supplier<DeadlinePolicy>> policies,
                                    long firstSeed, int episodes) {
        if (episodes < 2) {
            throw new IllegalArgumentException("episodes = " + episodes + " must be >= 2 for a confidence interval");
        }
        Map<String, List<EpisodeMetrics>> results = new LinkedHashMap<>();
        Map<String, Double> returns = new LinkedHashMap<>();
        policies.keySet().forEach(n -> results.put(n, new ArrayList<>()));
        policies.keySet().forEach(n -> returns.put(n, 0.0));
        for (int e = 0; e < episodes; e++) {
            var scenario = ScenarioGenerator.generate(config, firstSeed + e);
            for (var p : policies.entrySet()) {
                Simulation.Episode run = Simulation.run(scenario, p.getValue().get(), false);
                results.get(p.getKey()).add(run.metrics());
                returns.merge(p.getKey(), run.teamReturn() / episodes, Double::sum);
            }
        }
        List<Row> rows = new ArrayList<>();
        for (var r : results.entrySet()) {
            Map<TaskClass, ClassResult> classes = new LinkedHashMap<>();
            for (TaskClass c : TaskClass.values()) {
                List<ClassTotals> totals = r.getValue().stream().map(m -> m.of(c)).toList();
                double[] arrivals = totals.stream().mapToDouble(ClassTotals::arrivals).toArray();
                double[] successes = totals.stream().mapToDouble(ClassTotals::successes).toArray();
                double[] energy = totals.stream().mapToDouble(t -> t.energyJ() / config.maxStepEnergyJ()).toArray();
                classes.put(c, new ClassResult(ratio(successes, arrivals), ratio(energy, arrivals),
                        (long) java.util.Arrays.stream(arrivals).sum()));
            }
            rows.add(new Row(r.getKey(), classes, returns.get(r.getKey())));
        }
        return rows;
    }

    /** Σy / Σx with the delta method's 95 % half-width (NaN without any x). */
    static Estimate ratio(double[] y, double[] x) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        if (sx == 0) {
            return new Estimate(Double.NaN, Double.NaN);
        }
        double r = sy / sx;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (y[i] - r * x[i]) / n;
        }
        double variance = 0;
        for (int i = 0; i < n; i++) {
            double d = y[i] - r * x[i] - mean;
            variance += d * d / (n - 1);
        }
        return new Estimate(r, 1.96 * Math.sqrt(variance / n) / (sx / n));
    }
}
