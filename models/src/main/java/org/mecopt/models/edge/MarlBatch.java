package org.mecopt.models.edge;

/**
 * A mini-batch of server-side transitions of the edge system, in the layout the networks train on.
 * Per transition: the system state ({@code users × features}, row-major), each user's connected
 * server, the joint soft action ({@code users × servers}: user u's row is the distribution its
 * connected server's actor gave it), the shared reward (already scaled), the terminated flag and the
 * next state with its connections (unused when terminated).
 */
record MarlBatch(int size, float[] states, int[] connected, float[] actions, float[] rewards, boolean[] terminated,
                 float[] nextStates, int[] nextConnected) {
}
