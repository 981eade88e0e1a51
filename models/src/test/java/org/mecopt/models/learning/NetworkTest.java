package org.mecopt.models.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {
    record Dense(String name, int units) implements Head {
        @Override
        public String type() {
            return "linear";
        }

        @Override
        public long outputs() {
            return units;
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(Linear.builder().setUnits(units).build());
        }
    }

    static final Trunk TRUNK = new TrainingLoopTest.Identity();

    @Test
    void severalHeadsGiveOneOutputEachInOrder() {
        Djl.offline();
        Network network = new Network(TRUNK, List.of(new Dense("a", 1), new Dense("b", 3)));
        assertEquals(4, network.outputs());
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = network.build();
            block.initialize(m, DataType.FLOAT32, new Shape(5, 2));
            NDList out = block.forward(new ParameterStore(m, false), new NDList(m.ones(new Shape(5, 2))), false);
            assertEquals(2, out.size());
            assertEquals(new Shape(5, 1), out.get(0).getShape());
            assertEquals(new Shape(5, 3), out.get(1).getShape());
        }
    }

    @Test
    void oneHeadIsAppendedFlatAsModelsSavedBeforeHeadsExisted() {
        Djl.offline();
        Block block = new Network(TRUNK, List.of(new Dense("a", 2))).build();
        SequentialBlock flat = new SequentialBlock();
        flat.add(Linear.builder().setUnits(2).build());
        assertEquals(flat.getParameters().keys(), block.getParameters().keys());
    }

    @Test
    void headNamesAreUnique() {
        assertThrows(IllegalArgumentException.class, () -> new Network(TRUNK, List.of(new Dense("a", 1), new Dense("a", 2))));
        assertThrows(IllegalArgumentException.class, () -> new Network(TRUNK, List.of()));
    }
}
