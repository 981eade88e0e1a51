package org.mecopt.beamforming;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;

/**
 * Joint subcarrier allocation and coordinated beamforming (seed 002, MODEL.md §5; <b>our
 * reconstruction</b> of a paper of which only a summary exists). B stations, station b with
 * {@code M_b} antennas, jointly serve I single-antenna users on N subcarriers of bandwidth
 * {@code W_sc}:
 * <pre>
 *   SINR_{n,i} = |Σ_b h_{n,i,b}^H w_{n,i,b}|² / (Σ_{j≠i} |Σ_b h_{n,i,b}^H w_{n,j,b}|² + σ²)
 *   r_i = W_sc Σ_n log2(1 + SINR_{n,i})
 *   maximize Σ_i α_i r_i  s.t.  r_i ≥ r_i^min,  Σ_{n,i} ‖w_{n,i,b}‖² ≤ P_b^max,
 *                               |{i : some w_{n,i,b} ≠ 0}| ≤ Q on every subcarrier n
 * </pre>
 * A maximization. The minimum rates can make an instance infeasible; solvers then report the
 * violations. Immutable and validated at construction: a bad field throws
 * {@link InvalidInstanceException} naming it (ranges: {@link BeamformingRanges}).
 *
 * <p>Tolerances of the check: station powers may exceed their limit by a relative {@link #TOLERANCE},
 * rates may fall short of the minimum by the same relative amount; a solution's reported rates must
 * match the recomputed ones within it.
 *
 * @param subcarrierBandwidthHz {@code W_sc}
 * @param noiseW {@code σ²}, the noise power per subcarrier, W
 * @param maxUsersPerSubcarrier {@code Q}
 * @param stations the B stations
 * @param users the I users
 * @param channel {@code h[n][i][b][m]}, large-scale gain included (flat layout: {@link ComplexTensor})
 */
public record BeamformingInstance(double subcarrierBandwidthHz, double noiseW, int maxUsersPerSubcarrier,
                                  List<BeamformingStation> stations, List<BeamformingUser> users,
                                  ComplexTensor channel) implements Problem<BeamformingSolution> {

    /** The family's name and the instance JSON's {@code "problem"}. */
    public static final String PROBLEM = "subcarrier-beamforming";
    /** Relative slack on station powers, minimum rates and reported rates when a solution is checked. */
    public static final double TOLERANCE = 1e-9;

    public BeamformingInstance {
        BeamformingRanges.SUBCARRIER_BANDWIDTH_HZ.check("subcarrierBandwidthHz", subcarrierBandwidthHz);
        BeamformingRanges.NOISE_W.check("noiseW", noiseW);
        BeamformingRanges.MAX_USERS_PER_SUBCARRIER.check("maxUsersPerSubcarrier", maxUsersPerSubcarrier);
        stations = Check.elements("stations", stations);
        Check.atLeast("stations.length", stations.size(), 1);
        users = Check.elements("users", users);
        Check.atLeast("users.length", users.size(), 1);
        int total = 0;
        for (int b = 0; b < stations.size(); b++) {
            BeamformingStation s = stations.get(b);
            BeamformingRanges.ANTENNAS.check("stations[" + b + "].antennas", s.antennas());
            BeamformingRanges.MAX_POWER_W.check("stations[" + b + "].maxPowerW", s.maxPowerW());
            total += s.antennas();
        }
        BeamformingRanges.TOTAL_ANTENNAS.check("stations (total antennas)", total);
        for (int i = 0; i < users.size(); i++) {
            BeamformingRanges.WEIGHT.check("users[" + i + "].weight", users.get(i).weight());
            BeamformingRanges.MIN_RATE_BPS.check("users[" + i + "].minRateBps", users.get(i).minRateBps());
        }
        Check.present("channel", channel);
        if (channel.users() != users.size()) {
            throw new InvalidInstanceException("channel[0].length", channel.users(),
                    "must equal the number of users " + users.size());
        }
        if (channel.stations() != stations.size()) {
            throw new InvalidInstanceException("channel[0][0].length", channel.stations(),
                    "must equal the number of stations " + stations.size());
        }
        for (int b = 0; b < stations.size(); b++) {
            if (channel.antennas(b) != stations.get(b).antennas()) {
                throw new InvalidInstanceException("channel[0][0][" + b + "].length", channel.antennas(b),
                        "must equal stations[" + b + "].antennas = " + stations.get(b).antennas());
            }
        }
        double[] h = channel.raw();
        for (int k = 0; k < h.length; k++) {
            if (!BeamformingRanges.CHANNEL_COMPONENT.contains(h[k])) {
                BeamformingRanges.CHANNEL_COMPONENT.check("channel" + channel.path(k), h[k]);
            }
        }
    }

    /** The JSON form: {@code channel} as the nested array {@code [n][i][b][m] = [re, im]}. */
    @JsonCreator
    public static BeamformingInstance fromJson(@JsonProperty("subcarrierBandwidthHz") double subcarrierBandwidthHz,
                                               @JsonProperty("noiseW") double noiseW,
                                               @JsonProperty("maxUsersPerSubcarrier") int maxUsersPerSubcarrier,
                                               @JsonProperty("stations") List<BeamformingStation> stations,
                                               @JsonProperty("users") List<BeamformingUser> users,
                                               @JsonProperty("channel") double[][][][][] channel) {
        return new BeamformingInstance(subcarrierBandwidthHz, noiseW, maxUsersPerSubcarrier, stations, users,
                ComplexTensor.fromNested("channel", channel));
    }

    @Override
    public String problemName() {
        return PROBLEM;
    }

    @Override
    public boolean minimize() {
        return false;
    }

    /** N. */
    public int subcarrierCount() {
        return channel.subcarriers();
    }

    /** I. */
    public int userCount() {
        return users.size();
    }

    /** B. */
    public int stationCount() {
        return stations.size();
    }

    /** {@code A = Σ_b M_b}. */
    public int totalAntennas() {
        return channel.totalAntennas();
    }

    /** The solution whose beams are {@code beams}, its rates filled in. */
    public BeamformingSolution solution(ComplexTensor beams) {
        requireShape(beams);
        return new BeamformingSolution(beams, BeamformingEvaluator.rates(this, beams.raw()));
    }

    /** {@link #solution(ComplexTensor)} of flat beams in {@link ComplexTensor}'s layout (copied, checked finite). */
    public BeamformingSolution solution(double[] flatBeams) {
        return solution(ComplexTensor.of("beams", channel.subcarriers(), channel.users(), channel.antennas(), flatBeams));
    }

    private void requireShape(ComplexTensor beams) {
        Check.present("beams", beams);
        if (!beams.sameShape(channel)) {
            throw new InvalidInstanceException("beams", beams.shape(), "must have the channel's shape " + channel.shape());
        }
    }

    /** SINRs, rates, powers, schedule and violations of {@code beams} (of the channel's shape). */
    public BeamformingEvaluation evaluate(ComplexTensor beams) {
        requireShape(beams);
        return BeamformingEvaluator.evaluate(this, beams.raw());
    }

    /** Whether {@code rateBps} falls short of user i's minimum by more than the tolerance. */
    public boolean belowMinimum(int i, double rateBps) {
        double min = users.get(i).minRateBps();
        return rateBps < min * (1 - TOLERANCE);
    }

    /** {@code Σ_i α_i r_i} of the solution's beams (recomputed; −∞ when their shape is wrong). */
    @Override
    public double objective(BeamformingSolution solution) {
        if (!solution.beams().sameShape(channel)) {
            return Double.NEGATIVE_INFINITY;
        }
        return BeamformingEvaluator.weightedSumRate(this, BeamformingEvaluator.rates(this, solution.beams().raw()));
    }

    @Override
    public List<String> violations(BeamformingSolution solution) {
        List<String> out = new ArrayList<>();
        ComplexTensor beams = solution.beams();
        if (!beams.sameShape(channel)) {
            out.add("beams has shape " + beams.shape() + ", the channel " + channel.shape());
            return out;
        }
        BeamformingEvaluation e = BeamformingEvaluator.evaluate(this, beams.raw());
        double[] reported = solution.rateBps();
        if (reported.length != users.size()) {
            out.add("rateBps.length = " + reported.length + " must equal the number of users " + users.size());
        } else {
            for (int i = 0; i < reported.length; i++) {
                double actual = e.rateBps()[i];
                if (!(Math.abs(reported[i] - actual) <= TOLERANCE * Math.max(1, Math.abs(actual)))) {
                    out.add("rateBps[" + i + "] = " + reported[i] + " differs from the beams' rate " + actual);
                }
            }
        }
        out.addAll(e.violations());
        return out;
    }
}
