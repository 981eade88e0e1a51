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

    /**
     * What stays fixed across the episodes of one deployment. Seed 003 §VI-A: "The communication
     * rate of links between RANs and a user's processing performance variation factors among ESs
     * (i.e., η_u^h) are randomly selected from the configured intervals and fixed", while "in each
     * training episode, the user positions (connected RAN, distance to the connected RAN), wireless
     * communication noise, bandwidth, computing requirements, and QoE-QoS correlations are all
     * randomly generated". So links and the η row of each user index are fixed here: the
     * observation carries no η, and a learned policy can only know which server suits user u
     * because u's row index keeps the same η across episodes.
     *
     * @param config the setting (its user count is the number of η rows)
     * @param linkRateBps B_ij, symmetric
     * @param linkDelayS δ_ij, symmetric
     * @param eta η_u^h per user index and server
     */
    public record Deployment(Config config, double[][] linkRateBps, double[][] linkDelayS, double[][] eta) {

        public Deployment {
            Check.present("config", config);
            linkRateBps = copy(linkRateBps);
            linkDelayS = copy(linkDelayS);
            eta = copy(eta);
            if (eta.length != config.users()) {
                throw new InvalidInstanceException("eta.length", eta.length, "must equal users = " + config.users());
            }
        }

        /** The same deployment under other user distributions (seed 003 Fig. 9 and 10; η kept). */
        public Deployment withDistributions(UserDistributions distributions) {
            Config c = config;
            return new Deployment(new Config(c.users(), c.serverCapacityHz(), c.linkRateMinBps(), c.linkRateMaxBps(),
                    c.linkDelayMinS(), c.linkDelayMaxS(), c.cloudRateBps(), c.cloudDelayS(), c.cloudCpuHz(),
                    distributions), linkRateBps, linkDelayS, eta);
        }

        public int users() {
            return eta.length;
        }

        private static double[][] copy(double[][] a) {
            double[][] c = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                c[i] = a[i].clone();
            }
            return c;
        }
    }

    /**
     * A seeded deployment: links, then the η row of every user in index order, so the deployment
     * for 80 users extends the one for 70 with the same seed.
     */
    public static Deployment deployment(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        int m = config.serverCapacityHz().length;
        double[][] rate = new double[m][m];
        double[][] delay = new double[m][m];
        double[] weight = linksAndWeights(config, rng, rate, delay);
        double[][] eta = new double[config.users()][];
        for (int u = 0; u < eta.length; u++) {
            eta[u] = etaRow(config.distributions(), rng, weight);
        }
        return new Deployment(config, rate, delay, eta);
    }

    /**
     * One system of a deployment: its users' connected RAN and Table III draws from {@code rng}, in
     * index order (so 80 users extend 70 with the same stream); links and η from the deployment.
     */
    public static EdgeSystem draw(Deployment deployment, UniformRandomProvider rng) {
        Config config = deployment.config();
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = config.serverCapacityHz().length;
        List<EdgeUser> users = new ArrayList<>(deployment.users());
        for (int u = 0; u < deployment.users(); u++) {
            int connected = rng.nextInt(m);
            users.add(user(config.distributions(), connected, config.distributions().draw(rng, gauss),
                    deployment.eta[u]));
        }
        return new EdgeSystem(config.serverCapacityHz(), deployment.linkRateBps, deployment.linkDelayS,
                config.cloudRateBps(), config.cloudDelayS(), config.cloudCpuHz(), users);
    }

    /** {@link #draw(Deployment, UniformRandomProvider)} from a stream seeded with {@code seed}. */
    public static EdgeSystem draw(Deployment deployment, long seed) {
        return draw(deployment, RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    /** A system whose links and η are drawn with its users (no fixed deployment). */
    public static EdgeSystem generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        int m = config.serverCapacityHz().length;
        double[][] rate = new double[m][m];
        double[][] delay = new double[m][m];
        double[] weight = linksAndWeights(config, rng, rate, delay);
        UserDistributions dist = config.distributions();
        List<EdgeUser> users = new ArrayList<>(config.users());
        for (int u = 0; u < config.users(); u++) {
            int connected = rng.nextInt(m);
            UserDistributions.Draw d = dist.draw(rng, gauss);
            users.add(user(dist, connected, d, etaRow(dist, rng, weight)));
        }
        return new EdgeSystem(config.serverCapacityHz(), rate, delay, config.cloudRateBps(), config.cloudDelayS(),
                config.cloudCpuHz(), users);
    }

    /** Fills the symmetric link matrices; returns the weights π_h of the servers' "fastest" shares. */
    private static double[] linksAndWeights(Config config, UniformRandomProvider rng, double[][] rate,
            double[][] delay) {
        int m = rate.length;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                rate[i][j] = rate[j][i] = UserDistributions.uniform(rng, config.linkRateMinBps(), config.linkRateMaxBps());
                delay[i][j] = delay[j][i] = UserDistributions.uniform(rng, config.linkDelayMinS(), config.linkDelayMaxS());
            }
        }
        double[] weight = new double[m];
        for (int h = 0; h < m; h++) {
            weight[h] = rng.nextDouble();
        }
        return weight;
    }

    /** One user's η row: uniform draws, the smallest swapped onto a server drawn ∝ π. */
    private static double[] etaRow(UserDistributions dist, UniformRandomProvider rng, double[] weight) {
        int m = weight.length;
        double total = 0;
        for (double w : weight) {
            total += w;
        }
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
        return eta;
    }

    private static EdgeUser user(UserDistributions dist, int connected, UserDistributions.Draw d, double[] eta) {
        return new EdgeUser(connected, dist.wirelessLatency(d), d.taskBits(), d.resultBits(), d.cyclesPerBit(), eta,
                d.steepnessPerS(), d.midpointS(), dist.maxQoe(), d.distanceM(), d.bandwidthHz(), d.noiseDbm());
    }
}
