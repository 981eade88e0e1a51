package org.mecopt.beamforming;

import java.util.List;

/**
 * Everything {@link BeamformingInstance#evaluate} computes for one set of beams. Flat arrays index
 * subcarrier n and user i as {@code n·I + i}.
 *
 * @param sinr {@code SINR_{n,i}} at {@code [n·I + i]} (0 where user i is not scheduled on n)
 * @param rateBps {@code r_i = W_sc Σ_n log2(1 + SINR_{n,i})}, bit/s
 * @param weightedSumRate {@code Σ_i α_i r_i}, bit/s (the objective)
 * @param stationPowerW {@code Σ_{n,i} ‖w_{n,i,b}‖²} per station b, W
 * @param scheduled whether some {@code w_{n,i,b} ≠ 0} at {@code [n·I + i]}
 * @param usersPerSubcarrier how many users are scheduled on each subcarrier
 * @param violations the constraints the beams violate (empty when feasible), as readable sentences
 */
public record BeamformingEvaluation(double[] sinr, double[] rateBps, double weightedSumRate, double[] stationPowerW,
                                    boolean[] scheduled, int[] usersPerSubcarrier, List<String> violations) {

    public BeamformingEvaluation {
        violations = List.copyOf(violations);
    }

    /** Whether no constraint is violated. */
    public boolean feasible() {
        return violations.isEmpty();
    }

    /** Users whose rate is below their minimum (by more than the tolerance). */
    public int usersBelowMinimum(BeamformingInstance instance) {
        int count = 0;
        for (int i = 0; i < rateBps.length; i++) {
            if (instance.belowMinimum(i, rateBps[i])) {
                count++;
            }
        }
        return count;
    }
}
