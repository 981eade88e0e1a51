package org.mecopt.models.rl;

/**
 * DQN's regression targets, in plain Java on the next states' Q-values: {@code y = r} after a
 * termination; otherwise {@code y = r + γ·Q_target(s', a*)} with {@code a*} the best allowed action
 * of {@code s'} under the target network, or, with double Q, under the online network. A truncated
 * transition is stored as not terminated, so it bootstraps. Kept out of the engine because the
 * masked maximum is a few comparisons in Java and a handful of ~20 µs tensor operations in DJL.
 */
public final class DqnTargets {
    private DqnTargets() {
    }

    /**
     * @param nextTarget the target network's Q-values of the next observations, {@code batch.size() × actions}
     * @param nextOnline the online network's, for double Q; {@code null} for the plain max
     */
    public static float[] compute(ReplayBatch batch, float[] nextTarget, float[] nextOnline, int actions, double gamma) {
        float[] y = new float[batch.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = batch.rewards()[i];
            if (batch.terminated()[i]) {
                continue;
            }
            float[] chooser = nextOnline == null ? nextTarget : nextOnline;
            int best = -1;
            for (int a = 0; a < actions; a++) {
                if (batch.nextAllows(i, a) && (best < 0 || chooser[i * actions + a] > chooser[i * actions + best])) {
                    best = a;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("a non-terminal next state allows no action (row " + i + ")");
            }
            y[i] += (float) (gamma * nextTarget[i * actions + best]);
        }
        return y;
    }
}
