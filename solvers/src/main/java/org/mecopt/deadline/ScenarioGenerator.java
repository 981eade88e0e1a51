package org.mecopt.deadline;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.channel.ChannelGenerator;
import org.mecopt.channel.ChannelModel;

/**
 * Draws {@link Scenario}s as MODEL.md §4 says: a cell-free topology (§2's generator: M APs and K
 * users uniform in the disk, three-slope path loss and shadowing give β_mk), a class per user, the
 * periodic arrivals with Table I's uniform sizes, densities and deadlines (an arrival at t is kept
 * only if {@code t − 1 + D/Δt ≤ T}), and per step i.i.d. fading {@code h_mk ~ CN(0,1)},
 * {@code g = √β h}, turned into the K×K gains {@code G_kj = |g_k^H g_j|²/(σ² ‖g_k‖²)}.
 *
 * <p>All randomness comes from the given stream in this fixed order (topology, classes, arrivals
 * user by user, fading step by step), so a seed fixes the scenario, whatever policy then runs on it.
 * {@link #generate(DeadlineEnergyConfig, long)} seeds the same generator as
 * {@code DeadlineEnergyEnv.reset(seed)}, so both give the same scenario for the same seed.
 *
 * <p>Cost: the Gram matrix of each step is K(K+1)/2 complex inner products of length M, written out
 * in plain arrays (≈ 5 500 complex multiply-adds for K = 10, M = 100) — cheaper than EJML's generic
 * complex product at this size.
 */
public final class ScenarioGenerator {
    private ScenarioGenerator() {
    }

    public static Scenario generate(DeadlineEnergyConfig config, long seed) {
        return generate(config, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    public static Scenario generate(DeadlineEnergyConfig config, UniformRandomProvider rng) {
        int k = config.users();
        int m = config.aps();
        ChannelGenerator.Config channel = new ChannelGenerator.Config(ChannelModel.CELLFREE, k, m, 1, 1, config.radiusM(),
                config.pathLoss(), 10 * Math.log10(config.pMaxW()) + 30, config.noiseDensityDbmPerHz(),
                config.noiseFigureDb(), config.bandwidthHz());
        double[][] beta = ChannelGenerator.largeScale(channel, rng);
        double[] sumBeta = new double[k];
        for (int u = 0; u < k; u++) {
            for (int a = 0; a < m; a++) {
                sumBeta[u] += beta[u][a];
            }
        }
        List<TaskClass> classes = new ArrayList<>(k);
        for (int u = 0; u < k; u++) {
            classes.add(rng.nextDouble() < config.xrProbability() ? TaskClass.XR : TaskClass.IOT);
        }
        List<Arrival> arrivals = new ArrayList<>();
        for (int u = 0; u < k; u++) {
            TaskProfile p = config.profile(classes.get(u));
            for (int t = 1; t <= config.steps(); t += p.periodSteps()) {
                double bits = uniform(rng, p.minBits(), p.maxBits());
                double cycles = uniform(rng, p.minCyclesPerBit(), p.maxCyclesPerBit());
                double deadline = uniform(rng, p.minDeadlineS(), p.maxDeadlineS());
                if (t - 1 + deadline / config.stepS() <= config.steps() * (1 + 1e-12)) {
                    arrivals.add(new Arrival(u, t, bits, cycles, deadline));
                }
            }
        }
        double[][][] gain = new double[config.steps()][][];
        double noise = config.noiseW();
        double[][] amplitude = new double[k][m];
        for (int u = 0; u < k; u++) {
            for (int a = 0; a < m; a++) {
                amplitude[u][a] = Math.sqrt(beta[u][a] * 0.5);
            }
        }
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        double[][] re = new double[k][m];
        double[][] im = new double[k][m];
        for (int t = 0; t < config.steps(); t++) {
            for (int u = 0; u < k; u++) {
                double[] r = re[u];
                double[] i = im[u];
                double[] amp = amplitude[u];
                for (int a = 0; a < m; a++) {
                    r[a] = amp[a] * gauss.sample();
                    i[a] = amp[a] * gauss.sample();
                }
            }
            gain[t] = gains(re, im, noise);
        }
        return new Scenario(config, classes, sumBeta, gain, arrivals);
    }

    /** {@code G_kj = |g_k^H g_j|² / (σ² ‖g_k‖²)} from the channels {@code g = re + i·im} ([user][AP]). */
    static double[][] gains(double[][] re, double[][] im, double noise) {
        int k = re.length;
        int m = re[0].length;
        double[][] g = new double[k][k];
        double[] norm = new double[k];
        for (int u = 0; u < k; u++) {
            double s = 0;
            double[] r = re[u];
            double[] i = im[u];
            for (int a = 0; a < m; a++) {
                s += r[a] * r[a] + i[a] * i[a];
            }
            norm[u] = s;
            g[u][u] = s / noise;
        }
        for (int u = 0; u < k; u++) {
            double[] ru = re[u];
            double[] iu = im[u];
            for (int j = u + 1; j < k; j++) {
                double[] rj = re[j];
                double[] ij = im[j];
                // two independent accumulator pairs: the adds of one chain overlap with the other's
                double cr0 = 0;
                double ci0 = 0;
                double cr1 = 0;
                double ci1 = 0;
                int a = 0;
                for (; a + 1 < m; a += 2) {
                    cr0 += ru[a] * rj[a] + iu[a] * ij[a];
                    ci0 += ru[a] * ij[a] - iu[a] * rj[a];
                    cr1 += ru[a + 1] * rj[a + 1] + iu[a + 1] * ij[a + 1];
                    ci1 += ru[a + 1] * ij[a + 1] - iu[a + 1] * rj[a + 1];
                }
                if (a < m) {
                    cr0 += ru[a] * rj[a] + iu[a] * ij[a];
                    ci0 += ru[a] * ij[a] - iu[a] * rj[a];
                }
                double cr = cr0 + cr1;
                double ci = ci0 + ci1;
                double mag = cr * cr + ci * ci;
                g[u][j] = mag / (noise * norm[u]);
                g[j][u] = mag / (noise * norm[j]);
            }
        }
        return g;
    }

    private static double uniform(UniformRandomProvider rng, double lo, double hi) {
        return lo + (hi - lo) * rng.nextDouble();
    }
}
