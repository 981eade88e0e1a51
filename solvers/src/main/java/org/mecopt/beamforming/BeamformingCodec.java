package org.mecopt.beamforming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Tensor;
import org.mecopt.api.TensorCodec;

/**
 * {@code subcarrier-beamforming} instances and solutions as named tensors (N subcarriers, I users, B
 * stations, A = Σ_b M_b antennas). The complex tensors keep {@link ComplexTensor}'s flat layout, so
 * {@code channel} and {@code beams} are its data as-is with shape {@code [N, I, A, 2]}. The names,
 * their order and shapes are the dataset format: never rename or reorder them.
 */
public final class BeamformingCodec implements TensorCodec<BeamformingInstance, BeamformingSolution> {

    /** {@code [N, I, A, 2]}: the stacked channel, {@code [n, i, offset(b) + m, re|im]}. */
    public static final String CHANNEL = "channel";
    /** {@code [B]}: {@code M_b}. */
    public static final String ANTENNAS = "antennas";
    /** {@code [B]}: {@code P_b^max} in W. */
    public static final String MAX_POWER_W = "maxPowerW";
    /** {@code [I]}: {@code α_i}. */
    public static final String WEIGHT = "weight";
    /** {@code [I]}: {@code r_i^min} in bit/s. */
    public static final String MIN_RATE_BPS = "minRateBps";
    /** {@code [1]}: {@code W_sc} in Hz. */
    public static final String SUBCARRIER_BANDWIDTH_HZ = "subcarrierBandwidthHz";
    /** {@code [1]}: {@code σ²} in W. */
    public static final String NOISE_W = "noiseW";
    /** {@code [1]}: Q. */
    public static final String MAX_USERS_PER_SUBCARRIER = "maxUsersPerSubcarrier";
    /** Label {@code [N, I, A, 2]}: the beams, same layout as {@link #CHANNEL}. */
    public static final String BEAMS = "beams";
    /** Label {@code [I]}: each user's rate in bit/s. */
    public static final String RATE_BPS = "rateBps";

    private static final String FAMILY = BeamformingInstance.PROBLEM;

    @Override
    public Map<String, Tensor> features(BeamformingInstance p) {
        Map<String, Tensor> f = new LinkedHashMap<>();
        f.put(CHANNEL, complex(p.channel()));
        f.put(ANTENNAS, Tensor.of(p.stations().stream().mapToInt(BeamformingStation::antennas).toArray()));
        f.put(MAX_POWER_W, Tensor.of(p.stations().stream().mapToDouble(BeamformingStation::maxPowerW).toArray()));
        f.put(WEIGHT, Tensor.of(p.users().stream().mapToDouble(BeamformingUser::weight).toArray()));
        f.put(MIN_RATE_BPS, Tensor.of(p.users().stream().mapToDouble(BeamformingUser::minRateBps).toArray()));
        f.put(SUBCARRIER_BANDWIDTH_HZ, Tensor.scalar(p.subcarrierBandwidthHz()));
        f.put(NOISE_W, Tensor.scalar(p.noiseW()));
        f.put(MAX_USERS_PER_SUBCARRIER, Tensor.scalar(p.maxUsersPerSubcarrier()));
        return f;
    }

    @Override
    public Map<String, Tensor> labels(BeamformingSolution s) {
        Map<String, Tensor> l = new LinkedHashMap<>();
        l.put(BEAMS, complex(s.beams()));
        l.put(RATE_BPS, Tensor.of(s.rateBps()));
        return l;
    }

    /** A complex tensor as {@code [N, I, A, 2]} over its flat data (a copy). */
    public static Tensor complex(ComplexTensor t) {
        return new Tensor(t.data(), new int[] {t.subcarriers(), t.users(), t.totalAntennas(), 2});
    }

    @Override
    public BeamformingInstance instance(Map<String, Tensor> f) {
        double[] antennaCounts = feature(f, ANTENNAS).data();
        double[] power = feature(f, MAX_POWER_W).data();
        if (power.length != antennaCounts.length) {
            throw new InvalidInstanceException("features." + MAX_POWER_W + ".length", power.length,
                    "must equal features." + ANTENNAS + ".length = " + antennaCounts.length);
        }
        int[] antennas = new int[antennaCounts.length];
        List<BeamformingStation> stations = new ArrayList<>();
        for (int b = 0; b < antennas.length; b++) {
            antennas[b] = integer("features." + ANTENNAS + "[" + b + "]", antennaCounts[b]);
            stations.add(new BeamformingStation(antennas[b], power[b]));
        }
        double[] weight = feature(f, WEIGHT).data();
        double[] minRate = feature(f, MIN_RATE_BPS).data();
        if (minRate.length != weight.length) {
            throw new InvalidInstanceException("features." + MIN_RATE_BPS + ".length", minRate.length,
                    "must equal features." + WEIGHT + ".length = " + weight.length);
        }
        List<BeamformingUser> users = new ArrayList<>();
        for (int i = 0; i < weight.length; i++) {
            users.add(new BeamformingUser(weight[i], minRate[i]));
        }
        Tensor h = feature(f, CHANNEL);
        ComplexTensor channel = complex("features." + CHANNEL, h, weight.length, antennas);
        return new BeamformingInstance(feature(f, SUBCARRIER_BANDWIDTH_HZ).data()[0], feature(f, NOISE_W).data()[0],
                integer("features." + MAX_USERS_PER_SUBCARRIER, feature(f, MAX_USERS_PER_SUBCARRIER).data()[0]),
                stations, users, channel);
    }

    /** The solution of label {@link #BEAMS} (rates are read from {@link #RATE_BPS} when present, else recomputed). */
    @Override
    public BeamformingSolution solution(BeamformingInstance instance, Map<String, Tensor> labels) {
        ComplexTensor beams = complex("label." + BEAMS, TensorCodec.require(labels, "label", BEAMS, FAMILY),
                instance.userCount(), instance.channel().antennas());
        Tensor rates = labels.get(RATE_BPS);
        return rates == null ? instance.solution(beams) : new BeamformingSolution(beams, rates.data());
    }

    /** A {@code [N, I, A, 2]} tensor as a complex tensor for I users and the given antennas. */
    private static ComplexTensor complex(String field, Tensor t, int users, int[] antennas) {
        int total = 0;
        for (int m : antennas) {
            total += m;
        }
        int[] s = t.shape();
        if (s.length != 4 || s[1] != users || s[2] != total || s[3] != 2) {
            throw new InvalidInstanceException(field + ".shape", java.util.Arrays.toString(s),
                    "must be [N, " + users + ", " + total + ", 2]");
        }
        return ComplexTensor.of(field, s[0], users, antennas, t.data());
    }

    private static int integer(String field, double v) {
        if (v != Math.rint(v) || v < 1 || v > Integer.MAX_VALUE) {
            throw new InvalidInstanceException(field, v, "must be a positive integer");
        }
        return (int) v;
    }

    private static Tensor feature(Map<String, Tensor> f, String name) {
        return TensorCodec.require(f, "features", name, FAMILY);
    }
}
