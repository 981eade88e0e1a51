package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

class DqnTargetsTest {
    private static final double GAMMA = 0.9;

    /**
     * Four transitions with reward 1 and the same next Q-values (3, 5, 4) under the target network:
     * terminated; truncated (stored as not terminated); not done with action 1 masked in the next
     * state; not done without a mask.
     */
    private static ReplayBatch batch() {
        float[] obs = new float[4];
        float[] actions = new float[4];
        float[] rewards = {1, 1, 1, 1};
        boolean[] terminated = {true, false, false, false};
        boolean[] masks = {true, true, true, true, true, true, true, false, true, true, true, true};
        return new ReplayBatch(4, 1, 1, 3, obs, actions, rewards, obs.clone(), terminated, masks);
    }

    private static final float[] NEXT_TARGET = {3, 5, 4, 3, 5, 4, 3, 5, 4, 3, 5, 4};

    @Test
    void terminationStopsTheBootstrapTruncationDoesNot() {
        float[] y = DqnTargets.compute(batch(), NEXT_TARGET, null, 3, GAMMA);
        // terminated: r; truncated: r + γ·5; masked: r + γ·4 (the best allowed); unmasked: r + γ·5
        assertArrayEquals(new float[] {1, (float) (1 + GAMMA * 5), (float) (1 + GAMMA * 4), (float) (1 + GAMMA * 5)},
                y, 1e-6f);
    }

    @Test
    void doubleQTakesTheOnlineArgmaxAndTheTargetValue() {
        float[] online = {0, 0, 9, 0, 0, 9, 0, 9, 0, 9, 0, 0}; // online prefers action 2, 2, 1 (masked), 0
        float[] y = DqnTargets.compute(batch(), NEXT_TARGET, online, 3, GAMMA);
        // row 2: action 1 is masked, so the online argmax among {0, 2} is 0 (0 vs 0: the lower index)
        assertArrayEquals(new float[] {1, (float) (1 + GAMMA * 4), (float) (1 + GAMMA * 3), (float) (1 + GAMMA * 3)},
                y, 1e-6f);
    }

    /** Huber (δ = 1) by hand: ½e² inside [−1, 1], |e| − ½ outside; the loss is the mean. */
    @Test
    void huberLossMatchesItsDefinition() {
        Djl.offline();
        try (NDManager m = NDManager.newBaseManager()) {
            float[] e = {-3, -0.5f, 0, 0.2f, 2};
            double expected = (2.5 + 0.125 + 0 + 0.02 + 1.5) / 5;
            assertEquals(expected, Dqn.Learner.huber(m.create(e)).getFloat(), 1e-6);
        }
    }

    @Test
    void aNonTerminalStateWithoutAllowedActionsIsAnError() {
        boolean[] none = new boolean[3];
        ReplayBatch b = new ReplayBatch(1, 1, 1, 3, new float[1], new float[1], new float[] {0}, new float[1],
                new boolean[] {false}, none);
        assertThrows(IllegalStateException.class, () -> DqnTargets.compute(b, new float[3], null, 3, GAMMA));
    }
}
