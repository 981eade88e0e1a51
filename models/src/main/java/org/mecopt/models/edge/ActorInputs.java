package org.mecopt.models.edge;

/**
 * The input of a server's actor, built from the system state the same way in training and in
 * acting: the {@code users × features} matrix with the rows of users not connected to the server
 * set to 0 (seed 003 eq. (18): "the rows corresponding to users who are not the CA users of the ES
 * are filled with 0"), followed, for a parameter-shared actor, by a one-hot of the server.
 */
final class ActorInputs {
    private ActorInputs() {
    }

    static int size(int users, int features, int servers, boolean shared) {
        return users * features + (shared ? servers : 0);
    }

    /**
     * Writes server h's actor input for one state into {@code out} at {@code offset}.
     *
     * @param state     {@code users × features}, from {@code stateOffset}
     * @param connected each user's connected server, from {@code connectedOffset}
     */
    static void write(float[] state, int stateOffset, int[] connected, int connectedOffset, int users, int features,
                      int servers, boolean shared, int h, float[] out, int offset) {
        for (int u = 0; u < users; u++) {
            if (connected[connectedOffset + u] == h) {
                System.arraycopy(state, stateOffset + u * features, out, offset + u * features, features);
            } else {
                java.util.Arrays.fill(out, offset + u * features, offset + (u + 1) * features, 0f);
            }
        }
        if (shared) {
            int base = offset + users * features;
            java.util.Arrays.fill(out, base, base + servers, 0f);
            out[base + h] = 1f;
        }
    }
}
