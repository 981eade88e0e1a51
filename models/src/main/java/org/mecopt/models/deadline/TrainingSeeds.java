package org.mecopt.models.deadline;

import java.util.List;
import java.util.OptionalInt;
import org.mecopt.deadline.DeadlineEnergyEnv;
import org.mecopt.env.Box;
import org.mecopt.env.ParallelEnv;
import org.mecopt.env.ParallelReset;
import org.mecopt.env.ParallelStep;
import org.mecopt.env.Space;

/**
 * A {@link DeadlineEnergyEnv} whose reset seeds are folded into the training range
 * {@code [0, FIRST_EVALUATION_SEED)}: the learner derives its episode seeds by hashing (any long),
 * and the scenarios of evaluation seeds ({@code >= FIRST_EVALUATION_SEED}, used by {@code simulate}
 * and {@code experiment deadline-energy}) must never be trained on.
 */
final class TrainingSeeds implements ParallelEnv<double[]> {
    private final DeadlineEnergyEnv env;

    TrainingSeeds(DeadlineEnergyEnv env) {
        this.env = env;
    }

    /** The training seed a learner's seed stands for. */
    static long fold(long seed) {
        return Math.floorMod(seed, DeadlineEnergyEnv.FIRST_EVALUATION_SEED);
    }

    DeadlineEnergyEnv env() {
        return env;
    }

    @Override
    public int agentCount() {
        return env.agentCount();
    }

    @Override
    public String agentName(int agent) {
        return env.agentName(agent);
    }

    @Override
    public Box observationSpace(int agent) {
        return env.observationSpace(agent);
    }

    @Override
    public Space<double[]> actionSpace(int agent) {
        return env.actionSpace(agent);
    }

    @Override
    public Box stateSpace() {
        return env.stateSpace();
    }

    @Override
    public OptionalInt maxEpisodeSteps() {
        return env.maxEpisodeSteps();
    }

    @Override
    public ParallelReset reset(long seed) {
        return env.reset(fold(seed));
    }

    @Override
    public ParallelReset reset() {
        return env.reset();
    }

    @Override
    public ParallelStep step(List<double[]> actions) {
        return env.step(actions);
    }

    @Override
    public double[] state() {
        return env.state();
    }
}
