/**
 * The learning core, which knows no problem: trunks, named heads, objectives, the one training loop,
 * checkpoints, the model manifest and {@link org.mecopt.models.learning.LearnedSolver}, the base of every
 * learned solver. <b>Public API</b> for those who add a learner (README, "Adding a learner"); less stable
 * than the solvers' API while learners are being added.
 */
package org.mecopt.models.learning;
