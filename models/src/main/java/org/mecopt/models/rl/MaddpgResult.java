package org.mecopt.models.rl;

/**
 * A finished MADDPG run.
 *
 * @param policy          the final actors, for decentralized execution
 * @param bestPolicy      the actors of the best greedy evaluation (the final ones if none was better)
 * @param bestReturn      that evaluation's mean return
 * @param log             the run's curves (episodes, losses, evaluations, steps per second)
 * @param steps           environment (joint) steps taken, over all resumptions
 * @param updates         gradient steps taken, over all resumptions
 * @param finalReturn     the mean return of the last greedy evaluation
 * @param seconds         wall time of this invocation (a resumed run counts from its resumption)
 * @param trainStepMillis mean wall time of one gradient step in this invocation (critics, actors, targets)
 */
public record MaddpgResult(MaddpgPolicy policy, MaddpgPolicy bestPolicy, double bestReturn, TrainingLog log,
                           long steps, long updates, double finalReturn, double seconds, double trainStepMillis) {
}
