package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.beamforming.BeamformingStation;

/** Instances of the family as the learners see them ({@link BeamformingSample}), and their {@link Dimensions}. */
public final class BeamformingSamples {
    private BeamformingSamples() {
    }

    /** The instance's sizes; throws unless every station has the same number of antennas. */
    public static Dimensions dimensions(BeamformingInstance p) {
        int m = p.stations().get(0).antennas();
        for (BeamformingStation s : p.stations()) {
            if (s.antennas() != m) {
                throw new InvalidInstanceException("stations.antennas", s.antennas(),
                        "must be the same at every station for the learned solvers (first station: " + m + ")");
            }
        }
        return new Dimensions(p.stationCount(), m, p.userCount(), p.subcarrierCount());
    }

    /** The sample with its loss constants (the water-filling bound among them). */
    public static BeamformingSample of(BeamformingInstance p) {
        return of(p, true);
    }

    /**
     * @param constants whether to compute the loss's bound (training, the solver's reported bound),
     *     or leave it NaN (inference needs only the channel)
     */
    public static BeamformingSample of(BeamformingInstance p, boolean constants) {
        Dimensions d = dimensions(p);
        double[] h = p.channel().data(); // interleaved [re, im] in the same (n, i, b, m) order
        double[] re = new double[h.length / 2];
        double[] im = new double[h.length / 2];
        for (int k = 0; k < re.length; k++) {
            re[k] = h[2 * k];
            im[k] = h[2 * k + 1];
        }
        double[] power = p.stations().stream().mapToDouble(BeamformingStation::maxPowerW).toArray();
        double[] weights = p.users().stream().mapToDouble(u -> u.weight()).toArray();
        double[] minRate = p.users().stream().mapToDouble(u -> u.minRateBps()).toArray();
        BeamformingSample s = BeamformingSample.of(d, re, im, p.noiseW(), power, weights, minRate, p.subcarrierBandwidthHz(),
                constants);
        return s;
    }
}
