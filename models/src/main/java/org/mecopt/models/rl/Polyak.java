package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Iterator;

/** Target-network updates: {@code θ_target ← τ·θ_online + (1 − τ)·θ_target}. */
public final class Polyak {
    private Polyak() {
    }

    /**
     * Moves {@code target}'s parameters toward {@code online}'s in place; {@code tau = 1} copies them
     * (a hard update). The blocks must have the same architecture.
     */
    public static void update(Block target, Block online, double tau) {
        if (!(tau > 0 && tau <= 1)) {
            throw new IllegalArgumentException("tau = " + tau + " must be in (0, 1]");
        }
        Iterator<Pair<String, Parameter>> t = target.getParameters().iterator();
        Iterator<Pair<String, Parameter>> o = online.getParameters().iterator();
        while (t.hasNext() && o.hasNext()) {
            Pair<String, Parameter> tp = t.next();
            Pair<String, Parameter> op = o.next();
            NDArray ta = tp.getValue().getArray();
            NDArray oa = op.getValue().getArray();
            if (!ta.getShape().equals(oa.getShape())) {
                throw new IllegalArgumentException("parameter " + tp.getKey() + " has shape " + ta.getShape()
                        + " in the target but " + oa.getShape() + " in the online network");
            }
            if (tau == 1) {
                ta.set(oa.toByteBuffer());
            } else {
                try (NDArray scaled = oa.mul((float) tau)) {
                    ta.muli((float) (1 - tau)).addi(scaled);
                }
            }
        }
        if (t.hasNext() || o.hasNext()) {
            throw new IllegalArgumentException("the target and online networks have different numbers of parameters");
        }
    }
}
