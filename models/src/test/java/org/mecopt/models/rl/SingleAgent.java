package org.mecopt.models.rl;

import java.util.List;
import java.util.OptionalInt;
import org.mecopt.env.Box;
import org.mecopt.env.Env;
import org.mecopt.env.ParallelEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.env.Reset;
import org.mecopt.env.Space;
import org.mecopt.env.Step;

/** A single-agent environment seen as a one-agent {@link ParallelEnv} whose global state is the observation. */
final class SingleAgent implements ParallelEnv<double[]> {
    private final Env<double[]> env;
    private double[] last;

    SingleAgent(Env<double[]> env) {
        this.env = env;
    }

    @Override
    public int agentCount() {
        return 1;
    }

    @Override
    public String agentName(int agent) {
        return "agent";
    }

    @Override
    public Box observationSpace(int agent) {
        return env.observationSpace();
    }

    @Override
    public Space<double[]> actionSpace(int agent) {
        return env.actionSpace();
    }

    @Override
    public Box stateSpace() {
        return env.observationSpace();
    }

    @Override
    public OptionalInt maxEpisodeSteps() {
        return env.maxEpisodeSteps();
    }

    @Override
    public ParallelReset reset(long seed) {
        return started(env.reset(seed));
    }

    @Override
    public ParallelReset reset() {
        return started(env.reset());
    }

    private ParallelReset started(Reset r) {
        last = r.observation();
        return new ParallelReset(List.of(r.observation()), List.of(r.info()));
    }

    @Override
    public ParallelStep step(List<double[]> actions) {
        Step s = env.step(actions.get(0));
        last = s.observation();
        return new ParallelStep(List.of(s.observation()), new double[] {s.reward()}, new boolean[] {s.terminated()},
                new boolean[] {s.truncated()}, List.of(s.info()));
    }

    @Override
    public double[] state() {
        return last.clone();
    }
}
