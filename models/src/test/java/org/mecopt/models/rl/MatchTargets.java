package org.mecopt.models.rl;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.env.Box;
import org.mecopt.env.Info;
import org.mecopt.env.ParallelEpisodicEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.env.Space;

/**
 * A cooperative two-agent task with a known optimum, for MADDPG's tests: each step, agent i sees a
 * target {@code t_i ~ U(0, 1)}; agent 0 should answer {@code t_0} and agent 1 {@code 1 − t_1}; the
 * shared reward is {@code −mean_i (a_i − a_i*)²}. The optimum scores 0 per step, uniformly random
 * actions −1/6 in expectation. The agents want different maps of the same kind of observation, so a
 * shared actor can only solve it through its agent-id input. Ten steps an episode, then truncation.
 */
final class MatchTargets extends ParallelEpisodicEnv<double[]> {
    static final int STEPS = 10;
    private final double[] targets = new double[2];

    MatchTargets() {
        super(STEPS);
    }

    @Override
    public int agentCount() {
        return 2;
    }

    @Override
    public String agentName(int agent) {
        return "agent-" + agent;
    }

    @Override
    public Box observationSpace(int agent) {
        return Box.of(1, 0, 1);
    }

    @Override
    public Space<double[]> actionSpace(int agent) {
        return Box.of(1, 0, 1);
    }

    @Override
    public Box stateSpace() {
        return Box.of(2, 0, 1);
    }

    @Override
    protected ParallelReset begin(UniformRandomProvider rng) {
        draw(rng);
        return new ParallelReset(observations(), List.of(Info.EMPTY, Info.EMPTY));
    }

    @Override
    protected ParallelStep advance(List<double[]> actions, UniformRandomProvider rng) {
        double e0 = actions.get(0)[0] - targets[0];
        double e1 = actions.get(1)[0] - (1 - targets[1]);
        double reward = -(e0 * e0 + e1 * e1) / 2;
        draw(rng);
        return ParallelStep.shared(observations(), reward, false, List.of(Info.EMPTY, Info.EMPTY));
    }

    private void draw(UniformRandomProvider rng) {
        targets[0] = rng.nextDouble();
        targets[1] = rng.nextDouble();
    }

    private List<double[]> observations() {
        List<double[]> o = new ArrayList<>();
        o.add(new double[] {targets[0]});
        o.add(new double[] {targets[1]});
        return o;
    }

    @Override
    public double[] state() {
        return targets.clone();
    }
}
