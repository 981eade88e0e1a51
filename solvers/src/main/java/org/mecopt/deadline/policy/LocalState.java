package org.mecopt.deadline.policy;

import org.mecopt.deadline.TaskClass;

/**
 * What user k knows about itself at the start of a step, unnormalized: its current task (if any),
 * its large-scale gain, and what its own previous step (of any task) gave. A decentralized policy
 * uses only this (or the normalized {@link StepView#observation}) for its own action.
 *
 * @param pending        whether the user has an unfinished task this step
 * @param taskClass      the user's class
 * @param remainingBits  Q (0 without a task)
 * @param initialBits    Q_init of the current task (0 without)
 * @param cyclesPerBit   C of the current task (0 without)
 * @param remainingS     d, the remaining deadline budget at the start of the step (0 without)
 * @param deadlineS      D of the current task (0 without)
 * @param sumBeta        Σ_m β_mk (linear)
 * @param lastEta        η the user transmitted with in its last step with a task (0 before any)
 * @param lastSinr       the SINR it got then (0 before any)
 * @param lastEdgeRateBps the edge service rate r_edge it got then, eq. (6) (0 before any)
 */
public record LocalState(boolean pending, TaskClass taskClass, double remainingBits, double initialBits,
                         double cyclesPerBit, double remainingS, double deadlineS, double sumBeta, double lastEta,
                         double lastSinr, double lastEdgeRateBps) {
}
