package org.mecopt.env;

import java.util.Arrays;
import java.util.OptionalInt;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Per-coordinate standardization {@code (x − mean) / scale} of observations, fitted on the states a
 * random policy visits. Networks learn poorly from raw MEC features spanning many orders of
 * magnitude; a fitted, saved scaler keeps training and acting on the same inputs.
 *
 * @param mean  per coordinate
 * @param scale per coordinate, > 0 (a coordinate that never varied gets 1, so it passes centred)
 */
public record ObservationScaler(double[] mean, double[] scale) {

    public ObservationScaler {
        if (mean.length != scale.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " entries but scale has " + scale.length);
        }
        mean = mean.clone();
        scale = scale.clone();
        for (int i = 0; i < scale.length; i++) {
            if (!Double.isFinite(mean[i]) || !(scale[i] > 0) || Double.isInfinite(scale[i])) {
                throw new IllegalArgumentException("coordinate " + i + ": mean " + mean[i] + ", scale " + scale[i]
                        + " (mean must be finite, scale finite and > 0)");
            }
        }
    }

    /** Fitted on every observation of {@code episodes} episodes of uniformly random allowed actions. */
    public static <A> ObservationScaler fit(Env<A> env, long seed, int episodes) {
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes = " + episodes + " must be >= 1");
        }
        int d = env.observationSpace().dimension();
        double[] mean = new double[d];
        double[] m2 = new double[d];
        long count = 0;
        UniformRandomProvider actions = RandomSource.XO_RO_SHI_RO_128_PP.create(seed ^ 0x5DEECE66DL);
        Reset reset = env.reset(seed);
        double[] obs = reset.observation();
        Info info = reset.info();
        for (int e = 0; e < episodes; ) {
            // Welford's update: one pass, no cancellation on large magnitudes.
            count++;
            for (int i = 0; i < d; i++) {
                double delta = obs[i] - mean[i];
                mean[i] += delta / count;
                m2[i] += delta * (obs[i] - mean[i]);
            }
            Step step = env.step(Actions.sample(env.actionSpace(), info, actions));
            if (step.done()) {
                e++;
                if (e < episodes) {
                    reset = env.reset();
                    obs = reset.observation();
                    info = reset.info();
                }
            } else {
                obs = step.observation();
                info = step.info();
            }
        }
        double[] scale = new double[d];
        for (int i = 0; i < d; i++) {
            double std = Math.sqrt(m2[i] / count);
            // Relative, so a feature of tiny magnitude (gains of 1e-10) keeps its spread.
            scale[i] = std > Math.max(1e-9 * Math.abs(mean[i]), Double.MIN_NORMAL) ? std : 1;
        }
        return new ObservationScaler(mean, scale);
    }

    public int dimension() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] scale() {
        return scale.clone();
    }

    /** The standardized copy of {@code observation}. */
    public double[] apply(double[] observation) {
        if (observation.length != mean.length) {
            throw new IllegalArgumentException("observation has " + observation.length + " coordinates, the scaler "
                    + mean.length);
        }
        double[] out = new double[observation.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (observation[i] - mean[i]) / scale[i];
        }
        return out;
    }

    /** {@code env} seen through this scaler. */
    public <A> Env<A> wrap(Env<A> env) {
        return new ScaledEnv<>(env, this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservationScaler s && Arrays.equals(mean, s.mean) && Arrays.equals(scale, s.scale);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "ObservationScaler[dimension=" + mean.length + "]";
    }

    /** An environment whose observations pass through a scaler; everything else is the wrapped one's. */
    private record ScaledEnv<A>(Env<A> env, ObservationScaler scaler) implements Env<A> {

        ScaledEnv {
            if (env.observationSpace().dimension() != scaler.dimension()) {
                throw new IllegalArgumentException("the environment observes " + env.observationSpace().dimension()
                        + " coordinates, the scaler " + scaler.dimension());
            }
        }

        @Override
        public Box observationSpace() {
            Box raw = env.observationSpace();
            double[] low = new double[raw.dimension()];
            double[] high = new double[raw.dimension()];
            for (int i = 0; i < low.length; i++) {
                low[i] = (raw.low(i) - scaler.mean[i]) / scaler.scale[i];
                high[i] = (raw.high(i) - scaler.mean[i]) / scaler.scale[i];
            }
            return new Box(low, high);
        }

        @Override
        public Space<A> actionSpace() {
            return env.actionSpace();
        }

        @Override
        public OptionalInt maxEpisodeSteps() {
            return env.maxEpisodeSteps();
        }

        @Override
        public Reset reset(long seed) {
            return scaled(env.reset(seed));
        }

        @Override
        public Reset reset() {
            return scaled(env.reset());
        }

        private Reset scaled(Reset r) {
            return new Reset(scaler.apply(r.observation()), r.info());
        }

        @Override
        public Step step(A action) {
            Step s = env.step(action);
            return new Step(scaler.apply(s.observation()), s.reward(), s.terminated(), s.truncated(), s.info());
        }
    }
}
