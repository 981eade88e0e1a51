package org.mecopt.deadline;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.policy.DeadlinePolicy;

/**
 * Runs whole episodes of {@link DeadlineEnergyEnv}: a policy on a scenario, or recorded actions on a
 * scenario (replay), optionally recording the {@link EpisodeTrace}. The same scenario and the same
 * actions give the same result bit for bit.
 */
public final class Simulation {
    private Simulation() {
    }

    /** One episode's result; {@code trace} is null unless recording was asked for. */
    public record Episode(Scenario scenario, EpisodeMetrics metrics, List<TaskOutcome> outcomes, double teamReturn,
                          EpisodeTrace trace) {
    }

    /** Runs {@code policy} on {@code scenario}. */
    public static Episode run(Scenario scenario, DeadlinePolicy policy, boolean record) {
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(scenario);
        env.reset(0);
        policy.begin(scenario.info());
        return play(env, () -> policy.act(env.view()), record);
    }

    /**
     * Replays recorded actions ({@code actions[t−1][k] = [α, η]}) on {@code scenario}.
     *
     * @throws InvalidInstanceException naming {@code actions} when their shape does not fit the scenario
     */
    public static Episode replay(Scenario scenario, double[][][] actions, boolean record) {
        if (actions.length != scenario.steps()) {
            throw new InvalidInstanceException("actions", actions.length + " steps", "must have T = " + scenario.steps());
        }
        DeadlineEnergyEnv env = DeadlineEnergyEnv.replaying(scenario);
        env.reset(0);
        return play(env, () -> {
            double[][] a = actions[env.stepsTaken()];
            if (a.length != scenario.users()) {
                throw new InvalidInstanceException("actions[" + env.stepsTaken() + "]", a.length + " users",
                        "must have K = " + scenario.users());
            }
            return a;
        }, record);
    }

    private interface Actor {
        double[][] next();
    }

    private static Episode play(DeadlineEnergyEnv env, Actor actor, boolean record) {
        Scenario scenario = env.scenario();
        int t = scenario.steps();
        int k = scenario.users();
        double[][][] actions = record ? new double[t][][] : null;
        double[][][] trace = record ? new double[5][t][] : null;
        double teamReturn = 0;
        List<double[]> list = new ArrayList<>(k);
        for (int s = 0; s < t; s++) {
            double[][] a = actor.next();
            list.clear();
            for (int u = 0; u < k; u++) {
                if (a[u] == null || a[u].length != DeadlineEnergyEnv.ACTION_SIZE) {
                    throw new InvalidInstanceException("actions[" + s + "][" + u + "]", a[u], "must be [alpha, eta]");
                }
                list.add(a[u]);
            }
            teamReturn += env.step(list).reward(0);
            if (record) {
                double[][] copy = new double[k][];
                for (int u = 0; u < k; u++) {
                    copy[u] = a[u].clone();
                }
                actions[s] = copy;
                StepRecord r = env.lastStep();
                trace[0][s] = r.localBits;
                trace[1][s] = r.offloadBits;
                trace[2][s] = r.rateBps;
                trace[3][s] = r.localEnergyJ;
                trace[4][s] = r.offloadEnergyJ;
            }
        }
        List<TaskOutcome> outcomes = env.outcomes();
        EpisodeTrace episodeTrace = record
                ? new EpisodeTrace(scenario, actions, trace[0], trace[1], trace[2], trace[3], trace[4], outcomes)
                : null;
        return new Episode(scenario, env.metrics(), outcomes, teamReturn, episodeTrace);
    }
}
