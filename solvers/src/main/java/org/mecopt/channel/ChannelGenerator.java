package org.mecopt.channel;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.ejml.data.ZMatrixRMaj;
import org.ejml.dense.row.CommonOps_ZDRM;
import org.mecopt.api.Check;

/**
 * Draws uplink channels of seed 001's networks and turns them into the effective gains that
 * define a {@code latency} instance (MODEL.md §2).
 *
 * <p>Users (and, for {@link ChannelModel#CELLFREE}, APs) are uniform in a disk; the large-scale
 * gain {@code β} follows {@link ThreeSlopePathLoss} with shadowing; the channel of user k on
 * subcarrier n at antenna l is {@code h = √β · g} with {@code g ~ CN(0,1)} independent per antenna,
 * subcarrier and user. With MRC ({@code a_{n,k} = h_{n,k}/‖h_{n,k}‖}, stacked over all antennas)
 * the post-combining noise is σ², so
 * <pre>  G[n][k][j] = P_max |h_{n,k}^H h_{n,j}|² / (‖h_{n,k}‖² σ²),</pre>
 * computed from one complex Gram matrix {@code H_n^H H_n} per subcarrier (EJML).
 */
public final class ChannelGenerator {
    private ChannelGenerator() {
    }

    /**
     * @param model architecture
     * @param users K
     * @param aps M: APs for cell-free, co-located antennas for bs-mmimo
     * @param antennasPerAp L_m of every AP (cell-free only; 1 in seed 001)
     * @param subcarriers N
     * @param radiusM disk radius (1 km)
     * @param pathLoss large-scale model
     * @param pMaxDbm user power budget (10 dBm)
     * @param noiseDensityDbmPerHz thermal noise density (−174 dBm/Hz)
     * @param noiseFigureDb receiver noise figure (9 dB)
     * @param subcarrierBandwidthHz bandwidth of one subcarrier, over which the noise is integrated
     */
    public record Config(ChannelModel model, int users, int aps, int antennasPerAp, int subcarriers, double radiusM,
                         ThreeSlopePathLoss pathLoss, double pMaxDbm, double noiseDensityDbmPerHz,
                         double noiseFigureDb, double subcarrierBandwidthHz) {
        public Config {
            Check.present("channel", model);
            Check.atLeast("users", users, 1);
            Check.atLeast("aps", aps, 1);
            Check.atLeast("antennasPerAp", antennasPerAp, 1);
            Check.atLeast("subcarriers", subcarriers, 1);
            Check.positive("radiusM", radiusM);
            Check.present("pathLoss", pathLoss);
            Check.positive("subcarrierBandwidthHz", subcarrierBandwidthHz);
            if (!Double.isFinite(pMaxDbm) || !Double.isFinite(noiseDensityDbmPerHz) || !Double.isFinite(noiseFigureDb)) {
                throw new org.mecopt.api.InvalidInstanceException("pMaxDbm/noise", pMaxDbm, "must be finite");
            }
        }

        /** Total receive antennas L. */
        public int antennas() {
            return model == ChannelModel.CELLFREE ? aps * antennasPerAp : aps;
        }

        public double pMaxW() {
            return Units.dbmToWatt(pMaxDbm);
        }

        public double noiseW() {
            return Units.noisePowerW(noiseDensityDbmPerHz, noiseFigureDb, subcarrierBandwidthHz);
        }
    }

    /** Draws a topology and its small-scale fading; all randomness comes from {@code rng}, in a fixed order. */
    public static ChannelRealization draw(Config config, UniformRandomProvider rng) {
        double[][] largeScale = largeScale(config, rng);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int n = config.subcarriers();
        int k = config.users();
        int l = config.antennas();
        double[][][] re = new double[n][k][l];
        double[][][] im = new double[n][k][l];
        double halfPower = Math.sqrt(0.5);
        for (int s = 0; s < n; s++) {
            for (int u = 0; u < k; u++) {
                for (int a = 0; a < l; a++) {
                    double amplitude = Math.sqrt(largeScale[u][a]) * halfPower;
                    re[s][u][a] = amplitude * gauss.sample();
                    im[s][u][a] = amplitude * gauss.sample();
                }
            }
        }
        return new ChannelRealization(re, im);
    }

    /**
     * {@code β[k][l]}, the linear large-scale gain from user k to antenna l: the topology and
     * shadowing part of {@link #draw}, drawn from {@code rng} in the same order (public for the
     * {@code deadline-energy} simulator, which draws its own small-scale fading per step).
     */
    public static double[][] largeScale(Config config, UniformRandomProvider rng) {
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int k = config.users();
        double[][] users = pointsInDisk(rng, k, config.radiusM());
        double[][] beta = new double[k][config.antennas()];
        ThreeSlopePathLoss pl = config.pathLoss();
        if (config.model() == ChannelModel.CELLFREE) {
            double[][] aps = pointsInDisk(rng, config.aps(), config.radiusM());
            for (int u = 0; u < k; u++) {
                for (int m = 0; m < config.aps(); m++) {
                    double d = Math.hypot(users[u][0] - aps[m][0], users[u][1] - aps[m][1]);
                    double shadow = gauss.sample() * pl.shadowingDb();
                    double gain = Units.dbToLinear(pl.gainDb(d) + (pl.shadowed(d) ? shadow : 0));
                    for (int a = 0; a < config.antennasPerAp(); a++) {
                        beta[u][m * config.antennasPerAp() + a] = gain;
                    }
                }
            }
        } else {
            for (int u = 0; u < k; u++) {
                double d = Math.hypot(users[u][0], users[u][1]);
                double shadow = gauss.sample() * pl.shadowingDb();
                double gain = Units.dbToLinear(pl.gainDb(d) + (pl.shadowed(d) ? shadow : 0));
                java.util.Arrays.fill(beta[u], gain);
            }
        }
        return beta;
    }

    /** Uniform points in a disk centred at the origin (radius by the square root of a uniform draw). */
    static double[][] pointsInDisk(UniformRandomProvider rng, int count, double radius) {
        double[][] p = new double[count][2];
        for (double[] point : p) {
            double r = radius * Math.sqrt(rng.nextDouble());
            double angle = 2 * Math.PI * rng.nextDouble();
            point[0] = r * Math.cos(angle);
            point[1] = r * Math.sin(angle);
        }
        return p;
    }

    /**
     * The effective MRC gains {@code G[n][k][j]} of a realization.
     *
     * @param pMaxW every user's power budget
     * @param noiseW noise power per antenna over one subcarrier
     */
    public static double[][][] effectiveGains(ChannelRealization channel, double pMaxW, double noiseW) {
        int n = channel.subcarriers();
        int k = channel.users();
        int l = channel.antennas();
        double[][][] gain = new double[n][k][k];
        ZMatrixRMaj h = new ZMatrixRMaj(l, k);
        ZMatrixRMaj gram = new ZMatrixRMaj(k, k);
        for (int s = 0; s < n; s++) {
            for (int u = 0; u < k; u++) {
                for (int a = 0; a < l; a++) {
                    h.set(a, u, channel.real(s, u, a), channel.imaginary(s, u, a));
                }
            }
            CommonOps_ZDRM.multTransA(h, h, gram); // gram = H^H H
            for (int u = 0; u < k; u++) {
                double self = gram.getReal(u, u);
                for (int j = 0; j < k; j++) {
                    double re = gram.getReal(u, j);
                    double im = gram.getImag(u, j);
                    gain[s][u][j] = pMaxW * (re * re + im * im) / (self * noiseW);
                }
            }
        }
        return gain;
    }
}
