package org.mecopt.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemFamily;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;
import org.mecopt.models.learning.LearnedSolver;
import org.mecopt.models.offloading.OffloadingComparison;
import org.mecopt.models.offloading.OffloadingComparison.Contender;
import org.mecopt.offloading.OffloadingFamily;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "offloading", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Offloading solvers (by default dqn-rao beside the paper's baselines and our heuristics) against",
                "exact's proven optimum on unseen seeded instances: gap mean / median / p95 / max, share solved",
                "optimally, share feasible, mean delay and warm decision time (comparison.csv, summary.json).",
                "The instance distribution is given by the same options as 'instance offloading'."})
final class EvaluateOffloadingCommand implements Callable<Integer>, FamilyCommands.WithFamilyOptions {
    private static final OffloadingFamily FAMILY = new OffloadingFamily();

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Report directory.")
    Path out;

    @Option(names = "--instances", defaultValue = "300", description = "Instances (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--seed", defaultValue = "1000000",
            description = "Seed of the first instance; training draws its instances elsewhere (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--solvers", split = ",", defaultValue = "dqn-rao,roa,goa,greedy,local-search",
            description = "Solvers to compare with exact (default ${DEFAULT-VALUE}).")
    List<String> solvers;

    @Option(names = "--model", description = "Model directory for the learned solvers (default: their bundled models).")
    Path model;

    @Override
    public ProblemFamily<?, ?, ?> family() {
        return FAMILY;
    }

    @Override
    public Integer call() throws Exception {
        if (instances < 1) {
            throw new InvalidInstanceException("--instances", instances, "must be >= 1");
        }
        if (model != null && !Files.isDirectory(model)) {
            throw new InvalidInstanceException("--model", model, "is not a directory");
        }
        ExperimentFiles.checkDirectory(out);
        OffloadingGenerator.Config config = (OffloadingGenerator.Config) FamilyCommands.config(spec, FAMILY);
        List<Contender> contenders = new ArrayList<>();
        for (String name : solvers) {
            Solver<OffloadingInstance, OffloadingSolution> solver = SolverRegistry.get(OffloadingInstance.class, name);
            boolean learned = solver.parameters().stream().anyMatch(p -> p.name().equals(LearnedSolver.MODEL_PARAMETER));
            contenders.add(new Contender(solver, learned && model != null
                    ? Map.of(LearnedSolver.MODEL_PARAMETER, model.toString()) : Map.of()));
        }
        List<OffloadingInstance> unseen = OffloadingComparison.instances(config, seed, instances);
        for (Contender contender : contenders) {
            if (!contender.parameters().isEmpty()) { // a model of another size would measure nothing
                Result<OffloadingSolution> first = contender.solver().solve(unseen.get(0),
                        SolverOptions.defaults().withParameter(LearnedSolver.MODEL_PARAMETER, model.toString()));
                if (first.status() == Status.UNSUPPORTED) {
                    throw new InvalidInstanceException("--model", model, "does not fit these instances: "
                            + first.message());
                }
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        OffloadingComparison.Comparison c = OffloadingComparison.compare(unseen, contenders, line -> {
                    err.println(line);
                    err.flush();
                });
        StringBuilder csv = new StringBuilder(
                "solver,feasible_share,mean_gap,median_gap,p95_gap,max_gap,optimal_share,mean_delay_of_feasible_s,median_ms\n");
        ObjectNode summary = Json.mapper().createObjectNode();
        summary.put("instances", c.instances()).put("firstSeed", seed).put("unproven", c.unproven());
        summary.set("config", Json.mapper().valueToTree(config));
        ArrayNode rows = summary.putArray("rows");
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%d instances (%d×%d, maxTasks %d), gaps to exact's optimum (%d not proven, left out)%n",
                c.instances(), config.devices(), config.servers(), config.maxTasks(), c.unproven());
        o.printf(Locale.ROOT, "%-14s %9s %9s %9s %9s %9s %9s %11s %10s%n", "solver", "feasible", "mean gap",
                "median", "p95", "max", "optimal", "mean delay", "median ms");
        for (OffloadingComparison.Row r : c.rows()) {
            csv.append(String.format(Locale.ROOT, "%s,%.4f,%.6g,%.6g,%.6g,%.6g,%.4f,%.6g,%.6g%n", r.solver(),
                    r.feasibleShare(), r.meanGap(), r.medianGap(), r.p95Gap(), r.maxGap(), r.optimalShare(),
                    r.meanDelay(), r.medianMillis()));
            rows.add(Json.mapper().valueToTree(r));
            o.printf(Locale.ROOT, "%-14s %8.1f%% %8.2f%% %8.2f%% %8.2f%% %8.2f%% %8.1f%% %10.4f s %10.4f%n", r.solver(),
                    100 * r.feasibleShare(), 100 * r.meanGap(), 100 * r.medianGap(), 100 * r.p95Gap(),
                    100 * r.maxGap(), 100 * r.optimalShare(), r.meanDelay(), r.medianMillis());
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve("comparison.csv"), csv.toString());
        AtomicFiles.writeString(out.resolve("summary.json"), Json.toText(summary));
        o.flush();
        return 0;
    }
}
