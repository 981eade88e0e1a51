package org.mecopt.api;

import java.util.function.LongSupplier;

/**
 * When a solve must stop. Every loop of every solver asks {@link #passed()} once per iteration, so a
 * time limit holds within one iteration of the innermost loop (the slack each solver states). It is
 * an interface, not a nanosecond value, so that a method below the solvers (the interior-point
 * method, the sigmoidal branch and bound) needs no clock of its own, and so that tests can make
 * time pass on every look ({@link #afterChecks}) and show that a loop looks at all.
 */
@FunctionalInterface
public interface Deadline {

    /** A deadline that never passes. */
    Deadline NEVER = () -> false;

    /** Whether the time is up. */
    boolean passed();

    /**
     * {@code limitMillis} from now on {@code clock} (nanoseconds), saturating: a limit of
     * {@link Long#MAX_VALUE} ms never passes, instead of overflowing into a deadline in the past.
     */
    static Deadline in(long limitMillis, LongSupplier clock) {
        long at = at(clock.getAsLong(), limitMillis);
        return () -> clock.getAsLong() > at;
    }

    /** {@code start + limit} in nanoseconds, saturating at {@link Long#MAX_VALUE}. */
    static long at(long startNanos, long limitMillis) {
        long limitNanos = limitMillis > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : limitMillis * 1_000_000L;
        long sum = startNanos + limitNanos;
        return ((startNanos ^ sum) & (limitNanos ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    /** For tests: passes at the {@code n}-th look and every look after it (never before). */
    static Deadline afterChecks(long n) {
        long[] looks = {0};
        return () -> ++looks[0] >= n;
    }
}
