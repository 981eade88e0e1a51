package org.mecopt.beamforming;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import org.mecopt.api.Check;

/**
 * Beams for every subcarrier, user and station; user i is scheduled on subcarrier n iff some
 * {@code w_{n,i,b} ≠ 0}. Build one with {@link BeamformingInstance#solution(ComplexTensor)}, which
 * fills in the rates; the instance checks that reported rates match the beams.
 *
 * @param beams {@code w[n][i][b][m]}, the channel's shape (flat layout: {@link ComplexTensor})
 * @param rateBps each user's rate {@code r_i} in bit/s at these beams
 */
public record BeamformingSolution(ComplexTensor beams, double[] rateBps) {

    public BeamformingSolution {
        Check.present("beams", beams);
        rateBps = Check.present("rateBps", rateBps).clone();
    }

    /** The JSON form: {@code beams} as the nested array {@code [n][i][b][m] = [re, im]}. */
    @JsonCreator
    public static BeamformingSolution fromJson(@JsonProperty("beams") double[][][][][] beams,
                                               @JsonProperty("rateBps") double[] rateBps) {
        return new BeamformingSolution(ComplexTensor.fromNested("beams", beams), rateBps);
    }

    @Override
    public double[] rateBps() {
        return rateBps.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BeamformingSolution s && beams.equals(s.beams) && Arrays.equals(rateBps, s.rateBps);
    }

    @Override
    public int hashCode() {
        return 31 * beams.hashCode() + Arrays.hashCode(rateBps);
    }

    @Override
    public String toString() {
        return "BeamformingSolution[beams=" + beams + ", rateBps=" + Arrays.toString(rateBps) + "]";
    }
}
