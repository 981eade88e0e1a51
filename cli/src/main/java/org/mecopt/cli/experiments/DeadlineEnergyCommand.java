package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.ClassTotals;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.EpisodeMetrics;
import org.mecopt.deadline.Scenario;
import org.mecopt.deadline.ScenarioGenerator;
import org.mecopt.deadline.Simulation;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.policy.DeadlinePolicies;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 000 Fig. 1 and past it: per class the task success rate and the normalized energy per
 * task-generation opportunity of every policy, with 95 % confidence intervals over evaluation
 * episodes. Every policy runs on the same scenarios (common random numbers), drawn from seeds
 * {@code --seed, --seed+1, …}; the default starts at {@link DeadlineEnergyEnv#FIRST_EVALUATION_SEED}
 * (10^6), and training uses seeds below it, so learned policies are evaluated on episodes they never
 * saw. An interval is over episodes: each episode's per-class ratio is one sample (an episode without
 * a user of a class gives no sample for it); the pooled ratio of sums is in the CSV too.
 */
@Command(name = "deadline-energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 000 Fig. 1: success rate and normalized energy per class for every policy, 95 %% CIs.")
final class DeadlineEnergyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
    Path out;

    @Option(names = "--policies", split = ",", description = "Policies (default: every registered one).")
    List<String> policies;

    @Option(names = "--episodes", defaultValue = "100", description = "Evaluation episodes (default ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", defaultValue = "" + DeadlineEnergyEnv.FIRST_EVALUATION_SEED,
            description = "Scenario seed of the first episode (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        if (episodes < 2) {
            throw new InvalidInstanceException("--episodes", episodes, "must be >= 2 (a confidence interval needs two)");
        }
        List<String> known = DeadlinePolicies.names();
        List<String> chosen = policies == null ? known : policies;
        for (String p : chosen) {
            if (!known.contains(p)) {
                throw new InvalidInstanceException("--policies", p, "is not registered; known: " + known);
            }
        }
        ExperimentFiles.checkDirectory(out);
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        PrintWriter err = spec.commandLine().getErr();
        if (seed < DeadlineEnergyEnv.FIRST_EVALUATION_SEED) {
            err.printf(Locale.ROOT, "warning: --seed %d is in the training range (< %d): learned policies may have seen "
                    + "these episodes%n", seed, DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
        }
        StringBuilder csv = new StringBuilder("policy,class,successRate,successRateCi95,normalizedEnergy,normalizedEnergyCi95,"
                + "energyPerTaskJ,pooledSuccessRate,pooledNormalizedEnergy,tasks,episodes,firstSeed,millisPerEpisode\n");
        Map<String, DeadlineEnergyFigure.Bars> bars = new LinkedHashMap<>();
        for (String name : chosen) {
            long start = System.nanoTime();
            Map<TaskClass, List<Double>> success = new EnumMap<>(TaskClass.class);
            Map<TaskClass, List<Double>> energy = new EnumMap<>(TaskClass.class);
            Map<TaskClass, List<Double>> perTask = new EnumMap<>(TaskClass.class);
            EpisodeMetrics pooled = EpisodeMetrics.empty(config);
            for (int i = 0; i < episodes; i++) {
                Scenario s = ScenarioGenerator.generate(config, seed + i);
                EpisodeMetrics m = Simulation.run(s, DeadlinePolicies.create(name, config), false).metrics();
                pooled = pooled.plus(m);
                for (TaskClass c : TaskClass.values()) {
                    ClassTotals t = m.of(c);
                    if (t.arrivals() > 0) {
                        success.computeIfAbsent(c, x -> new ArrayList<>()).add(t.successRate());
                        energy.computeIfAbsent(c, x -> new ArrayList<>()).add(t.normalizedEnergy(config));
                        perTask.computeIfAbsent(c, x -> new ArrayList<>()).add(t.energyPerTaskJ());
                    }
                }
            }
            double millis = (System.nanoTime() - start) / 1e6 / episodes;
            Map<TaskClass, SampleMean> s = new EnumMap<>(TaskClass.class);
            Map<TaskClass, SampleMean> e = new EnumMap<>(TaskClass.class);
            for (TaskClass c : TaskClass.values()) {
                if (!success.containsKey(c)) {
                    continue;
                }
                s.put(c, mean(success.get(c)));
                e.put(c, mean(energy.get(c)));
                csv.append(String.format(Locale.ROOT, "%s,%s,%.5f,%.5f,%.5f,%.5f,%.5e,%.5f,%.5f,%d,%d,%d,%.1f%n", name,
                        c.label(), s.get(c).mean(), s.get(c).ci95(), e.get(c).mean(), e.get(c).ci95(),
                        mean(perTask.get(c)).mean(), pooled.successRate(c), pooled.normalizedEnergy(c),
                        pooled.of(c).arrivals(), s.get(c).count(), seed, millis));
            }
            bars.put(name, new DeadlineEnergyFigure.Bars(s, e));
            err.printf(Locale.ROOT, "%s: %d episodes, %.0f ms each%n", name, episodes, millis);
            err.flush();
        }
        ExperimentFiles.write(out, "deadline-energy", csv, DeadlineEnergyFigure.png(bars));
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private static SampleMean mean(List<Double> values) {
        return SampleMean.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
