package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.models.rl.Mlp;
import org.mecopt.models.rl.Networks;

/**
 * dmtssl's networks: one MLP per station, station b's fed only its own slice of the input (its
 * local channels, shape (S, B, F) → (S, F) each) and giving its own outputs, stacked to (S, B, out).
 * There is no path from one station's input to another station's network, so the parameters of
 * station b receive exactly the gradient {@code (∂L/∂y_b)·(∂y_b/∂θ_b)}: the global loss L's gradient
 * with respect to b's outputs, as a coordinating macro station would compute and send back, times
 * b's own local backward pass. Running all stations in one graph is therefore the same computation
 * as the message-passing form, only without the messages.
 */
final class StationNetworks extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int stations;
    private final int outputs;
    private final List<Block> networks = new ArrayList<>();

    StationNetworks(int stations, int inputs, int[] hidden, int outputs) {
        super(VERSION);
        this.stations = stations;
        this.outputs = outputs;
        for (int b = 0; b < stations; b++) {
            networks.add(addChildBlock("station" + b, Networks.mlp(inputs, hidden, outputs, Mlp.Output.IDENTITY)));
        }
    }

    Block station(int b) {
        return networks.get(b);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList outs = new NDList();
        for (int b = 0; b < stations; b++) {
            NDArray local = x.get(new NDIndex(":, {}, :", b));
            outs.add(networks.get(b).forward(store, new NDList(local), training, params).singletonOrThrow());
        }
        return new NDList(NDArrays.stack(outs, 1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), stations, outputs)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape in = inputShapes[0];
        for (Block n : networks) {
            n.initialize(manager, dataType, new Shape(in.get(0), in.get(2)));
        }
    }
}
