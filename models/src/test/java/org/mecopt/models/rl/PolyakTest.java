package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mecopt.models.learning.Djl;

class PolyakTest {

    private static List<float[]> parameters(Block b) {
        List<float[]> out = new ArrayList<>();
        b.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    @Test
    void softUpdateIsTheConvexCombinationAndTauOneCopies() {
        Djl.offline();
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(1);
            Block online = Networks.initialize(Networks.mlp(3, new int[] {5}, 2, Mlp.Output.IDENTITY), manager, 3);
            Block target = Networks.initialize(Networks.mlp(3, new int[] {5}, 2, Mlp.Output.IDENTITY), manager, 3);
            // the biases start at zero in both: give the online ones values, so every entry is checked
            online.getParameters().forEach(p -> p.getValue().getArray().addi(0.5f));
            List<float[]> o = parameters(online);
            List<float[]> t = parameters(target);
            Polyak.update(target, online, 0.25);
            List<float[]> after = parameters(target);
            for (int k = 0; k < o.size(); k++) {
                float[] expected = new float[o.get(k).length];
                for (int i = 0; i < expected.length; i++) {
                    expected[i] = 0.25f * o.get(k)[i] + 0.75f * t.get(k)[i];
                }
                assertArrayEquals(expected, after.get(k), 1e-6f);
            }
            Polyak.update(target, online, 1.0);
            List<float[]> copied = parameters(target);
            for (int k = 0; k < o.size(); k++) {
                assertArrayEquals(o.get(k), copied.get(k), 0f);
            }
            assertArrayEquals(o.get(0), parameters(online).get(0), 0f, "the online network is untouched");
            assertThrows(IllegalArgumentException.class, () -> Polyak.update(target, online, 0));
            Block other = Networks.initialize(Networks.mlp(3, new int[] {6}, 2, Mlp.Output.IDENTITY), manager, 3);
            assertThrows(IllegalArgumentException.class, () -> Polyak.update(other, online, 0.5));
        }
    }
}
