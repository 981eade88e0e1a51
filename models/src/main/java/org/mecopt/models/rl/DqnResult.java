package org.mecopt.models.rl;

/**
 * What a {@link Dqn} run leaves besides its files.
 *
 * @param policy        the final online Q-network, for plain-Java acting ({@link Dqn#greedy})
 * @param bestPolicy    the Q-network of the best greedy evaluation (the final one without evaluations)
 * @param bestReturn    that evaluation's mean return (NaN without evaluations)
 * @param log           the run's curves (episodes, metrics, evaluations)
 * @param startStep     the step the run started from (0, or the checkpoint's step when resumed)
 * @param steps         environment steps at the end
 * @param updates       gradient steps taken
 * @param seconds       wall time of this call
 * @param updateMillis  mean wall time of a gradient step (sampling, targets, forward, backward, Adam)
 */
public record DqnResult(Mlp policy, Mlp bestPolicy, double bestReturn, TrainingLog log, long startStep, long steps,
                        long updates, double seconds, double updateMillis) {

    /** The first evaluation step whose greedy mean return reached {@code threshold}, or −1. */
    public long firstStepReaching(double threshold) {
        return log.evaluations().stream().filter(e -> e.meanReturn() >= threshold).mapToLong(TrainingLog.Evaluation::step)
                .findFirst().orElse(-1);
    }
}
