package org.mecopt.cli.experiments;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Seed 004 Fig. 4: average delay against a homogeneous server CPU. Every CPU value reuses the same
 * seeded devices and channels (common random numbers), so the curves differ by the solvers only.
 * The parameters are MODEL.md §1's literal reading; no other reading we tried reproduces the
 * paper's numbers (README, "Seed 004 Fig. 4"), so there is no preset to choose.
 */
@Command(name = "offloading-cpu-sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Seed 004 Fig. 4: average delay vs homogeneous server CPU (M=9, N=3, Mmax=3).")
final class CpuSweepCommand implements Callable<Integer> {

    /** The paper's reported delays at 5 GHz (seed 004 §IV-C), drawn as reference markers. */
    private static final Map<String, Double> PAPER_AT_5_GHZ = new LinkedHashMap<>();

    static {
        PAPER_AT_5_GHZ.put("ROA (paper, 5 GHz)", 0.85);
        PAPER_AT_5_GHZ.put("GOA (paper, 5 GHz)", 0.70);
        PAPER_AT_5_GHZ.put("DQN-RAO (paper, 5 GHz)", 0.60);
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Output directory (CSV and PNG).")
    Path out;

    @Option(names = "--instances", defaultValue = "300", description = "Instances per CPU value (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the first instance (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--cpu-ghz", split = ",", defaultValue = "5,5.5,6,6.5,7,7.5,8,8.5,9,9.5,10",
            description = "Server CPU values in GHz (default ${DEFAULT-VALUE}).")
    List<Double> cpuGhz;

    @Option(names = "--solvers", split = ",", defaultValue = "roa,goa,greedy,local-search,dqn-rao,exact",
            description = "Solvers to compare (default ${DEFAULT-VALUE}).")
    List<String> solvers;

    @Override
    public Integer call() throws Exception {
        if (instances < 1) {
            throw new InvalidInstanceException("--instances", instances, "must be >= 1");
        }
        ExperimentFiles.checkDirectory(out);
        List<Solver<OffloadingInstance, OffloadingSolution>> chosen = new ArrayList<>();
        for (String name : solvers) {
            chosen.add(SolverRegistry.get(OffloadingInstance.class, name));
        }
        for (double ghz : cpuGhz) {
            if (!(ghz > 0)) {
                throw new InvalidInstanceException("--cpu-ghz", ghz, "must be > 0");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        OffloadingGenerator.Config config = OffloadingGenerator.Config.PAPER;
        List<OffloadingInstance> base = new ArrayList<>(instances);
        for (int i = 0; i < instances; i++) {
            base.add(OffloadingGenerator.generate(config, seed + i));
        }
        StringBuilder csv = new StringBuilder("cpu_ghz,solver,mean_delay_s,ci95_s,infeasible_share,instances\n");
        Map<String, double[]> curves = new LinkedHashMap<>();
        for (int k = 0; k < cpuGhz.size(); k++) {
            double ghz = cpuGhz.get(k);
            for (Solver<OffloadingInstance, OffloadingSolution> solver : chosen) {
                double[] delay = new double[instances];
                int infeasible = 0;
                for (int i = 0; i < instances; i++) {
                    OffloadingInstance instance = base.get(i).withServerCpu(ghz * 1e9);
                    Result<OffloadingSolution> r = solver.solve(instance, SolverOptions.defaults().withSeed(seed + i));
                    delay[i] = r.objective();
                    infeasible += r.violations().isEmpty() ? 0 : 1;
                }
                SampleMean mean = SampleMean.of(delay);
                curves.computeIfAbsent(solver.name(), s -> new double[cpuGhz.size()])[k] = mean.mean();
                csv.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.6f,%.4f,%d%n", ghz, solver.name(),
                        mean.mean(), mean.ci95(), (double) infeasible / instances, instances));
            }
            err.printf(Locale.ROOT, "cpu %.1f GHz done (%d/%d)%n", ghz, k + 1, cpuGhz.size());
        }
        ExperimentFiles.write(out, "offloading-cpu-sweep", csv.toString(), plot(curves));
        spec.commandLine().getOut().print(csv);
        spec.commandLine().getOut().flush();
        return 0;
    }

    private byte[] plot(Map<String, double[]> curves) throws java.io.IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title("Seed 004 Fig. 4: M=9, N=3, Mmax=3, homogeneous servers")
                .xAxisTitle("Server CPU frequency (GHz)").yAxisTitle("Average delay (s)").build();
        double[] x = cpuGhz.stream().mapToDouble(Double::doubleValue).toArray();
        curves.forEach((name, y) -> chart.addSeries(name, x, y));
        PAPER_AT_5_GHZ.forEach((name, y) -> {
            XYSeries s = chart.addSeries(name, new double[] {5}, new double[] {y});
            s.setMarker(SeriesMarkers.DIAMOND);
        });
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
