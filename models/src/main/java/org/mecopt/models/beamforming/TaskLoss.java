package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import org.mecopt.api.InvalidInstanceException;

/**
 * The loss of one constraint task from its normalized value {@code z} ({@code z ≤ 0} when the
 * constraint is met, {@code z > 0} by how much it is violated), MODEL.md §5 — our reconstruction,
 * since the forms of seed 002 are not available. Both are the identity where the task is violated
 * (a constant pull back toward feasibility) and saturate where it is met, so that a task that is
 * comfortably met cannot run its loss to −∞ and swamp the others; both are continuous with slope 1
 * at {@code z = 0}.
 *
 * <ul>
 * <li>{@link #NFL} ("negative fraction linear"): {@code z} for {@code z > 0}, {@code x·z/(x − z)}
 *     for {@code z ≤ 0}; tends to {@code −x} as {@code z → −∞} with slope {@code x²/(x − z)²}
 *     (a slow, algebraic decay).</li>
 * <li>{@link #EL} ("exponential linear"): {@code z} for {@code z > 0}, {@code x·(e^{z/x} − 1)}
 *     for {@code z ≤ 0}; tends to {@code −x} with slope {@code e^{z/x}} (an exponential decay).</li>
 * </ul>
 *
 * <p>{@code x} is the depth of the saturation (the paper's x1 for NFL, x2 for EL): the most a met
 * task can give back. {@link #infimum} is {@code −x}; {@link UncertaintyWeights} adds {@code x} to
 * the loss so the weighted loss is positive.
 */
public enum TaskLoss {
    NFL("nfl"), EL("el");

    private final String id;

    TaskLoss(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static TaskLoss parse(String option, String text) {
        for (TaskLoss t : values()) {
            if (t.id.equalsIgnoreCase(text)) {
                return t;
            }
        }
        throw new InvalidInstanceException(option, text, "must be nfl or el");
    }

    /** The loss of {@code z} with saturation depth {@code x > 0}. */
    public double value(double z, double x) {
        checkDepth(x);
        if (z > 0) {
            return z;
        }
        return this == NFL ? x * z / (x - z) : x * Math.expm1(z / x);
    }

    /** Its derivative in {@code z}. */
    public double slope(double z, double x) {
        checkDepth(x);
        if (z > 0) {
            return 1;
        }
        return this == NFL ? x * x / ((x - z) * (x - z)) : Math.exp(z / x);
    }

    /** The greatest lower bound of the loss, {@code −x}: approached, never reached, as {@code z → −∞}. */
    public double infimum(double x) {
        checkDepth(x);
        return -x;
    }

    /**
     * The loss elementwise, differentiable: {@code max(z, 0)} plus the saturating branch at
     * {@code min(z, 0)} (each branch only sees its own half-line, so the NFL fraction never meets its
     * pole at {@code z = x}).
     */
    public NDArray value(NDArray z, double x) {
        checkDepth(x);
        float xf = (float) x;
        NDArray above = z.maximum(0f);
        NDArray below = z.minimum(0f);
        NDArray saturated = this == NFL ? below.mul(xf).div(below.neg().add(xf)) : below.div(xf).exp().sub(1f).mul(xf);
        return above.add(saturated);
    }

    private static void checkDepth(double x) {
        if (!(x > 0) || !Double.isFinite(x)) {
            throw new InvalidInstanceException("x", x, "the saturation depth must be finite and > 0");
        }
    }
}
