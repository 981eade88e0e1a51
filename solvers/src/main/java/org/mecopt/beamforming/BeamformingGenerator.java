package org.mecopt.beamforming;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * Seeded random {@code subcarrier-beamforming} instances with MODEL.md §5's defaults (ours; <b>our
 * reconstruction</b> of seed 002's setting): stations and users uniform in a square, 38.901 UMa
 * large-scale gain ({@link UmaPathLoss}: LOS drawn per link with its probability, log-normal
 * shadowing of 4 / 6 dB), i.i.d. {@code CN(0, 1)} small-scale fading per antenna and subcarrier (a
 * stated simplification of QuaDRiGa), noise −174 dBm/Hz plus the noise figure over {@code W_sc},
 * {@code α_i = 1}, {@code r_i^min = minRateBitsPerHz · W_sc · N / I}. The same config and seed give
 * the same instance on any machine and thread.
 */
public final class BeamformingGenerator {
    private BeamformingGenerator() {
    }

    /**
     * @param stations B
     * @param antennas M, every station's antennas
     * @param users I
     * @param subcarriers N
     * @param maxPowerW every station's {@code P_b^max}, W
     * @param areaM side of the square area, m
     * @param subcarrierBandwidthHz {@code W_sc}
     * @param carrierGHz {@code f_c} of the UMa model
     * @param noiseFigureDb the users' noise figure, dB
     * @param minRateBitsPerHz each user's minimum rate in bit/s/Hz of the whole band shared by I users
     *     ({@code r_i^min = minRateBitsPerHz · W_sc · N / I})
     * @param maxUsersPerSubcarrier Q; 0 for the default {@code min(I, B·M)}
     */
    public record Config(int stations, int antennas, int users, int subcarriers, double maxPowerW, double areaM,
                         double subcarrierBandwidthHz, double carrierGHz, double noiseFigureDb,
                         double minRateBitsPerHz, int maxUsersPerSubcarrier) {

        /** MODEL.md §5's default setting: B = 4, M = 4, I = 8, N = 8, 1 W, 500 m, 180 kHz, 3.5 GHz, 9 dB, 0.5 bit/s/Hz. */
        public static final Config DEFAULT = new Config(4, 4, 8, 8, 1.0, 500, 180e3, 3.5, 9, 0.5, 0);

        public Config {
            Check.atLeast("stations", stations, 1);
            BeamformingRanges.ANTENNAS.check("antennas", antennas);
            Check.atLeast("users", users, 1);
            Check.atLeast("subcarriers", subcarriers, 1);
            BeamformingRanges.TOTAL_ANTENNAS.check("stations·antennas", (double) stations * antennas);
            long size = 2L * subcarriers * users * stations * antennas;
            if (size > 100_000_000L) {
                throw new InvalidInstanceException("subcarriers·users·stations·antennas",
                        size / 2, "must be at most 5e7 channel coefficients");
            }
            BeamformingRanges.MAX_POWER_W.check("maxPowerW", maxPowerW);
            if (!(areaM >= 1 && areaM <= 1e5)) {
                throw new InvalidInstanceException("areaM", areaM, "is outside [1, 1e5]");
            }
            BeamformingRanges.SUBCARRIER_BANDWIDTH_HZ.check("subcarrierBandwidthHz", subcarrierBandwidthHz);
            if (!(carrierGHz >= 0.5 && carrierGHz <= 100)) {
                throw new InvalidInstanceException("carrierGHz", carrierGHz, "is outside [0.5, 100] (38.901's range)");
            }
            if (!(noiseFigureDb >= 0 && noiseFigureDb <= 30)) {
                throw new InvalidInstanceException("noiseFigureDb", noiseFigureDb, "is outside [0, 30]");
            }
            if (!(minRateBitsPerHz >= 0 && minRateBitsPerHz <= 100)) {
                throw new InvalidInstanceException("minRateBitsPerHz", minRateBitsPerHz, "is outside [0, 100]");
            }
            Check.atLeast("maxUsersPerSubcarrier", maxUsersPerSubcarrier, 0);
        }

        /** Q as the instance will have it: the given one, or {@code min(I, B·M)} for 0. */
        public int effectiveMaxUsersPerSubcarrier() {
            return maxUsersPerSubcarrier > 0 ? maxUsersPerSubcarrier : Math.min(users, stations * antennas);
        }

        /** {@code σ² = 10^((−174 + NF + 10 log10 W_sc − 30) / 10)} W. */
        public double noiseW() {
            return Math.pow(10, (-174 + noiseFigureDb + 10 * Math.log10(subcarrierBandwidthHz) - 30) / 10);
        }

        /** {@code r_i^min} in bit/s. */
        public double minRateBps() {
            return minRateBitsPerHz * subcarrierBandwidthHz * subcarriers / users;
        }

        public Config withSizes(int b, int m, int i, int n) {
            return new Config(b, m, i, n, maxPowerW, areaM, subcarrierBandwidthHz, carrierGHz, noiseFigureDb,
                    minRateBitsPerHz, maxUsersPerSubcarrier);
        }

        public Config withMaxPowerW(double w) {
            return new Config(stations, antennas, users, subcarriers, w, areaM, subcarrierBandwidthHz, carrierGHz,
                    noiseFigureDb, minRateBitsPerHz, maxUsersPerSubcarrier);
        }

        public Config withMinRateBitsPerHz(double r) {
            return new Config(stations, antennas, users, subcarriers, maxPowerW, areaM, subcarrierBandwidthHz,
                    carrierGHz, noiseFigureDb, r, maxUsersPerSubcarrier);
        }

        public Config withMaxUsersPerSubcarrier(int q) {
            return new Config(stations, antennas, users, subcarriers, maxPowerW, areaM, subcarrierBandwidthHz,
                    carrierGHz, noiseFigureDb, minRateBitsPerHz, q);
        }
    }

    /** A seeded instance; draws positions, then per link LOS and shadowing, then the fading in index order. */
    public static BeamformingInstance generate(Config c, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        UmaPathLoss uma = new UmaPathLoss(c.carrierGHz(), UmaPathLoss.DEFAULT.stationHeightM(),
                UmaPathLoss.DEFAULT.userHeightM());
        double[][] station = new double[c.stations()][];
        for (int b = 0; b < station.length; b++) {
            station[b] = new double[] {rng.nextDouble() * c.areaM(), rng.nextDouble() * c.areaM()};
        }
        double[][] user = new double[c.users()][];
        for (int i = 0; i < user.length; i++) {
            user[i] = new double[] {rng.nextDouble() * c.areaM(), rng.nextDouble() * c.areaM()};
        }
        double[][] amplitude = new double[c.users()][c.stations()];
        for (int i = 0; i < user.length; i++) {
            for (int b = 0; b < station.length; b++) {
                double d = Math.hypot(user[i][0] - station[b][0], user[i][1] - station[b][1]);
                boolean los = rng.nextDouble() < uma.losProbability(d);
                double lossDb = (los ? uma.losDb(d) : uma.nlosDb(d))
                        + gauss.sample() * (los ? UmaPathLoss.LOS_SHADOWING_DB : UmaPathLoss.NLOS_SHADOWING_DB);
                amplitude[i][b] = Math.pow(10, -lossDb / 20);
            }
        }
        int[] antennas = new int[c.stations()];
        java.util.Arrays.fill(antennas, c.antennas());
        int total = c.stations() * c.antennas();
        double[] h = new double[2 * c.subcarriers() * c.users() * total];
        double scale = Math.sqrt(0.5);
        int k = 0;
        for (int n = 0; n < c.subcarriers(); n++) {
            for (int i = 0; i < c.users(); i++) {
                for (int b = 0; b < c.stations(); b++) {
                    for (int m = 0; m < c.antennas(); m++) {
                        h[k++] = amplitude[i][b] * scale * gauss.sample();
                        h[k++] = amplitude[i][b] * scale * gauss.sample();
                    }
                }
            }
        }
        List<BeamformingStation> stations = new ArrayList<>();
        for (int b = 0; b < c.stations(); b++) {
            stations.add(new BeamformingStation(c.antennas(), c.maxPowerW()));
        }
        List<BeamformingUser> users = new ArrayList<>();
        for (int i = 0; i < c.users(); i++) {
            users.add(new BeamformingUser(1.0, c.minRateBps()));
        }
        return new BeamformingInstance(c.subcarrierBandwidthHz(), c.noiseW(), c.effectiveMaxUsersPerSubcarrier(),
                stations, users, ComplexTensor.of("channel", c.subcarriers(), c.users(), antennas, h));
    }
}
