package org.mecopt.models.learning;

import ai.djl.nn.Block;
import ai.djl.nn.ParallelBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * A trunk and its named heads. One head is appended to the trunk's own block, flat, so that a
 * single-head network has the parameter layout of models saved before heads were separate (the
 * bundled model's file depends on it); several heads run side by side after the trunk, one output
 * each, in the order given.
 */
public record Network(Trunk trunk, List<Head> heads) {
    public Network {
        heads = List.copyOf(heads);
        if (heads.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one head");
        }
        if (heads.stream().map(Head::name).distinct().count() != heads.size()) {
            throw new IllegalArgumentException("head names must be unique: " + heads);
        }
    }

    /** A fresh, uninitialized block. */
    public Block build() {
        SequentialBlock network = new SequentialBlock();
        trunk.addTo(network);
        if (heads.size() == 1) {
            heads.get(0).addTo(network);
            return network;
        }
        List<Block> branches = heads.stream().<Block>map(h -> {
            SequentialBlock branch = new SequentialBlock();
            h.addTo(branch);
            return branch;
        }).toList();
        network.add(new ParallelBlock(outputs -> new NDList(outputs.stream().map(NDList::singletonOrThrow).toList()),
                branches));
        return network;
    }

    /** Outputs per sample of all heads, in order. */
    public long outputs() {
        return heads.stream().mapToLong(Head::outputs).sum();
    }
}
