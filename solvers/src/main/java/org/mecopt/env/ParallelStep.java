package org.mecopt.env;

import java.util.Arrays;
import java.util.List;

/** One joint transition: per agent, in agent order, the observation, reward, flags and info. */
public record ParallelStep(List<double[]> observations, double[] rewards, boolean[] terminated, boolean[] truncated,
        List<Info> infos) {

    public ParallelStep {
        observations = List.copyOf(observations);
        infos = List.copyOf(infos);
        rewards = rewards.clone();
        terminated = terminated.clone();
        truncated = truncated.clone();
        int n = observations.size();
        if (rewards.length != n || terminated.length != n || truncated.length != n || infos.size() != n) {
            throw new IllegalArgumentException("a parallel step needs one observation, reward, flag pair and info per agent");
        }
        for (int i = 0; i < n; i++) {
            if (terminated[i] && truncated[i]) {
                throw new IllegalArgumentException("agent " + i + " is terminated or truncated, not both");
            }
        }
    }

    /** A step where every agent shares the reward and the flags (a team task). */
    public static ParallelStep shared(List<double[]> observations, double reward, boolean terminated, List<Info> infos) {
        int n = observations.size();
        double[] r = new double[n];
        boolean[] t = new boolean[n];
        Arrays.fill(r, reward);
        Arrays.fill(t, terminated);
        return new ParallelStep(observations, r, t, new boolean[n], infos);
    }

    public boolean terminated(int agent) {
        return terminated[agent];
    }

    public boolean truncated(int agent) {
        return truncated[agent];
    }

    public double reward(int agent) {
        return rewards[agent];
    }

    /** Every agent is done. */
    public boolean done() {
        for (int i = 0; i < terminated.length; i++) {
            if (!terminated[i] && !truncated[i]) {
                return false;
            }
        }
        return true;
    }

    /** Every agent is terminated: the time limit has nothing left to cut. */
    boolean allTerminated() {
        for (boolean t : terminated) {
            if (!t) {
                return false;
            }
        }
        return true;
    }

    /** The same step cut by the time limit: every agent not terminated is truncated. */
    ParallelStep truncatedByLimit() {
        boolean[] cut = new boolean[terminated.length];
        for (int i = 0; i < cut.length; i++) {
            cut[i] = !terminated[i];
        }
        return new ParallelStep(observations, rewards, terminated, cut, infos);
    }

    @Override
    public double[] rewards() {
        return rewards.clone();
    }

    @Override
    public boolean[] terminated() {
        return terminated.clone();
    }

    @Override
    public boolean[] truncated() {
        return truncated.clone();
    }
}
