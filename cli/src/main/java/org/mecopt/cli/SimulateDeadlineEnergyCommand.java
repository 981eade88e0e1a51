package org.mecopt.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.DeadlineEnergyFigure;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.cli.experiments.SampleMean;
import org.mecopt.deadline.ClassTotals;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.EpisodeMetrics;
import org.mecopt.deadline.Scenario;
import org.mecopt.deadline.ScenarioGenerator;
import org.mecopt.deadline.Simulation;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.TraceCodec;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mecopt simulate deadline-energy}: runs a registered policy (or recorded actions) on seed
 * 000's simulator (docs/deadline-energy.md) and writes {@code DIR/metrics.json} (per class
 * successRate, normalizedEnergy, energyPerTaskJ, tasks — pooled over the episodes: ratios of sums),
 * {@code DIR/episodes.csv} (per episode and class), {@code DIR/fig1.png} and, with {@code --trace},
 * {@code DIR/traces/episode-00000.json}… (issue 14's trace format, {@link TraceCodec}). Episode i
 * runs the scenario of seed {@code --seed + i}; {@code --scenario} replays a recorded scenario with any
 * policy, {@code --actions} replays a trace's recorded actions (on its own scenario, or on
 * {@code --scenario}'s).
 */
@Command(name = "deadline-energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seed 000: XR/IoT tasks with multi-step deadlines in cell-free MEC (docs/deadline-energy.md).",
            "Policies: every registered one: heuristic, just-in-time, per-step-optimal, per-step-optimal-reliable,",
            "and learned ones (e.g. maddpg) when their module is on the class path."})
final class SimulateDeadlineEnergyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", description = "Registered policy name (not with --actions).")
    String policy;

    @Option(names = "--episodes", description = "Episodes (default 1; 1 with --scenario or --actions).")
    Integer episodes;

    @Option(names = "--seed", defaultValue = "" + DeadlineEnergyEnv.FIRST_EVALUATION_SEED,
            description = "Scenario seed of the first episode (default ${DEFAULT-VALUE}: evaluation seeds start there; "
                    + "training uses seeds below).")
    long seed;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--trace", description = "Also write one trace per episode to DIR/traces/.")
    boolean trace;

    @Option(names = "--scenario", description = "Replay the scenario of this trace or scenario file.")
    Path scenarioFile;

    @Option(names = "--actions", description = "Replay the actions recorded in this trace file.")
    Path actionsFile;

    @Override
    public Integer call() throws IOException {
        int n = episodes == null ? 1 : episodes;
        if (n < 1) {
            throw new InvalidInstanceException("--episodes", n, "must be >= 1");
        }
        boolean replay = scenarioFile != null || actionsFile != null;
        if (!replay && seed < DeadlineEnergyEnv.FIRST_EVALUATION_SEED) {
            spec.commandLine().getErr().printf(Locale.ROOT, "warning: --seed %d is in the training range "
                    + "(< %d): learned policies may have seen these episodes%n", seed, DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
        }
        if (replay && n != 1) {
            throw new InvalidInstanceException("--episodes", n, "must be 1 with --scenario or --actions (one recorded episode)");
        }
        if (actionsFile != null && policy != null) {
            throw new InvalidInstanceException("--policy", policy, "cannot be combined with --actions (the actions are recorded)");
        }
        if (actionsFile == null && policy == null) {
            throw new InvalidInstanceException("--policy", null, "is required (known: " + DeadlinePolicies.names() + ")");
        }
        if (policy != null && !DeadlinePolicies.names().contains(policy)) {
            throw new InvalidInstanceException("--policy", policy, "is not registered; known: " + DeadlinePolicies.names());
        }
        ExperimentFiles.checkDirectory(out);
        Scenario fixed = null;
        double[][][] actions = null;
        if (scenarioFile != null) {
            fixed = TraceCodec.readScenario(read(scenarioFile, "--scenario"));
        }
        if (actionsFile != null) {
            String text = read(actionsFile, "--actions");
            actions = TraceCodec.readActions(text);
            if (fixed == null) {
                fixed = TraceCodec.readScenario(text);
            }
        }
        DeadlineEnergyConfig config = fixed == null ? DeadlineEnergyConfig.defaults() : fixed.config();
        List<Simulation.Episode> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Scenario s = fixed != null ? fixed : ScenarioGenerator.generate(config, seed + i);
            results.add(actions != null ? Simulation.replay(s, actions, trace)
                    : Simulation.run(s, DeadlinePolicies.create(policy, config), trace));
        }
        write(config, results, fixed != null);
        return 0;
    }

    private static String read(Path file, String option) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInstanceException(option, file, "is not a readable file");
        }
        return Files.readString(file);
    }

    private void write(DeadlineEnergyConfig config, List<Simulation.Episode> results, boolean replayed) throws IOException {
        EpisodeMetrics pooled = EpisodeMetrics.empty(config);
        StringBuilder csv = new StringBuilder("episode,seed,class,tasks,successes,successRate,normalizedEnergy,"
                + "energyPerTaskJ,localEnergyJ,offloadEnergyJ,localBits,offloadBits,droppedBits,teamReturn\n");
        Map<TaskClass, List<Double>> success = new EnumMap<>(TaskClass.class);
        Map<TaskClass, List<Double>> energy = new EnumMap<>(TaskClass.class);
        for (int i = 0; i < results.size(); i++) {
            Simulation.Episode e = results.get(i);
            pooled = pooled.plus(e.metrics());
            for (TaskClass c : TaskClass.values()) {
                ClassTotals t = e.metrics().of(c);
                csv.append(String.format(Locale.ROOT, "%d,%s,%s,%d,%d,%.6f,%.6f,%.6e,%.6e,%.6e,%.1f,%.1f,%.1f,%.4f%n", i,
                        replayed ? "" : Long.toString(seed + i), c.label(), t.arrivals(), t.successes(), t.successRate(),
                        t.normalizedEnergy(config), t.energyPerTaskJ(), t.localEnergyJ(), t.offloadEnergyJ(), t.localBits(),
                        t.offloadBits(), t.droppedBits(), e.teamReturn()));
                if (t.arrivals() > 0) {
                    success.computeIfAbsent(c, x -> new ArrayList<>()).add(t.successRate());
                    energy.computeIfAbsent(c, x -> new ArrayList<>()).add(t.normalizedEnergy(config));
                }
            }
        }
        ObjectNode metrics = Json.mapper().createObjectNode();
        for (TaskClass c : TaskClass.values()) {
            ClassTotals t = pooled.of(c);
            ObjectNode node = metrics.putObject(c.label());
            putNumber(node, "successRate", t.successRate());
            putNumber(node, "normalizedEnergy", t.normalizedEnergy(config));
            putNumber(node, "energyPerTaskJ", t.energyPerTaskJ());
            node.put("tasks", t.arrivals());
        }
        Map<TaskClass, SampleMean> s = new EnumMap<>(TaskClass.class);
        Map<TaskClass, SampleMean> en = new EnumMap<>(TaskClass.class);
        for (TaskClass c : TaskClass.values()) {
            if (success.containsKey(c)) {
                s.put(c, SampleMean.of(success.get(c).stream().mapToDouble(Double::doubleValue).toArray()));
                en.put(c, SampleMean.of(energy.get(c).stream().mapToDouble(Double::doubleValue).toArray()));
            }
        }
        Map<String, DeadlineEnergyFigure.Bars> bars = new LinkedHashMap<>();
        bars.put(policy == null ? "recorded actions" : policy, new DeadlineEnergyFigure.Bars(s, en));
        byte[] png = DeadlineEnergyFigure.png(bars);
        Files.createDirectories(out);
        if (trace) {
            Path dir = out.resolve("traces");
            Files.createDirectories(dir);
            for (int i = 0; i < results.size(); i++) {
                AtomicFiles.writeString(dir.resolve(String.format(Locale.ROOT, "episode-%05d.json", i)),
                        TraceCodec.write(results.get(i).trace()));
            }
        }
        AtomicFiles.writeString(out.resolve("episodes.csv"), csv.toString());
        AtomicFiles.write(out.resolve("fig1.png"), png);
        String json = Json.toText(metrics);
        AtomicFiles.writeString(out.resolve("metrics.json"), json);
        spec.commandLine().getOut().print(json);
        spec.commandLine().getOut().flush();
    }

    /** JSON has no NaN: a class without tasks gets null. */
    private static void putNumber(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }
}
