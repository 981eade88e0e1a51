package org.mecopt.models.latency;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mecopt.io.Json;
import org.mecopt.models.learning.Trunk;

/**
 * Seed 001's trunk: Conv2d (filters, kernel×kernel, same padding) → batch norm → ReLU → 2×2 max-pool
 * → each pooled row flattened into a step of a sequence → LSTM → flatten → batch norm → optionally a
 * hidden dense layer with ReLU. Its layers are the first of the network's block, in this order: the
 * parameter files of every saved model depend on it.
 *
 * @param channels input channels (subcarriers N)
 * @param height image rows (users K)
 * @param width image columns (K for gain, M for magnitude)
 * @param hidden units of the hidden dense layer (0: none, the paper's)
 */
public record CnnLstmTrunk(int channels, int height, int width, int filters, int kernel, int lstmUnits, int hidden)
        implements Trunk {
    @Override
    public String type() {
        return Architecture.TYPE;
    }

    int poolRows() {
        return height >= 2 ? 2 : 1;
    }

    int poolCols() {
        return width >= 2 ? 2 : 1;
    }

    @Override
    public void addTo(SequentialBlock b) {
        b.add(Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(kernel / 2, kernel / 2)).build());
        b.add(BatchNorm.builder().build());
        b.add(Activation.reluBlock());
        b.add(Pool.maxPool2dBlock(new Shape(poolRows(), poolCols()), new Shape(poolRows(), poolCols())));
        // (B, F, H', W') → (B, H', F·W'): a sequence over the pooled rows
        b.add(LambdaBlock.singleton(x -> {
            Shape s = x.getShape();
            return x.transpose(0, 2, 1, 3).reshape(s.get(0), s.get(2), s.get(1) * s.get(3));
        }, "to-sequence"));
        b.add(LSTM.builder().setStateSize(lstmUnits).setNumLayers(1).optBatchFirst(true).optReturnState(false).build());
        b.add(Blocks.batchFlattenBlock());
        b.add(BatchNorm.builder().build());
        if (hidden > 0) {
            b.add(Linear.builder().setUnits(hidden).build());
            b.add(Activation.reluBlock());
        }
    }

    @Override
    public ObjectNode describe() {
        ObjectNode d = Json.mapper().valueToTree(this);
        d.put("type", type());
        return d;
    }
}
