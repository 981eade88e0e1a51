package org.mecopt.models.latency;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import ai.djl.nn.recurrent.LSTM;
import org.mecopt.api.InvalidInstanceException;

/**
 * Seed 001's CNN-LSTM: Conv2d (32 filters, 3×3, same padding) → batch norm → ReLU → 2×2 max-pool →
 * each pooled row (one per user pair of rows) flattened into a step of a sequence → LSTM (50 units) →
 * flatten → batch norm → [optionally a hidden dense layer with ReLU] → a dense {@link Head}: by
 * default per user a softmax over the N subcarriers plus a slack, of which the N subcarrier shares are
 * the powers (feasible by construction), or the paper's plain regression of (α, p, ρ). The sizes in
 * parentheses are the paper's ({@link Size#PAPER}); {@code train latency} can change them.
 *
 * @param channels input channels (subcarriers N)
 * @param height image rows (users K)
 * @param width image columns (K for gain, M for magnitude)
 * @param subcarriers N
 * @param users K
 * @param filters convolution filters (32)
 * @param kernel convolution kernel (3)
 * @param lstmUnits LSTM state size (50)
 * @param hidden units of the hidden dense layer before the head (0: none, the paper's)
 * @param head the output {@link Head}'s id
 */
public record Architecture(String type, int channels, int height, int width, int subcarriers, int users,
                           int filters, int kernel, int lstmUnits, int hidden, String head) {

    public static final String TYPE = "cnn-lstm";

    /**
     * The sizes a user may choose: convolution filters, LSTM units and hidden dense units (0: no hidden
     * layer). Larger sizes fit the labels better at a cost in inference time (see docs/models.md).
     */
    public record Size(int filters, int lstmUnits, int hidden) {
        public static final int PAPER_FILTERS = 32;
        public static final int PAPER_LSTM_UNITS = 50;
        /** Seed 001's: 32 filters, 50 LSTM units, the head straight after the LSTM. */
        public static final Size PAPER = new Size(PAPER_FILTERS, PAPER_LSTM_UNITS, 0);

        public Size {
            if (filters < 1) {
                throw new InvalidInstanceException("--filters", filters, "must be >= 1");
            }
            if (lstmUnits < 1) {
                throw new InvalidInstanceException("--lstm-units", lstmUnits, "must be >= 1");
            }
            if (hidden < 0) {
                throw new InvalidInstanceException("--hidden", hidden, "must be >= 0 (0: no hidden layer)");
            }
        }
    }

    public Architecture {
        Head.parse(head);
        new Size(filters, lstmUnits, hidden); // validates
    }

    public static Architecture paper(int subcarriers, int users, int width, Head head) {
        return of(subcarriers, users, width, head, Size.PAPER);
    }

    public static Architecture of(int subcarriers, int users, int width, Head head, Size size) {
        return new Architecture(TYPE, subcarriers, users, width, subcarriers, users, size.filters(), 3,
                size.lstmUnits(), size.hidden(), head.id());
    }

    public Size size() {
        return new Size(filters, lstmUnits, hidden);
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
        if (hidden > 0) {
            b.add(Linear.builder().setUnits(hidden).build());
            b.add(Activation.reluBlock());
        }
        outputHead().addTo(b, n, k);
        return b;
    }
}
