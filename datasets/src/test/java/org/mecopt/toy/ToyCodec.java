package org.mecopt.toy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mecopt.api.Tensor;
import org.mecopt.api.TensorCodec;

/** The toy problem as tensors: features {@code target} [n] and {@code cap} [1], label {@code x} [n]. */
public final class ToyCodec implements TensorCodec<ToyInstance, ToySolution> {
    public static final String TARGET = "target";
    public static final String CAP = "cap";
    public static final String X = "x";

    @Override
    public Map<String, Tensor> features(ToyInstance p) {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put(TARGET, Tensor.of(p.target()));
        f.put(CAP, Tensor.scalar(p.cap()));
        return f;
    }

    @Override
    public Map<String, Tensor> labels(ToySolution s) {
        return Map.of(X, Tensor.of(s.x()));
    }

    @Override
    public ToyInstance instance(Map<String, Tensor> f) {
        return new ToyInstance(TensorCodec.require(f, "features", TARGET, ToyFamily.NAME).data(),
                TensorCodec.require(f, "features", CAP, ToyFamily.NAME).data()[0]);
    }

    @Override
    public ToySolution solution(ToyInstance instance, Map<String, Tensor> labels) {
        return new ToySolution(TensorCodec.require(labels, "label", X, ToyFamily.NAME).data().clone());
    }
}
