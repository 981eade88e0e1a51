package org.mecopt.models.rl;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Entropy temperatures ω (one per agent) of a discrete soft actor-critic, tuned toward a target
 * entropy, parametrized by {@code log ω} so ω stays positive. The loss per agent is SAC's
 * {@code L(log ω) = log ω · (H − H̄)} with H the policy's current entropy (a detached number) and
 * H̄ the target, so the gradient is {@code H − H̄}: ω falls while the policy is more random than
 * the target and rises while it is less. Each {@code log ω} takes a textbook Adam step
 * (β₁ 0.9, β₂ 0.999, ε 1e-8) in plain Java: a scalar per agent, not worth an engine call.
 *
 * <p>Why a target such as {@code 0.98·log K} (Christodoulou 2019, "Soft actor-critic for discrete
 * action settings") rather than SAC's continuous {@code −dim(A)}: a discrete entropy is never
 * negative, so a negative target (seed 003's −1, eq. (34)) is always exceeded and drives ω to 0,
 * which switches the entropy bonus off. The target should lie in {@code (0, log K)}.
 */
public final class DiscreteSacTemperature {
    private static final String MAGIC = "mecopt-sac-temperature-1";
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final double learningRate;
    private final double targetEntropy;
    private final double[] logOmega;
    private final double[] m;
    private final double[] v;
    private long steps;

    /**
     * @param agents        temperatures kept (one per agent)
     * @param initialOmega  ω before the first update, > 0
     * @param targetEntropy H̄, in nats per decision
     * @param learningRate  Adam's step on {@code log ω}
     */
    public DiscreteSacTemperature(int agents, double initialOmega, double targetEntropy, double learningRate) {
        if (agents < 1) {
            throw new IllegalArgumentException("agents = " + agents + " must be >= 1");
        }
        if (!(initialOmega > 0) || !Double.isFinite(initialOmega)) {
            throw new IllegalArgumentException("initialOmega = " + initialOmega + " must be > 0 and finite");
        }
        if (!(targetEntropy > 0) || !Double.isFinite(targetEntropy)) {
            throw new IllegalArgumentException("targetEntropy = " + targetEntropy
                    + " must be > 0: a discrete entropy is never negative, so a target <= 0 drives the temperature to 0");
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " must be > 0 and finite");
        }
        this.learningRate = learningRate;
        this.targetEntropy = targetEntropy;
        this.logOmega = new double[agents];
        java.util.Arrays.fill(logOmega, Math.log(initialOmega));
        this.m = new double[agents];
        this.v = new double[agents];
    }

    /** {@code ratio · log(actions)}: the SAC-discrete target (Christodoulou uses ratio 0.98). */
    public static double target(double ratio, int actions) {
        if (!(ratio > 0 && ratio < 1)) {
            throw new IllegalArgumentException("target entropy ratio = " + ratio + " must be in (0, 1)");
        }
        if (actions < 2) {
            throw new IllegalArgumentException("actions = " + actions + " must be >= 2 for a positive entropy");
        }
        return ratio * Math.log(actions);
    }

    public int agents() {
        return logOmega.length;
    }

    public double targetEntropy() {
        return targetEntropy;
    }

    /** Agent {@code i}'s ω = exp(log ω). */
    public double omega(int i) {
        return Math.exp(logOmega[i]);
    }

    public double[] omegas() {
        double[] w = new double[logOmega.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(logOmega[i]);
        }
        return w;
    }

    /** Updates taken so far. */
    public long steps() {
        return steps;
    }

    /**
     * One Adam step of every {@code log ω_i} on the gradient {@code entropy[i] − H̄}; an agent whose
     * entropy is NaN (it had no decisions in the batch) keeps its ω and its moments.
     *
     * @param entropy each agent's current mean entropy per decision, nats
     */
    public void update(double[] entropy) {
        if (entropy.length != logOmega.length) {
            throw new IllegalArgumentException(entropy.length + " entropies for " + logOmega.length + " temperatures");
        }
        steps++;
        double c1 = 1 - Math.pow(BETA1, steps);
        double c2 = 1 - Math.pow(BETA2, steps);
        for (int i = 0; i < logOmega.length; i++) {
            if (Double.isNaN(entropy[i])) {
                continue;
            }
            double g = entropy[i] - targetEntropy;
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            logOmega[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
        }
    }

    public void save(DataOutputStream out) throws IOException {
        out.writeUTF(MAGIC);
        out.writeInt(logOmega.length);
        out.writeLong(steps);
        for (int i = 0; i < logOmega.length; i++) {
            out.writeDouble(logOmega[i]);
            out.writeDouble(m[i]);
            out.writeDouble(v[i]);
        }
    }

    /** Restores what {@link #save} wrote (same number of agents). */
    public void load(DataInputStream in) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException("not a temperature state (header " + magic + ")");
        }
        int n = in.readInt();
        if (n != logOmega.length) {
            throw new IOException("saved " + n + " temperatures, expected " + logOmega.length);
        }
        steps = in.readLong();
        for (int i = 0; i < n; i++) {
            logOmega[i] = in.readDouble();
            m[i] = in.readDouble();
            v[i] = in.readDouble();
        }
    }
}
