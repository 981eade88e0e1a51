package org.mecopt.models.rl;

/**
 * A sampled mini-batch, row-major: row {@code i} of {@code observations} is
 * {@code observations[i·observationSize … (i+1)·observationSize)}, and so on. {@code nextMasks} has
 * {@code maskSize} entries per row ({@code true} = allowed), empty when the buffer keeps no masks.
 * {@code rewards} has {@link #rewardSize()} entries per row. The arrays are the batch's own (fresh per sample), handed over without copies.
 */
public record ReplayBatch(int size, int observationSize, int actionSize, int maskSize, float[] observations,
                          float[] actions, float[] rewards, float[] nextObservations, boolean[] terminated,
                          boolean[] nextMasks) {

    /** Rewards per row (one per agent in a multi-agent buffer). */
    public int rewardSize() {
        return rewards.length / size;
    }

    /** The discrete action of row {@code i} (a discrete action is stored as its index). */
    public int discreteAction(int i) {
        return (int) actions[i * actionSize];
    }

    /** Whether the next state of row {@code i} allows action {@code a} (always, without masks). */
    public boolean nextAllows(int i, int a) {
        return maskSize == 0 || nextMasks[i * maskSize + a];
    }
}
