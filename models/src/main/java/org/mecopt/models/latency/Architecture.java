package org.mecopt.models.latency;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.models.learning.Network;

/**
 * The latency CNN-LSTM as its manifest describes it (field {@code architecture}): a {@link CnnLstmTrunk}
 * and one {@link Head}. Seed 001's CNN-LSTM: Conv2d (32 filters, 3×3, same padding) → batch norm → ReLU → 2×2 max-pool →
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
        return trunk().poolRows();
    }

    int poolCols() {
        return trunk().poolCols();
    }

    /** The network: the CNN-LSTM trunk and one head, {@code power}. */
    public Network network() {
        return new Network(trunk(), List.of(new Head.PowerHead(outputHead(), subcarriers, users)));
    }

    public CnnLstmTrunk trunk() {
        return new CnnLstmTrunk(channels, height, width, filters, kernel, lstmUnits, hidden);
    }

    /** A fresh, uninitialized block. */
    public Block build() {
        return network().build();
    }
}
