package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.Json;
import org.mecopt.models.learning.Head;
import org.mecopt.models.learning.Network;
import org.mecopt.models.learning.Trunk;
import org.mecopt.models.rl.Mlp;
import org.mecopt.models.rl.Networks;

/**
 * The network of a learned beamformer, on the learning core's {@link Network} (a trunk and named
 * heads), and how its outputs become the loss's canonical tensors.
 *
 * <ul>
 * <li>cmtssl: trunk = dense layers {@code hidden} with ReLU from the whole channel (2·N·I·K inputs);
 *     heads {@code beams} (linear, 2·N·I·K raw beam components), {@code allocation} (linear, N·I
 *     gate logits) and {@code taskWeights} (the learned log-variances, {@link LogVarianceBlock}).</li>
 * <li>dmtssl/datl: trunk = {@link StationNetworks}, one MLP per station from its 2·N·I·M local
 *     inputs through {@code hidden} to 2·N·I·M raw beam components and N·I gate logits; heads
 *     {@code stations} (the trunk's outputs as they are) and {@code taskWeights}. The allocation's
 *     logit for (n, i) is the mean of the stations' — the coordinating step.</li>
 * </ul>
 *
 * @param hidden the hidden layer sizes (of the one network, or of each station's)
 * @param decoder how the beam outputs become beams ({@link Decoder}; rzf for cmtssl only)
 */
public record BeamformingArchitecture(Method method, Dimensions dims, int[] hidden, Decoder decoder) {
    /** The paper's sizes (seed 002): 512-1024-512. */
    public static final int[] PAPER_HIDDEN = {512, 1024, 512};

    public BeamformingArchitecture {
        hidden = hidden.clone();
        if (decoder == Decoder.ASSOCIATED && !method.perStation()) {
            throw new InvalidInstanceException("--decoder", decoder.id(), "is for the per-station methods (dmtssl, datl)");
        }
        if (hidden.length == 0) {
            throw new InvalidInstanceException("--hidden", "", "needs at least one layer");
        }
        for (int h : hidden) {
            if (h < 1) {
                throw new InvalidInstanceException("--hidden", Arrays.toString(hidden), "every layer needs >= 1 unit");
            }
        }
    }

    public int tasks() {
        return BeamformingLoss.tasks(dims);
    }

    /** Inputs per sample. */
    public int inputs() {
        return 2 * dims.coefficients();
    }

    /** The central network's beam head outputs: every coefficient (direct) or a power and a regularization per (n, i) (rzf). */
    int beamOutputs() {
        return decoder.structured() ? 2 * dims.subcarriers() * dims.users() : 2 * dims.coefficients();
    }

    /** Whether the projection uses one factor for all stations (network-wide zero-forcing: cmtssl with rzf). */
    public boolean commonProjection() {
        return decoder.structured() && !method.perStation();
    }

    /** Beam outputs of one station's network: its coefficients (direct) or a power and a regularization per (n, i) (local rzf). */
    int stationBeamOutputs() {
        return decoder.structured() ? 2 * dims.subcarriers() * dims.users() : 2 * dims.localCoefficients();
    }

    /** One station's view for the local rzf decoder: B = 1, its M antennas. */
    Dimensions local() {
        return new Dimensions(1, dims.antennas(), dims.users(), dims.subcarriers());
    }

    /** Outputs of one station's network (dmtssl). */
    int stationOutputs() {
        return stationBeamOutputs() + dims.subcarriers() * dims.users();
    }

    public Shape inputShape(int batch) {
        return method.perStation() ? new Shape(batch, dims.stations(), 2L * dims.localCoefficients())
                : new Shape(batch, inputs());
    }

    public Network network() {
        if (method.perStation()) {
            return new Network(new StationTrunk(), List.of(new IdentityHead(), new TaskWeightsHead()));
        }
        return new Network(new DenseTrunk(), List.of(new LinearHead("beams", beamOutputs()),
                new LinearHead("allocation", (long) dims.subcarriers() * dims.users()), new TaskWeightsHead()));
    }

    public Block build() {
        return network().build();
    }

    /** Parameters per station's network (dmtssl), or of the one network (cmtssl), without the task weights. */
    public long parametersPerNetwork() {
        int in = method.perStation() ? 2 * dims.localCoefficients() : inputs();
        long count = 0;
        int previous = in;
        for (int h : hidden) {
            count += (long) previous * h + h;
            previous = h;
        }
        long out = method.perStation() ? stationOutputs() : beamOutputs() + (long) dims.subcarriers() * dims.users();
        return count + previous * out + out;
    }

    /**
     * The outputs in the loss's terms: raw beams in √W before the projection (S, N, I, K), real and
     * imaginary, gate logits (S, N, I), log-variances (1, T); {@code context} is the batch's
     * ({@link BeamformingBatch}).
     */
    public NDList canonical(NDList outputs, NDList context) {
        int n = dims.subcarriers();
        int u = dims.users();
        int k = dims.totalAntennas();
        long s = outputs.get(0).getShape().get(0);
        NDArray logits;
        NDArray re;
        NDArray im;
        if (decoder.structured() && method.perStation()) {
            NDArray all = outputs.get(0); // (S, B, 2NI + NI)
            int beamOut = stationBeamOutputs();
            NDList res = new NDList();
            NDList ims = new NDList();
            NDArray hRe = BeamformingBatch.channelRe(context);
            NDArray hIm = BeamformingBatch.channelIm(context);
            NDArray power = BeamformingBatch.maxPower(context);
            int m = dims.antennas();
            NDArray served = decoder == Decoder.ASSOCIATED ? strongestStation(hRe, hIm) : null;
            for (int b = 0; b < dims.stations(); b++) {
                String antennas = "..., " + b * m + ":" + (b + 1) * m;
                NDArray[] w = Rzf.beams(all.get(":, " + b + ", :" + beamOut), hRe.get(antennas), hIm.get(antennas),
                        power.get(":, " + b + ":" + (b + 1)), served == null ? null : served.get("..., " + b), local());
                res.add(w[0]);
                ims.add(w[1]);
            }
            re = NDArrays.concat(res, 3);
            im = NDArrays.concat(ims, 3);
            logits = all.get(":, :, " + beamOut + ":").mean(new int[] {1}).reshape(s, n, u);
        } else if (decoder.structured()) {
            NDArray[] w = Rzf.beams(outputs.get(0), BeamformingBatch.channelRe(context), BeamformingBatch.channelIm(context),
                    BeamformingBatch.maxPower(context), dims);
            re = w[0];
            im = w[1];
            logits = outputs.get(1).reshape(s, n, u);
        } else {
            NDArray beams;
            if (method.perStation()) {
                NDArray all = outputs.get(0); // (S, B, 2NIM + NI)
                int local = 2 * dims.localCoefficients();
                NDArray beamPart = all.get(":, :, :" + local).reshape(s, dims.stations(), n, u, dims.antennas(), 2);
                beams = beamPart.transpose(0, 2, 3, 1, 4, 5).reshape(s, n, u, k, 2);
                logits = all.get(":, :, " + local + ":").mean(new int[] {1}).reshape(s, n, u);
            } else {
                beams = outputs.get(0).reshape(s, n, u, k, 2);
                logits = outputs.get(1).reshape(s, n, u);
            }
            NDArray amplitude = BeamformingBatch.maxPower(context).sqrt(); // raw outputs are in units of √P_b^max
            re = PowerProjection.apply(beams.get("..., 0"), amplitude, dims.antennas());
            im = PowerProjection.apply(beams.get("..., 1"), amplitude, dims.antennas());
        }
        return new NDList(re, im, logits, outputs.get(outputs.size() - 1));
    }

    /**
     * (S, N, I, B): 1 where station b is the strongest for (n, i) (largest {@code ‖h_{n,i,b}‖²}), else 0;
     * what the users report to the stations, no channel coefficients ({@link Decoder#ASSOCIATED}).
     */
    NDArray strongestStation(NDArray hRe, NDArray hIm) {
        Shape shape = hRe.getShape();
        NDArray gain = hRe.square().add(hIm.square())
                .reshape(shape.get(0), shape.get(1), shape.get(2), dims.stations(), dims.antennas()).sum(new int[] {4});
        return gain.gte(gain.max(new int[] {3}, true)).toType(gain.getDataType(), false);
    }

    /** The same in Java for one instance: {@code served[b][n·I + i]}, from the flat interleaved channel. */
    boolean[][] strongestStation(double[] h) {
        int ni = dims.subcarriers() * dims.users();
        double[][] gain = new double[dims.stations()][ni];
        for (int n = 0; n < dims.subcarriers(); n++) {
            for (int i = 0; i < dims.users(); i++) {
                for (int b = 0; b < dims.stations(); b++) {
                    for (int m = 0; m < dims.antennas(); m++) {
                        int k = dims.index(n, i, b, m);
                        gain[b][n * dims.users() + i] += h[2 * k] * h[2 * k] + h[2 * k + 1] * h[2 * k + 1];
                    }
                }
            }
        }
        boolean[][] served = new boolean[dims.stations()][ni];
        for (int k = 0; k < ni; k++) {
            double best = 0;
            for (int b = 0; b < dims.stations(); b++) {
                best = Math.max(best, gain[b][k]);
            }
            for (int b = 0; b < dims.stations(); b++) {
                served[b][k] = gain[b][k] >= best;
            }
        }
        return served;
    }

    /** The initial allocation logit: σ(4) ≈ 0.98, every user scheduled, as the classical methods start. */
    static final float OPEN_GATE = 4f;

    /**
     * Sets the biases of the allocation outputs of a freshly initialized block to {@link #OPEN_GATE},
     * and (rzf) the beams head's parameters to 0, so that training starts from regularized
     * zero-forcing with equal power and the MMSE regularization.
     * Why: a gate of ½ (a zero logit) would halve every beam and cost 6 dB of SNR until training
     * learned it back; starting open, training only has to learn which users to drop.
     */
    void openGates(Block block) {
        openGates(block, true);
    }

    /**
     * As {@link #openGates(Block)}; with {@code zeroBeams} false the beams head keeps the engine's
     * random initialization (rzf: random powers and regularizations around the decoder's start), a start
     * that training has to improve on (experiment {@code datl-transfer}).
     */
    void openGates(Block block, boolean zeroBeams) {
        List<Block> children = block.getChildren().values();
        if (method.perStation()) {
            StationNetworks stations = (StationNetworks) children.get(0);
            int beamOut = stationBeamOutputs();
            for (int b = 0; b < dims.stations(); b++) {
                var params = stations.station(b).getParameters();
                NDArray weight = params.valueAt(params.size() - 2).getArray(); // (outputs, inputs)
                NDArray bias = params.valueAt(params.size() - 1).getArray();
                float[] v = bias.toFloatArray();
                for (int k = 0; k < v.length; k++) {
                    v[k] = k >= beamOut ? OPEN_GATE : decoder.structured() && zeroBeams ? 0 : v[k];
                }
                bias.set(v);
                if (decoder.structured() && zeroBeams) { // local rzf with equal power and the MMSE regularization to start
                    float[] w = weight.toFloatArray();
                    int in = (int) weight.getShape().get(1);
                    java.util.Arrays.fill(w, 0, beamOut * in, 0f);
                    weight.set(w);
                }
            }
            return;
        }
        if (decoder.structured() && zeroBeams) {
            // the beams head starts at zero: every output 0, i.e. equal power and the MMSE regularization,
            // the classical regularized zero-forcing design, which training then refines
            for (var p : ((ai.djl.nn.ParallelBlock) children.get(1)).getChildren().values().get(0).getParameters()) {
                NDArray a = p.getValue().getArray();
                a.set(new float[(int) a.size()]);
            }
        }
        Block allocation = ((ai.djl.nn.ParallelBlock) children.get(1)).getChildren().values().get(1);
        var params = allocation.getParameters();
        NDArray bias = params.valueAt(params.size() - 1).getArray();
        float[] v = bias.toFloatArray();
        java.util.Arrays.fill(v, OPEN_GATE);
        bias.set(v);
    }

    public ObjectNode describe() {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("method", method.id());
        o.put("stations", dims.stations());
        o.put("antennas", dims.antennas());
        o.put("users", dims.users());
        o.put("subcarriers", dims.subcarriers());
        o.set("hidden", Json.mapper().valueToTree(hidden));
        o.put("decoder", decoder.id());
        o.put("parametersPerNetwork", parametersPerNetwork());
        return o;
    }

    public static BeamformingArchitecture fromJson(com.fasterxml.jackson.databind.JsonNode o) {
        int[] hidden = new int[o.path("hidden").size()];
        for (int h = 0; h < hidden.length; h++) {
            hidden[h] = o.path("hidden").get(h).asInt();
        }
        return new BeamformingArchitecture(Method.parse(o.path("method").asText()), new Dimensions(
                o.path("stations").asInt(), o.path("antennas").asInt(), o.path("users").asInt(),
                o.path("subcarriers").asInt()), hidden, Decoder.parse(o.path("decoder").asText("direct")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BeamformingArchitecture a && a.method == method && a.dims.equals(dims)
                && Arrays.equals(a.hidden, hidden) && a.decoder == decoder;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * method.hashCode() + dims.hashCode()) + Arrays.hashCode(hidden)) + decoder.hashCode();
    }

    @Override
    public String toString() {
        return method.id() + " (" + dims + ", hidden " + Arrays.toString(hidden) + ", " + decoder.id() + " decoder)";
    }

    /** cmtssl's trunk: one child block, the dense layers with ReLU after each (read back by {@link Mlp#of}). */
    private final class DenseTrunk implements Trunk {
        @Override
        public String type() {
            return "dense";
        }

        @Override
        public void addTo(SequentialBlock network) {
            int[] inner = Arrays.copyOf(hidden, hidden.length - 1);
            SequentialBlock trunk = Networks.mlp(inputs(), inner, hidden[hidden.length - 1], Mlp.Output.IDENTITY);
            trunk.add(Activation.reluBlock());
            network.add(trunk);
        }

        @Override
        public ObjectNode describe() {
            return BeamformingArchitecture.this.describe();
        }
    }

    /** dmtssl's trunk: the per-station networks. */
    private final class StationTrunk implements Trunk {
        @Override
        public String type() {
            return "per-station-dense";
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(new StationNetworks(dims.stations(), 2 * dims.localCoefficients(), hidden, stationOutputs()));
        }

        @Override
        public ObjectNode describe() {
            return BeamformingArchitecture.this.describe();
        }
    }

    private record LinearHead(String name, long outputs) implements Head {
        @Override
        public String type() {
            return "linear";
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(Linear.builder().setUnits(outputs).build());
        }
    }

    private final class IdentityHead implements Head {
        @Override
        public String name() {
            return "stations";
        }

        @Override
        public String type() {
            return "per-station-outputs";
        }

        @Override
        public long outputs() {
            return (long) dims.stations() * stationOutputs();
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(new LambdaBlock(x -> x));
        }
    }

    private final class TaskWeightsHead implements Head {
        @Override
        public String name() {
            return "taskWeights";
        }

        @Override
        public String type() {
            return "uncertainty-log-variance";
        }

        @Override
        public long outputs() {
            return tasks();
        }

        @Override
        public void addTo(SequentialBlock network) {
            network.add(new LogVarianceBlock(tasks()));
        }
    }
}
