package org.mecopt.env;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/** Helpers for actions of either space type. */
public final class Actions {
    private Actions() {
    }

    static String describe(Object action) {
        return action instanceof double[] d ? Arrays.toString(d) : String.valueOf(action);
    }

    /** A uniformly drawn action of {@code space} that {@code info}'s mask allows. */
    @SuppressWarnings("unchecked")
    public static <A> A sample(Space<A> space, Info info, UniformRandomProvider rng) {
        if (space instanceof Discrete d) {
            return (A) Integer.valueOf(d.sample(rng, info.actionMask()));
        }
        return space.sample(rng);
    }
}
