package org.mecopt.models.deadline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.deadline.policy.StepView;
import org.mecopt.env.ParallelStep;
import org.mecopt.models.rl.Maddpg;
import org.mecopt.models.rl.MaddpgConfig;
import org.mecopt.models.rl.MaddpgPolicy;
import org.mecopt.models.rl.RlProgress;

/**
 * The offline MADDPG smoke run on deadline-energy (issue 14's verification): a small MADDPG (the
 * default set-up: shared critic, shared actor with agent id, layer norm, Adam 1e-4/1e-3; smaller
 * networks, an update every 2 steps) trained for 2 500 steps (750 gradient steps) on training seeds
 * must, on five evaluation episodes training never saw, score a higher team return than uniformly
 * random actions, and must have learned what the energy model says (MODEL.md §4: a bit computed
 * locally costs ~10× a bit offloaded): a mean CPU share α below 0.25 where the untrained actor's
 * sigmoid starts near 0.5, and less energy per task than the heuristic (α = 1) in both classes. The
 * same seed must train the same actor, byte for byte.
 */
class DeadlineMaddpgLearnsTest {
    static final MaddpgConfig SMOKE = MaddpgConfig.defaults().toBuilder().actorHidden(64, 64).criticHidden(64, 64)
            .batchSize(64).learningStarts(1_000).training(2, 1).totalSteps(2_500).evaluation(0, 3).checkpointEvery(0)
            .seed(2).build();
    private static final int EPISODES = 5;

    private static long[] evaluationSeeds() {
        long[] seeds = new long[EPISODES];
        for (int i = 0; i < EPISODES; i++) {
            seeds[i] = DeadlineEnergyEnv.FIRST_EVALUATION_SEED + i;
        }
        return seeds;
    }

    @Test
    void aShortRunBeatsRandomActionsOnUnseenEpisodes(@TempDir Path dir) throws IOException {
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        var trained = DeadlineMaddpgTrainer.train(config, SMOKE, dir.resolve("a"), RlProgress.NONE, line -> { });
        MaddpgPolicy actors = trained.run().policy();
        double learned = mean(Maddpg.evaluate(actors, new DeadlineEnergyEnv(config), evaluationSeeds()));
        double random = mean(randomReturns(config));
        assertTrue(learned > random, "team return per episode: learned " + learned + ", random " + random);

        Map<String, Supplier<DeadlinePolicy>> policies = new LinkedHashMap<>();
        double[] alpha = new double[2]; // sum, count over pending users
        MaddpgDeadlinePolicy maddpg = new MaddpgDeadlinePolicy(actors, config);
        policies.put("maddpg", () -> new DeadlinePolicy() {
            @Override
            public String name() {
                return maddpg.name();
            }

            @Override
            public double[][] act(StepView view) {
                double[][] a = maddpg.act(view);
                for (int u = 0; u < a.length; u++) {
                    if (view.pending(u)) {
                        alpha[0] += a[u][0];
                        alpha[1]++;
                    }
                }
                return a;
            }
        });
        policies.put("heuristic", () -> DeadlinePolicies.create("heuristic", config));
        List<PolicyComparison.Row> rows = PolicyComparison.compare(config, policies,
                DeadlineEnergyEnv.FIRST_EVALUATION_SEED, EPISODES);
        assertTrue(alpha[0] / alpha[1] < 0.25, "mean alpha of the trained actor " + alpha[0] / alpha[1]);
        for (TaskClass c : TaskClass.values()) {
            double mine = rows.get(0).classes().get(c).normalizedEnergy().value();
            double heuristic = rows.get(1).classes().get(c).normalizedEnergy().value();
            assertTrue(mine < heuristic, c + " normalized energy: maddpg " + mine + ", heuristic " + heuristic);
        }
    }

    @Test
    void theSameSeedTrainsTheSameActor(@TempDir Path dir) throws IOException {
        MaddpgConfig small = SMOKE.toBuilder().learningStarts(200).totalSteps(400).build();
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        DeadlineMaddpgTrainer.train(config, small, dir.resolve("a"), RlProgress.NONE, line -> { });
        DeadlineMaddpgTrainer.train(config, small, dir.resolve("b"), RlProgress.NONE, line -> { });
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/actor.mlp")), Files.readAllBytes(dir.resolve("b/actor.mlp")),
                "the same seed trains the same actor (another seed: MaddpgTest)");
    }

    private static double[] randomReturns(DeadlineEnergyConfig config) {
        DeadlineEnergyEnv env = new DeadlineEnergyEnv(config);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(11L);
        long[] seeds = evaluationSeeds();
        double[] returns = new double[seeds.length];
        for (int e = 0; e < seeds.length; e++) {
            env.reset(seeds[e]);
            boolean done = false;
            while (!done) {
                List<double[]> actions = new ArrayList<>();
                for (int u = 0; u < config.users(); u++) {
                    actions.add(new double[] {rng.nextDouble(), rng.nextDouble()});
                }
                ParallelStep s = env.step(actions);
                returns[e] += s.reward(0);
                done = s.done();
            }
        }
        return returns;
    }

    private static double mean(double[] v) {
        return java.util.Arrays.stream(v).average().orElseThrow();
    }
}
