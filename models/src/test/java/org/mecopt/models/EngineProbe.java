package org.mecopt.models;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/** Run in a child JVM by {@link OfflineEngineTest}: loads the engine and computes something. */
public final class EngineProbe {
    private EngineProbe() {
    }

    public static void main(String[] args) {
        Djl.offline();
        Engine engine = Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4});
            System.out.println("engine=" + engine.getEngineName() + " version=" + engine.getVersion()
                    + " sum=" + x.sum().getFloat());
        }
    }
}
