package org.mecopt.models.rl;

/**
 * A finished DDPG run.
 *
 * @param policy          the trained actor in plain Java; its outputs lie in {@code [-1, 1]^d} and
 *                        {@link #act} (or {@code scale}) maps them onto the environment's action box
 * @param scale           the map from the actor's outputs to the environment's actions
 * @param log             the run's curves (episodes, losses, evaluations, steps per second)
 * @param steps           environment steps taken (over all resumptions)
 * @param finalReturn     the mean return of the last greedy (noise-free) evaluation
 * @param seconds         wall time of this invocation (a resumed run counts from its resumption)
 * @param trainStepMillis mean wall time of one gradient step (critic, actor and target updates)
 */
public record DdpgResult(Mlp policy, ActionScale scale, TrainingLog log, long steps, double finalReturn,
                         double seconds, double trainStepMillis) {

    /** The greedy action for {@code observation}, in the environment's units. */
    public double[] act(double[] observation) {
        return scale.toBox(policy.forward(observation));
    }
}
