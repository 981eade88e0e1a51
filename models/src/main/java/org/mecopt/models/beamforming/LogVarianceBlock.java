package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.util.PairList;

/**
 * The learned log-variances of {@link UncertaintyWeights}, one per task, as a block that ignores
 * its input and outputs its parameter, shape (1, T). Why a block: so that the weights are
 * parameters of the network like any other — Adam updates them, the checkpoint saves them —
 * without the training loop knowing they exist. Starts at 0 (every weight ½).
 */
final class LogVarianceBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private final int tasks;
    private final Parameter logVariance;

    LogVarianceBlock(int tasks) {
        super(VERSION);
        this.tasks = tasks;
        this.logVariance = addParameter(Parameter.builder().setName("logVariance").setType(Parameter.Type.OTHER)
                .optShape(new Shape(tasks)).optInitializer(new ConstantInitializer(0f)).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(store.getValue(logVariance, inputs.head().getDevice(), training).reshape(1, tasks));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(1, tasks)};
    }

    @Override
    protected void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        // no children: the one parameter has its shape from the start
    }
}
