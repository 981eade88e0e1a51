package org.mecopt.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.models.deadline.DeadlineMaddpgTrainer;
import org.mecopt.models.deadline.MaddpgDeadlinePolicy;
import org.mecopt.models.deadline.PolicyComparison;
import org.mecopt.models.rl.MaddpgConfig;
import org.mecopt.models.rl.RlProgress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "deadline-energy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train seed 000's MADDPG policy (maddpg) on the deadline-energy simulator: centralized training",
                "(critic on the global state and all actions), decentralized execution (each user's actor on its",
                "own 4 features). Default set-up: one shared critic, one shared actor with an agent id, an update",
                "every 4 steps; --preset paper takes the paper literally (10 actors 2x1024, 10 critics 3x1024, an",
                "update per step: about a day here). Episodes come from training seeds (< 1e6); the trained actor",
                "is then compared with the other registered policies on --validation unseen episodes (seeds",
                "from 1e6). Writes the actor (use it with java -Dmecopt.maddpg.policy=DIR), model.txt and",
                "training/ (curves CSV/PNG, checkpoints); rerunning into the same --out resumes."})
final class TrainDeadlineEnergyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, description = "Model directory to write.")
    Path out;

    @Option(names = "--preset", defaultValue = "default",
            description = {"default (our set-up) or paper (seed 000 literally); the options below change it.",
                    "Default: ${DEFAULT-VALUE}."})
    String preset;

    @Option(names = "--steps", description = "Environment steps (200 per episode). Default: 60000.")
    Integer steps;

    @Option(names = "--shared-critic", negatable = true,
            description = "One critic for all users (the reward is shared).")
    Boolean sharedCritic;

    @Option(names = "--shared-actor", negatable = true,
            description = "One actor for all users (with --agent-id: a one-hot user id input).")
    Boolean sharedActor;

    @Option(names = "--agent-id", negatable = true, description = "Feed the shared actor a one-hot user id.")
    Boolean agentId;

    @Option(names = "--actor-gradient", description = "per-agent (Lowe et al.) or joint (all current actions at once).")
    String actorGradient;

    @Option(names = "--train-every", description = "Environment steps between rounds of updates (the cadence).")
    Integer trainEvery;

    @Option(names = "--gradient-steps", description = "Gradient steps per round.")
    Integer gradientSteps;

    @Option(names = "--actor-hidden", split = ",", description = "Actor widths, e.g. 1024,1024.")
    List<Integer> actorHidden;

    @Option(names = "--critic-hidden", split = ",", description = "Critic widths, e.g. 1024,1024,1024.")
    List<Integer> criticHidden;

    @Option(names = "--layer-norm", negatable = true, description = "Layer norm before every hidden ReLU.")
    Boolean layerNorm;

    @Option(names = "--batch-size", description = "Joint transitions per gradient step.")
    Integer batchSize;

    @Option(names = "--actor-learning-rate", description = "Adam's step for the actor(s).")
    Double actorLearningRate;

    @Option(names = "--critic-learning-rate", description = "Adam's step for the critic(s).")
    Double criticLearningRate;

    @Option(names = "--gamma", description = "Discount.")
    Double gamma;

    @Option(names = "--tau", description = "Soft target update rate.")
    Double tau;

    @Option(names = "--noise",
            description = "Gaussian exploration noise, standard deviation in units of the action range [0,1].")
    Double noise;

    @Option(names = "--learning-starts", description = "Uniformly random steps before the first update.")
    Integer learningStarts;

    @Option(names = "--buffer", description = "Replay capacity in joint transitions.")
    Integer buffer;

    @Option(names = "--max-grad-norm", description = "Gradient-norm clip per network, 0 for none.")
    Double maxGradNorm;

    @Option(names = "--eval-every",
            description = "Steps between greedy evaluations on training seeds (the best is kept).")
    Integer evalEvery;

    @Option(names = "--checkpoint-every", description = "Steps between checkpoints.")
    Integer checkpointEvery;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the episodes, networks, exploration and sampler. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--users", defaultValue = "10", description = "Users K (agents). Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--aps", defaultValue = "100", description = "Access points M. Default: ${DEFAULT-VALUE}.")
    int aps;

    @Option(names = "--validation", defaultValue = "100",
            description = {"Unseen evaluation episodes (seeds from 1e6) to compare with the other policies; 0 to",
                    "skip. Default: ${DEFAULT-VALUE}."})
    int validation;

    @Override
    public Integer call() throws Exception {
        if (validation != 0 && validation < 2) {
            throw new InvalidInstanceException("--validation", validation, "must be 0 (none) or >= 2");
        }
        ExperimentFiles.checkDirectory(out);
        DeadlineEnergyConfig environment = DeadlineEnergyConfig.defaults().withUsers(users).withAps(aps);
        MaddpgConfig config = config();
        PrintWriter err = spec.commandLine().getErr();
        DeadlineMaddpgTrainer.Trained t = DeadlineMaddpgTrainer.train(environment, config, out, RlProgress.line(err),
                line -> {
                    err.println(line);
                    err.flush();
                });
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "%s %d steps (%d gradient steps, %.1f ms each) in %.0f s; best greedy evaluation %.3f "
                        + "(team return on training seeds); actor written to %s%n",
                t.resumed() ? "continued to" : "trained", t.run().steps(), t.run().updates(),
                t.run().trainStepMillis(), t.run().seconds(), t.run().bestReturn(), out);
        if (validation > 0) {
            Map<String, Supplier<DeadlinePolicy>> policies = new LinkedHashMap<>();
            policies.put(MaddpgDeadlinePolicy.NAME, () -> new MaddpgDeadlinePolicy(t.policy(), environment));
            for (String name : DeadlinePolicies.names()) {
                if (!name.equals(MaddpgDeadlinePolicy.NAME)) {
                    policies.put(name, () -> DeadlinePolicies.create(name, environment));
                }
            }
            o.printf(Locale.ROOT, "on %d unseen episodes (scenario seeds %d…), success rate and normalized energy "
                    + "per class with 95%% intervals:%n", validation, DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
            for (PolicyComparison.Row r : PolicyComparison.compare(environment, policies,
                    DeadlineEnergyEnv.FIRST_EVALUATION_SEED, validation)) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-17s", r.policy()));
                for (TaskClass c : TaskClass.values()) {
                    PolicyComparison.ClassResult cr = r.classes().get(c);
                    line.append(String.format(Locale.ROOT, "  %s success %.3f ± %.3f energy %.4f ± %.4f", c.label(),
                            cr.successRate().value(), cr.successRate().halfWidth(), cr.normalizedEnergy().value(),
                            cr.normalizedEnergy().halfWidth()));
                }
                line.append(String.format(Locale.ROOT, "  return %.2f", r.meanReturn()));
                o.println(line);
            }
        }
        o.flush();
        return 0;
    }

    private MaddpgConfig config() {
        MaddpgConfig.Builder b = switch (preset.toLowerCase(Locale.ROOT)) {
            case "default" -> MaddpgConfig.defaults().toBuilder();
            case "paper" -> MaddpgConfig.paper().toBuilder();
            default -> throw new InvalidInstanceException("--preset", preset, "must be default or paper");
        };
        b.seed(seed);
        if (steps != null) {
            b.totalSteps(steps);
        }
        if (sharedCritic != null) {
            b.sharedCritic(sharedCritic);
        }
        if (sharedActor != null) {
            b.sharedActor(sharedActor);
            if (!sharedActor && agentId == null) {
                b.agentId(false);
            }
        }
        if (agentId != null) {
            b.agentId(agentId);
        }
        if (actorGradient != null) {
            b.actorGradient(switch (actorGradient.toLowerCase(Locale.ROOT)) {
                case "per-agent" -> MaddpgConfig.ActorGradient.PER_AGENT;
                case "joint" -> MaddpgConfig.ActorGradient.JOINT;
                default -> throw new InvalidInstanceException("--actor-gradient", actorGradient,
                        "must be per-agent or joint");
            });
        }
        if (trainEvery != null) {
            b.trainEvery(trainEvery);
        }
        if (gradientSteps != null) {
            b.gradientSteps(gradientSteps);
        }
        if (actorHidden != null) {
            b.actorHidden(actorHidden);
        }
        if (criticHidden != null) {
            b.criticHidden(criticHidden);
        }
        if (layerNorm != null) {
            b.layerNorm(layerNorm);
        }
        if (batchSize != null) {
            b.batchSize(batchSize);
        }
        if (actorLearningRate != null) {
            b.actorLearningRate(actorLearningRate);
        }
        if (criticLearningRate != null) {
            b.criticLearningRate(criticLearningRate);
        }
        if (gamma != null) {
            b.gamma(gamma);
        }
        if (tau != null) {
            b.tau(tau);
        }
        if (noise != null) {
            b.noiseSigma(noise);
        }
        if (learningStarts != null) {
            b.learningStarts(learningStarts);
        }
        if (buffer != null) {
            b.bufferSize(buffer);
        }
        if (maxGradNorm != null) {
            b.maxGradNorm(maxGradNorm);
        }
        if (evalEvery != null) {
            b.evaluation(evalEvery, 10);
        }
        if (checkpointEvery != null) {
            b.checkpointEvery(checkpointEvery);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            // the configuration names its own field ("tau = 2.0 must be …"): report the option that set it
            String message = e.getMessage();
            int eq = message.indexOf(" = ");
            String option = eq > 0 ? OPTION_OF_SETTING.get(message.substring(0, eq)) : null;
            if (option == null) {
                throw new InvalidInstanceException("--preset", preset, "with these options: " + message);
            }
            String rest = message.substring(eq + 3);
            int rule = rest.indexOf(" must "); // values can hold spaces ("[64, 0]")
            throw new InvalidInstanceException(option, rule < 0 ? rest : rest.substring(0, rule),
                    rule < 0 ? "" : rest.substring(rule + 1));
        }
    }

    private static final Map<String, String> OPTION_OF_SETTING = Map.ofEntries(
            Map.entry("totalSteps", "--steps"), Map.entry("trainEvery", "--train-every"),
            Map.entry("gradientSteps", "--gradient-steps"), Map.entry("actorHidden", "--actor-hidden"),
            Map.entry("criticHidden", "--critic-hidden"), Map.entry("batchSize", "--batch-size"),
            Map.entry("actorLearningRate", "--actor-learning-rate"),
            Map.entry("criticLearningRate", "--critic-learning-rate"), Map.entry("gamma", "--gamma"),
            Map.entry("tau", "--tau"), Map.entry("noiseSigma", "--noise"),
            Map.entry("learningStarts", "--learning-starts"), Map.entry("bufferSize", "--buffer"),
            Map.entry("maxGradNorm", "--max-grad-norm"), Map.entry("checkpointEvery", "--checkpoint-every"),
            Map.entry("evalEvery", "--eval-every"));
}
