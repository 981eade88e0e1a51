package org.mecopt.qoe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;

/**
 * Seeded random single-server QoE instances with seed 003's Table III distributions: each user is
 * connected to the server directly (no forwarding), {@code d_u} is its wireless latency under the
 * RMa LOS path loss, and {@code w_u = η V^T κ}. The same config and seed give the same instance on
 * any machine and thread.
 */
public final class QoeGenerator {
    private QoeGenerator() {
    }

    /**
     * @param users number of users
     * @param capacityHz server capacity (default 100 GHz, a mid-sized seed-003 server)
     * @param distributions how users are drawn
     */
    public record Config(int users, double capacityHz, UserDistributions distributions) {

        /** 20 users on a 100 GHz server with Table III users. */
        public static final Config DEFAULT = new Config(20, 100e9, UserDistributions.SEED_003);

        public Config {
            Check.atLeast("users", users, 1);
            QoeRanges.CAPACITY_HZ.check("capacityHz", capacityHz);
            Check.present("distributions", distributions);
        }

        public Config withUsers(int n) {
            return new Config(n, capacityHz, distributions);
        }

        public Config withCapacityHz(double hz) {
            return new Config(users, hz, distributions);
        }
    }

    public static QoeInstance generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        UserDistributions dist = config.distributions();
        List<QoeUser> users = new ArrayList<>(config.users());
        for (int u = 0; u < config.users(); u++) {
            UserDistributions.Draw d = dist.draw(rng, gauss);
            double eta = dist.eta(rng);
            users.add(new QoeUser(dist.wirelessLatency(d), eta * d.taskBits() * d.cyclesPerBit(), dist.maxQoe(),
                    d.steepnessPerS(), d.midpointS()));
        }
        return new QoeInstance(config.capacityHz(), users);
    }
}
