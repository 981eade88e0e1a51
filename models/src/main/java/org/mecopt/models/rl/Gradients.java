package org.mecopt.models.rl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * The gradient bookkeeping DDPG and MADDPG share: freezing target networks, clearing gradients
 * before every half-update, one forward pass.
 *
 * <p>Why clearing matters: an actor's loss runs through a critic, so its backward pass fills the
 * critic's gradients too, and the engine would add them to the next critic step's.
 */
final class Gradients {
    private Gradients() {
    }

    /** Marks every parameter of {@code block} as needing no gradient (a target network). */
    static void freeze(Block block) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            p.getValue().getArray().setRequiresGradient(false);
        }
    }

    /** Zeroes the gradients of every parameter of the blocks. */
    static void clear(Iterable<Block> blocks) {
        for (Block b : blocks) {
            for (Pair<String, Parameter> p : b.getParameters()) {
                try (NDArray gradient = p.getValue().getArray().getGradient()) {
                    gradient.subi(gradient);
                }
            }
        }
    }

    /** {@code block}'s single output for {@code input}. */
    static NDArray forward(ParameterStore store, Block block, NDArray input, boolean training) {
        return block.forward(store, new NDList(input), training).singletonOrThrow();
    }
}
