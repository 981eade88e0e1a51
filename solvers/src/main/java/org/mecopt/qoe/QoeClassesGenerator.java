package org.mecopt.qoe;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * Seeded single-server QoE instances whose users come from a few classes with small perturbations:
 * many users of one application, which is what real servers see (issue 12). Each class is one
 * Table III user ({@link QoeGenerator}'s draw); every user copies a class (drawn uniformly) and
 * multiplies its workload and its steepness by independent factors {@code 1 + perturbation · U(−1, 1)}.
 *
 * <p>The capacity is a fraction of the total demand, a user's demand being the rate at which its
 * QoE reaches 0.9 of its maximum (seed 003's "satisfied" threshold). Class users that cannot reach
 * 0.9 at any rate (fixed latency too close to the midpoint) are redrawn. So a fraction of 1 serves
 * everyone satisfied, and 0.2 leaves most users out: near-identical users then compete for a
 * server that fits only some of them, the case that made branch and bound explode.
 *
 * <p>Same config and seed give the same instance on any machine and thread.
 */
public final class QoeClassesGenerator {

    /** The share of the maximum QoE that defines a user's demand. */
    public static final double DEMAND_LEVEL = 0.9;

    private QoeClassesGenerator() {
    }

    /**
     * @param users number of users (≥ 1)
     * @param classes number of distinct base users (≥ 1)
     * @param perturbation relative half-width of the workload and steepness perturbation, in [0, 0.5]
     * @param capacityFraction the capacity as a fraction of the total demand, in (0, 10]
     * @param distributions how the class users are drawn
     */
    public record Config(int users, int classes, double perturbation, double capacityFraction,
                         UserDistributions distributions) {

        public Config {
            Check.atLeast("users", users, 1);
            Check.atLeast("classes", classes, 1);
            if (!(perturbation >= 0 && perturbation <= 0.5)) {
                throw new InvalidInstanceException("perturbation", perturbation, "must be in [0, 0.5]");
            }
            if (!(capacityFraction > 0 && capacityFraction <= 10)) {
                throw new InvalidInstanceException("capacityFraction", capacityFraction, "must be in (0, 10]");
            }
            Check.present("distributions", distributions);
        }

        /** Table III classes. */
        public static Config of(int users, int classes, double perturbation, double capacityFraction) {
            return new Config(users, classes, perturbation, capacityFraction, UserDistributions.SEED_003);
        }
    }

    public static QoeInstance generate(Config config, long seed) {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
        UserDistributions dist = config.distributions();
        List<QoeUser> bases = new ArrayList<>(config.classes());
        while (bases.size() < config.classes()) {
            UserDistributions.Draw d = dist.draw(rng, gauss);
            double eta = dist.eta(rng);
            QoeUser user = new QoeUser(dist.wirelessLatency(d), eta * d.taskBits() * d.cyclesPerBit(), dist.maxQoe(),
                    d.steepnessPerS(), d.midpointS());
            if (Double.isFinite(demandHz(user))) {
                bases.add(user);
            }
        }
        List<QoeUser> users = new ArrayList<>(config.users());
        double demand = 0;
        for (int u = 0; u < config.users(); u++) {
            QoeUser base = bases.get(rng.nextInt(bases.size()));
            double workload = base.workloadCycles() * (1 + config.perturbation() * (2 * rng.nextDouble() - 1));
            double steepness = base.steepnessPerS() * (1 + config.perturbation() * (2 * rng.nextDouble() - 1));
            QoeUser user = new QoeUser(base.fixedLatencyS(), workload, base.maxQoe(), steepness, base.midpointS());
            double need = demandHz(user);
            if (!Double.isFinite(need)) { // a perturbed steepness can push 0.9 out of reach: keep the base
                user = base;
                need = demandHz(base);
            }
            users.add(user);
            demand += need;
        }
        return new QoeInstance(config.capacityFraction() * demand, users);
    }

    /**
     * The rate at which the user's QoE reaches {@link #DEMAND_LEVEL} of its maximum:
     * {@code w / (β − d − logit(0.9)/α)}; +∞ when no rate reaches it.
     */
    public static double demandHz(QoeUser user) {
        double slack = user.midpointS() - user.fixedLatencyS()
                - Math.log(DEMAND_LEVEL / (1 - DEMAND_LEVEL)) / user.steepnessPerS();
        return slack > 0 ? user.workloadCycles() / slack : Double.POSITIVE_INFINITY;
    }
}
