package org.mecopt.models.learning;

/** DJL setup shared by training and inference: never download anything. */
public final class Djl {
    private Djl() {
    }

    /**
     * Sets {@code ai.djl.offline=true} unless the user chose otherwise, before the engine loads: the
     * PyTorch natives come from the {@code pytorch-native-cpu} jar on the class path.
     */
    public static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }
}
