package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.cli.experiments.SampleMean;
import org.mecopt.edge.EdgeEvaluator;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.SystemOutcome;
import org.mecopt.edge.env.EdgeAllocationEnv;
import org.mecopt.edge.policy.EdgePolicies;
import org.mecopt.edge.policy.EdgePolicy;
import org.mecopt.io.AtomicFiles;
import org.mecopt.models.edge.EdgeModel;
import org.mecopt.models.edge.MarlConfig;
import org.mecopt.models.edge.MarlTrainer;
import org.mecopt.models.edge.UserQConfig;
import org.mecopt.models.edge.UserQTrainer;
import org.mecopt.models.rl.RlProgress;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "qoe-edge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a seed-003 task allocation agent on the seven-server edge system (users redrawn every",
                "episode, one fixed deployment): mamaxent or maddpg (the servers as agents, Table IV settings by default),",
                "idqn, vdn (= vdn-l) or vdn-g (the users as agents, epsilon 0.15). Writes model.json and the networks",
                "(the final policy), best/ (the best validation evaluation), training/ (Fig. 6 curves fig6.csv/png,",
                "losses, checkpoints) and comparison.csv (unseen evaluation systems, seeds >= 1 000 000, against daes",
                "and ga-aware). Rerunning into the same --out resumes from the last checkpoint. Use the model with",
                "the policy spec AGENT:DIR (e.g. mamaxent:runs/m110)."})
final class TrainQoeEdgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--agent", required = true, description = "mamaxent, maddpg, idqn, vdn, vdn-l or vdn-g.")
    String agent;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--users", defaultValue = "110", description = "Users |U|. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--deployment-seed", defaultValue = "3",
            description = "Seed of the fixed deployment (links, eta per user index). Default: ${DEFAULT-VALUE}.")
    long deploymentSeed;

    @Option(names = "--episodes", defaultValue = "20000", description = "Training episodes (paper: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--max-minutes", description = "Stop (checkpointed; rerun to continue) after this much wall time.")
    Double maxMinutes;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the networks, exploration, sampler and systems. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--hidden", split = ",", description = "Hidden widths (default 256,256,256 server side, Table IV; 64,64 user side).")
    List<Integer> hidden;

    @Option(names = "--learning-rate", description = "Adam's step of the networks (default 1e-4, Table IV).")
    Double learningRate;

    @Option(names = "--batch-size", description = "Episodes per update (default 256 server side, 32 user side).")
    Integer batchSize;

    @Option(names = "--buffer-size", defaultValue = "20000", description = "Replay capacity (episodes). Default: ${DEFAULT-VALUE}.")
    int bufferSize;

    @Option(names = "--warmup", defaultValue = "500", description = "Episodes stored before the first update (T_c). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--actor-every", defaultValue = "15", description = "Server side: episodes between actor and target updates (Table IV: ${DEFAULT-VALUE}).")
    int actorEvery;

    @Option(names = "--temperature-every", defaultValue = "5", description = "MAMaxEnt: episodes between temperature updates (Table IV: ${DEFAULT-VALUE}).")
    int temperatureEvery;

    @Option(names = "--temperature-learning-rate", defaultValue = "0.001", description = "MAMaxEnt: Adam's step on log omega (Table IV: ${DEFAULT-VALUE}).")
    double temperatureLearningRate;

    @Option(names = "--target-entropy-ratio", defaultValue = "0.98",
            description = "MAMaxEnt: target entropy per user as a fraction of log 7 (SAC-discrete; the paper's -1 cannot work). Default: ${DEFAULT-VALUE}.")
    double targetEntropyRatio;

    @Option(names = "--initial-omega", defaultValue = "0.2",
            description = "MAMaxEnt: initial temperature (0.01 let the policies collapse to determinism at 110 users). Default: ${DEFAULT-VALUE}.")
    double initialOmega;

    @Option(names = "--per-server-actors", description = "Server side: one actor per server (the paper) instead of one shared actor with a server one-hot.")
    boolean perServerActors;

    @Option(names = "--epsilon", defaultValue = "0.15", description = "User side: epsilon-greedy exploration (paper: ${DEFAULT-VALUE}).")
    double epsilon;

    @Option(names = "--eval-every", defaultValue = "1000", description = "Episodes between greedy validation evaluations. Default: ${DEFAULT-VALUE}.")
    int evalEvery;

    @Option(names = "--eval-systems", defaultValue = "20", description = "Validation systems (seeds 900000+). Default: ${DEFAULT-VALUE}.")
    int evalSystems;

    @Option(names = "--checkpoint-every", defaultValue = "2000", description = "Episodes between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery;

    @Option(names = "--compare", defaultValue = "20",
            description = "Unseen evaluation systems (seeds from 1000000) measured after training, 0 for none. Default: ${DEFAULT-VALUE}.")
    int compare;

    /** The server-side configuration the options describe. */
    MarlConfig marlConfig() {
        MarlConfig.Algorithm a = MarlConfig.Algorithm.valueOf(agent.toUpperCase(Locale.ROOT));
        MarlConfig d = MarlConfig.defaults(a);
        return new MarlConfig(a, hidden == null ? d.hidden() : hidden,
                learningRate == null ? d.networkLearningRate() : learningRate, temperatureLearningRate, d.gamma(),
                d.tau(), actorEvery, temperatureEvery, batchSize == null ? d.batchSize() : batchSize, bufferSize,
                warmup, d.gumbelTemperature(), targetEntropyRatio, initialOmega, !perServerActors, episodes, 100,
                evalEvery, evalSystems, checkpointEvery, seed);
    }

    /** The user-side configuration the options describe. */
    UserQConfig userQConfig() {
        UserQConfig.Algorithm a = switch (agent) {
            case "idqn" -> UserQConfig.Algorithm.IDQN;
            case "vdn", "vdn-l" -> UserQConfig.Algorithm.VDN_L;
            default -> UserQConfig.Algorithm.VDN_G;
        };
        UserQConfig d = UserQConfig.defaults(a);
        return new UserQConfig(a, hidden == null ? d.hidden() : hidden,
                learningRate == null ? d.learningRate() : learningRate, epsilon,
                batchSize == null ? d.batchSize() : batchSize, bufferSize, warmup, episodes, 100, evalEvery,
                evalSystems, checkpointEvery, seed);
    }

    @Override
    public Integer call() throws Exception {
        if (!List.of("mamaxent", "maddpg", "idqn", "vdn", "vdn-l", "vdn-g").contains(agent)) {
            throw new InvalidInstanceException("--agent", agent, "must be mamaxent, maddpg, idqn, vdn, vdn-l or vdn-g");
        }
        if (users < 1) {
            throw new InvalidInstanceException("--users", users, "must be >= 1");
        }
        if (maxMinutes != null && !(maxMinutes > 0)) {
            throw new InvalidInstanceException("--max-minutes", maxMinutes, "must be > 0");
        }
        if (compare < 0) {
            throw new InvalidInstanceException("--compare", compare, "must be >= 0");
        }
        ExperimentFiles.checkDirectory(out);
        PrintWriter err = spec.commandLine().getErr();
        boolean serverSide = agent.equals("mamaxent") || agent.equals("maddpg");
        double maxSeconds = maxMinutes == null ? Double.POSITIVE_INFINITY : maxMinutes * 60;
        boolean resume = Files.isRegularFile(out.resolve("training/checkpoint/state.bin"));
        if (resume) {
            err.println("resuming from the checkpoint in " + out.resolve("training/checkpoint"));
        }
        EdgeModel model;
        int done;
        double seconds;
        double best;
        try {
            if (serverSide) {
                MarlTrainer.Result r = MarlTrainer.train(users, deploymentSeed, marlConfig(), out, resume, maxSeconds,
                        RlProgress.line(err));
                model = r.model();
                done = r.episodes();
                seconds = r.seconds();
                best = r.bestEvaluation();
            } else {
                UserQTrainer.Result r = UserQTrainer.train(users, deploymentSeed, userQConfig(), out, resume,
                        maxSeconds, RlProgress.line(err));
                model = r.model();
                done = r.episodes();
                seconds = r.seconds();
                best = r.bestEvaluation();
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidInstanceException("configuration", e.getMessage(), "invalid");
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "trained %s for %d of %d episodes (%.0f s of training in all); best validation QoE %.2f;"
                + " model written to %s%n", agent, done, episodes, seconds, best, out);
        if (compare > 0) {
            compare(model, o);
        }
        o.flush();
        return 0;
    }

    /** The trained policy against daes and ga-aware on unseen evaluation systems; writes comparison.csv. */
    private void compare(EdgeModel model, PrintWriter o) throws Exception {
        Map<String, EdgePolicy> policies = new LinkedHashMap<>();
        policies.put(agent, new EdgePolicy() {
            @Override
            public String name() {
                return agent;
            }

            @Override
            public int[] allocate(EdgeSystem system) {
                return model.allocate(system);
            }
        });
        policies.put("daes", EdgePolicies.create("daes"));
        policies.put("ga-aware", EdgePolicies.create("ga-aware"));
        EdgeAllocationEnv env = MarlTrainer.environment(users, deploymentSeed);
        StringBuilder csv = new StringBuilder(
                "policy,systems,system_qoe,system_qoe_ci95,mean_latency_s,satisfied,disturbed,lost,cloud,decision_ms\n");
        o.printf(Locale.ROOT, "%-10s %d unseen systems (seeds from %d): system QoE (95%% CI), latency, SU/DU/GU/CU, decision%n",
                "", compare, EdgeAllocationEnv.EVALUATION_SEED_START);
        for (EdgePolicy p : policies.values()) {
            double[][] m = new double[6][compare];
            double millis = 0;
            for (int k = 0; k < compare; k++) {
                EdgeSystem system = EdgeAllocationEnv.system(env.deployment(), EdgeAllocationEnv.EVALUATION_SEED_START + k);
                long t0 = System.nanoTime();
                int[] a = p.allocate(system);
                millis += (System.nanoTime() - t0) / 1e6 / compare;
                SystemOutcome out = new EdgeEvaluator(system, SigmoidalProgramming.Settings.DEFAULTS).evaluate(a);
                double[] v = {out.systemQoe(), out.meanLatencyS(), out.satisfied(), out.disturbed(), out.lost(), out.cloud()};
                for (int j = 0; j < v.length; j++) {
                    m[j][k] = v[j];
                }
            }
            List<SampleMean> means = new ArrayList<>();
            for (double[] column : m) {
                means.add(SampleMean.of(column));
            }
            csv.append(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.4f,%.2f,%.2f,%.2f,%.2f,%.3f%n", p.name(), compare,
                    means.get(0).mean(), means.get(0).ci95(), means.get(1).mean(), means.get(2).mean(),
                    means.get(3).mean(), means.get(4).mean(), means.get(5).mean(), millis));
            o.printf(Locale.ROOT, "%-10s QoE %.2f ± %.2f  latency %.3f s  SU/DU/GU/CU %.1f/%.1f/%.1f/%.1f  %.2f ms%n",
                    p.name(), means.get(0).mean(), means.get(0).ci95(), means.get(1).mean(), means.get(2).mean(),
                    means.get(3).mean(), means.get(4).mean(), means.get(5).mean(), millis);
        }
        AtomicFiles.writeString(out.resolve("comparison.csv"), csv.toString());
    }
}
