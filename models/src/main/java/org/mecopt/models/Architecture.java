package org.mecopt.models;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;

/**
 * Seed 001's CNN-LSTM: Conv2d (32 filters, 3×3, same padding) → batch norm → ReLU → 2×2 max-pool →
 * each pooled row (one per user pair of rows) flattened into a step of a sequence → LSTM (50 units) →
 * flatten → batch norm → a dense {@link Head}: by default per user a softmax over the N subcarriers
 * plus a slack, of which the N subcarrier shares are the powers (feasible by construction), or the
 * paper's plain regression of (α, p, ρ).
 *
 * @param channels input channels (subcarriers N)
 * @param height image rows (users K)
 * @param width image columns (K for gain, M for magnitude)
 * @param subcarriers N
 * @param users K
 * @param filters convolution filters (32)
 * @param kernel convolution kernel (3)
 * @param lstmUnits LSTM state size (50)
 * @param head the output {@link Head}'s id
 */
public record Architecture(String type, int channels, int height, int width, int subcarriers, int users,
                           int filters, int kernel, int lstmUnits, String head) {

    public static final String TYPE = "cnn-lstm";
    public Architecture {
        Head.parse(head);
    }

    public static Architecture paper(int subcarriers, int users, int width, Head head) {
        return new Architecture(TYPE, subcarriers, users, width, subcarriers, users, 32, 3, 50, head.id());
    }

    public Head outputHead() {
        return Head.parse(head);
    }

    public Shape inputShape(long batch) {
        return new Shape(batch, channels, height, width);
    }

    public int outputSize() {
        return outputHead().outputSize(subcarriers, users);
    }

    int poolRows() {
        return height >= 2 ? 2 : 1;
    }

    int poolCols() {
        return width >= 2 ? 2 : 1;
    }

    /** A fresh, uninitialized block. */
    public Block build() {
        int n = subcarriers;
        int k = users;
        SequentialBlock b = new SequentialBlock();
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
        outputHead().addTo(b, n, k);
        return b;
    }
}
