package org.mecopt.cli.experiments;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.policy.EdgePolicies;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.models.edge.EdgeCurves;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 003 Fig. 6: the training curves of several {@code mecopt train qoe-edge} runs side by side
 * (system QoE, latency, SU/DU/GU/CU, moving average over 50 episodes), with the classical policies'
 * means on systems of the training distribution as flat lines.
 */
@Command(name = "qoe-training-curves", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Seed 003 Fig. 6: training curves of qoe-edge runs (system QoE, latency, SU/DU/GU/CU, moving",
                "average over 50 episodes) with daes and ga-aware as reference lines. Writes fig6.csv and fig6.png."})
final class QoeTrainingCurvesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--runs", required = true, split = ",",
            description = "NAME=DIR of each training run (the --out of `mecopt train qoe-edge`), e.g. mamaxent=runs/m.")
    List<String> runs;

    @Option(names = "--out", required = true, description = "Output directory.")
    Path out;

    @Option(names = "--references", split = ",", defaultValue = "daes,ga-aware",
            description = "Policies drawn as flat lines (default ${DEFAULT-VALUE}; none: an empty value).")
    List<String> references;

    @Option(names = "--reference-systems", defaultValue = "50",
            description = "Training-distribution systems (seeds 0…) averaged for each reference (default ${DEFAULT-VALUE}).")
    int referenceSystems;

    @Option(names = "--users", defaultValue = "110", description = "Users of the runs' systems (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--deployment-seed", defaultValue = "3", description = "The runs' deployment (default ${DEFAULT-VALUE}).")
    long deploymentSeed;

    @Override
    public Integer call() throws Exception {
        ExperimentFiles.checkDirectory(out);
        if (referenceSystems < 1) {
            throw new InvalidInstanceException("--reference-systems", referenceSystems, "must be >= 1");
        }
        Map<String, EdgeCurves> curves = new LinkedHashMap<>();
        for (String r : runs) {
            int eq = r.indexOf('=');
            if (eq < 1) {
                throw new InvalidInstanceException("--runs", r, "must be NAME=DIR");
            }
            Path dir = Path.of(r.substring(eq + 1));
            Path file = dir.resolve("training/fig6.csv");
            if (!Files.isRegularFile(file)) {
                throw new InvalidInstanceException("--runs", r, "has no training/fig6.csv (not a train qoe-edge output)");
            }
            curves.put(r.substring(0, eq), EdgeCurves.read(file));
        }
        Map<String, double[]> means = new LinkedHashMap<>();
        EdgeSystemGenerator.Deployment deployment = EdgeSystemGenerator.deployment(
                EdgeSystemGenerator.Config.SEED_003.withUsers(users), deploymentSeed);
        for (String spec : references) {
            if (spec.isBlank()) {
                continue;
            }
            EdgePolicy p;
            try {
                p = EdgePolicies.create(spec);
            } catch (IllegalArgumentException e) {
                throw new InvalidInstanceException("--references", spec, e.getMessage());
            }
            double[] m = new double[EdgeCurves.COLUMNS.length];
            for (int k = 0; k < referenceSystems; k++) {
                EdgeSystem system = EdgeAllocationEnv.system(deployment, k);
                SystemOutcome o = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(p.allocate(system));
                double[] v = {o.systemQoe(), o.meanLatencyS(), o.satisfied(), o.disturbed(), o.lost(), o.cloud()};
                for (int j = 0; j < m.length; j++) {
                    m[j] += v[j] / referenceSystems;
                }
            }
            means.put(spec, m);
        }
        StringBuilder csv = new StringBuilder("run,episode");
        for (String c : EdgeCurves.COLUMNS) {
            csv.append(',').append(c).append("_ma").append(EdgeCurves.WINDOW);
        }
        csv.append('\n');
        for (var e : curves.entrySet()) {
            double[][] ma = new double[EdgeCurves.COLUMNS.length][];
            for (int c = 0; c < ma.length; c++) {
                ma[c] = e.getValue().movingAverage(c);
            }
            for (int i = 0; i < e.getValue().size(); i++) {
                csv.append(e.getKey()).append(',').append(i + 1);
                for (double[] column : ma) {
                    csv.append(String.format(Locale.ROOT, ",%.6g", column[i]));
                }
                csv.append('\n');
            }
        }
        for (var e : means.entrySet()) {
            csv.append(e.getKey()).append(",reference");
            for (double v : e.getValue()) {
                csv.append(String.format(Locale.ROOT, ",%.6g", v));
            }
            csv.append('\n');
        }
        ExperimentFiles.write(out, "fig6", csv, EdgeCurves.overlay(curves, means));
        var o = spec.commandLine().getOut();
        for (var e : curves.entrySet()) {
            o.printf(Locale.ROOT, "%-10s %6d episodes, last %d: system QoE %.2f%n", e.getKey(), e.getValue().size(),
                    EdgeCurves.WINDOW, e.getValue().recent(0, EdgeCurves.WINDOW));
        }
        for (var e : means.entrySet()) {
            o.printf(Locale.ROOT, "%-10s reference on %d training-distribution systems: system QoE %.2f%n", e.getKey(),
                    referenceSystems, e.getValue()[0]);
        }
        o.flush();
        return 0;
    }
}
