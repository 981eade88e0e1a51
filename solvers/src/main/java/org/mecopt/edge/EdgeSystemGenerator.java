package org.mecopt.edge;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.qoe.UserDistributions;

/**
 * Seeded seed-003 edge systems (§VI-A, Table III). Where the paper is vague (docs/qoe.md):
 * <ul>
 *   <li>Connected RAN: uniform over the servers.</li>
 *   <li>"Unbalanced speed": each system draws weights {@code π_h ~ U(0,1)}; each user's fastest
 *       server is drawn with probabilities ∝ π, and its smallest η is swapped onto that server
 *       (the paper's "random number of users per ES with minimum η, set by swapping").</li>
 *   <li>Links: B_ij ~ U[80, 200] Mbps and δ_ij ~ U[10, 20] ms, symmetric, drawn once per system.</li>
 * </ul>
 */
public final class EdgeSystemGenerator {
    private EdgeSystemGenerator() {
    }

    /**
     * @param users |U|
     * @param serverCapacityHz P^h ([60,60,80,90,100,120,160] GHz)
     * @param linkRateMinBps B_ij range (80–200 Mbps)
     * @param linkDelayMinS δ_ij range (10–20 ms)
     * @param cloudRateBps 100 Mbps
     * @param cloudDelayS 200 ms
     * @param cloudCpuHz 20 GHz per task
     * @param distributions user draws (Table III)
     */
    public record Config(int users, double[] serverCapacityHz, double linkRateMinBps, double linkRateMaxBps,
                         double linkDelayMinS, double linkDelayMaxS, double cloudRateBps, double cloudDelayS,
                         double cloudCpuHz, UserDistributions distributions) {

        public static final Config SEED_003 = new Config(100,
                new double[] {60e9, 60e9, 80e9, 90e9, 100e9, 120e9, 160e9}, 80e6, 200e6, 0.010, 0.020, 100e6, 0.200,
                20e9, UserDistributions.SEED_003);

        public Config {
            Check.atLeast("users", users, 1);
            Check.present("serverCapacityHz", serverCapacityHz);
            if (serverCapacityHz.length < 1) {
                throw new InvalidInstanceException("serverCapacityHz.length", 0, "must be >= 1");
            }
            for (int h = 0; h < serverCapacityHz.length; h++) {
                Check.positive("serverCapacityHz[" + h + "]", serverCapacityHz[h]);
            }
            serverCapacityHz = serverCapacityHz.clone();
            Check.positive("linkRateMinBps", linkRateMinBps);
            Check.ordered("linkRateMinBps", linkRateMinBps, "linkRateMaxBps", linkRateMaxBps);
            Check.nonNegative("linkDelayMinS", linkDelayMinS);
            Check.ordered("linkDelayMinS", linkDelayMinS, "linkDelayMaxS", linkDelayMaxS);
            Check.positive("cloudRateBps", cloudRateBps);
            Check.nonNegative("cloudDelayS", cloudDelayS);
            Check.positive("cloudCpuHz", cloudCpuHz);
            Check.present("distributions", distributions);
        }

        @Override
        public double[] serverCapacityHz() {
            return serverCapacityHz.clone();
        }

        public Config withUsers(int n) {
            return new Config(n, serverCapacityHz, linkRateMinBps, linkRateMaxBps, linkDelayMinS, linkDelayMaxS,
                    cloudRateBps, cloudDelayS, cloudCpuHz, distributions);
        }
    }

    public static EdgeSystem generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = config.serverCapacityHz().length;
        double[][] rate = new double[m][m];
        double[][] delay = new double[m][m];
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                rate[i][j] = rate[j][i] = UserDistributions.uniform(rng, config.linkRateMinBps(), config.linkRateMaxBps());
                delay[i][j] = delay[j][i] = UserDistributions.uniform(rng, config.linkDelayMinS(), config.linkDelayMaxS());
            }
        }
        double[] weight = new double[m];
        double total = 0;
        for (int h = 0; h < m; h++) {
            weight[h] = rng.nextDouble();
            total += weight[h];
        }
        UserDistributions dist = config.distributions();
        List<EdgeUser> users = new ArrayList<>(config.users());
        for (int u = 0; u < config.users(); u++) {
            int connected = rng.nextInt(m);
            UserDistributions.Draw d = dist.draw(rng, gauss);
            double[] eta = new double[m];
            int argmin = 0;
            for (int h = 0; h < m; h++) {
                eta[h] = dist.eta(rng);
                if (eta[h] < eta[argmin]) {
                    argmin = h;
                }
            }
            double r = rng.nextDouble() * total;
            int fastest = 0;
            while (fastest < m - 1 && r >= weight[fastest]) {
                r -= weight[fastest];
                fastest++;
            }
            double swap = eta[fastest];
            eta[fastest] = eta[argmin];
            eta[argmin] = swap;
            users.add(new EdgeUser(connected, dist.wirelessLatency(d), d.taskBits(), d.resultBits(), d.cyclesPerBit(),
                    eta, d.steepnessPerS(), d.midpointS(), dist.maxQoe()));
        }
        return new EdgeSystem(config.serverCapacityHz(), rate, delay, config.cloudRateBps(), config.cloudDelayS(),
                config.cloudCpuHz(), users);
    }
}
