package org.mecopt.deadline;

import org.mecopt.api.Check;

/**
 * The weights of seed 000's reward, eq. (12), all (ours) since the paper gives none:
 * {@code r_k = w_p·progress − w_e·Ẽ + w_s·1[success] − w_f·1[failure] − w_u·π·remaining^β}.
 *
 * @param progress      w_p = 1
 * @param energy        w_e = 0.5
 * @param success       w_s = 1
 * @param failure       w_f = 1
 * @param urgency       w_u = 0.5
 * @param urgencyPower  β = 2
 */
public record RewardWeights(double progress, double energy, double success, double failure, double urgency,
                            double urgencyPower) {

    public static final RewardWeights DEFAULTS = new RewardWeights(1, 0.5, 1, 1, 0.5, 2);

    public RewardWeights {
        Check.nonNegative("reward.progress", progress);
        Check.nonNegative("reward.energy", energy);
        Check.nonNegative("reward.success", success);
        Check.nonNegative("reward.failure", failure);
        Check.nonNegative("reward.urgency", urgency);
        Check.positive("reward.urgencyPower", urgencyPower);
    }
}
