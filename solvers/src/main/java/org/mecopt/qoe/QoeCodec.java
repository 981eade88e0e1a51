package org.mecopt.qoe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.api.Tensor;
import org.mecopt.api.TensorCodec;

/**
 * QoE instances and solutions as named tensors (U users). The names, their order and shapes are the
 * dataset format of {@code docs/datasets.md}: never rename or reorder them.
 */
public final class QoeCodec implements TensorCodec<QoeInstance, QoeSolution> {

    /** {@code [U]}: the latency that no CPU share removes, in s. */
    public static final String FIXED_LATENCY_S = "fixedLatencyS";
    /** {@code [U]}: each task's workload in cycles. */
    public static final String WORKLOAD_CYCLES = "workloadCycles";
    /** {@code [U]}: each user's best QoE. */
    public static final String MAX_QOE = "maxQoe";
    /** {@code [U]}: the sigmoid's steepness in 1/s. */
    public static final String STEEPNESS_PER_S = "steepnessPerS";
    /** {@code [U]}: the sigmoid's midpoint in s. */
    public static final String MIDPOINT_S = "midpointS";
    /** {@code [1]}: the server capacity in Hz. */
    public static final String CAPACITY_HZ = "capacityHz";
    /** Label {@code [U]}: each user's CPU share in Hz. */
    public static final String ALLOCATION_HZ = "allocationHz";
    /** Label {@code [U]}: each user's QoE at that share. */
    public static final String QOE = "qoe";

    private static final String FAMILY = "qoe";

    @Override
    public Map<String, Tensor> features(QoeInstance p) {
        List<QoeUser> u = p.users();
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put(FIXED_LATENCY_S, Tensor.of(u.stream().mapToDouble(QoeUser::fixedLatencyS).toArray()));
        f.put(WORKLOAD_CYCLES, Tensor.of(u.stream().mapToDouble(QoeUser::workloadCycles).toArray()));
        f.put(MAX_QOE, Tensor.of(u.stream().mapToDouble(QoeUser::maxQoe).toArray()));
        f.put(STEEPNESS_PER_S, Tensor.of(u.stream().mapToDouble(QoeUser::steepnessPerS).toArray()));
        f.put(MIDPOINT_S, Tensor.of(u.stream().mapToDouble(QoeUser::midpointS).toArray()));
        f.put(CAPACITY_HZ, Tensor.scalar(p.capacityHz()));
        return f;
    }

    @Override
    public Map<String, Tensor> labels(QoeSolution s) {
        Map<String, Tensor> l = new LinkedHashMap<>();
        l.put(ALLOCATION_HZ, Tensor.of(s.allocationHz()));
        l.put(QOE, Tensor.of(s.qoe()));
        return l;
    }

    @Override
    public QoeInstance instance(Map<String, Tensor> f) {
        double[] fixed = feature(f, FIXED_LATENCY_S).data();
        double[] work = feature(f, WORKLOAD_CYCLES).data();
        double[] max = feature(f, MAX_QOE).data();
        double[] steep = feature(f, STEEPNESS_PER_S).data();
        double[] mid = feature(f, MIDPOINT_S).data();
        List<QoeUser> users = new ArrayList<>();
        for (int u = 0; u < fixed.length; u++) {
            users.add(new QoeUser(fixed[u], work[u], max[u], steep[u], mid[u]));
        }
        return new QoeInstance(feature(f, CAPACITY_HZ).data()[0], users);
    }

    @Override
    public QoeSolution solution(QoeInstance instance, Map<String, Tensor> labels) {
        return new QoeSolution(TensorCodec.require(labels, "label", ALLOCATION_HZ, FAMILY).data().clone(),
                TensorCodec.require(labels, "label", QOE, FAMILY).data().clone());
    }

    private static Tensor feature(Map<String, Tensor> f, String name) {
        return TensorCodec.require(f, "features", name, FAMILY);
    }
}
