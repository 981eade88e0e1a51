package org.mecopt.env;

import java.util.Arrays;
import java.util.Map;

/**
 * What a step or a reset tells besides the observation (Gymnasium's {@code info}), typed: the action
 * mask of a discrete action space ({@code null} when every action is allowed; {@code true} =
 * allowed), and named numbers for logging (e.g. the delay an offloading episode reached).
 */
public record Info(boolean[] actionMask, Map<String, Double> values) {

    public static final Info EMPTY = new Info(null, Map.of());

    public Info {
        actionMask = actionMask == null ? null : actionMask.clone();
        values = Map.copyOf(values);
    }

    public static Info masked(boolean[] actionMask) {
        return new Info(actionMask, Map.of());
    }

    public static Info of(Map<String, Double> values) {
        return new Info(null, values);
    }

    @Override
    public boolean[] actionMask() {
        return actionMask == null ? null : actionMask.clone();
    }

    /** Whether the mask allows {@code action} (always, without a mask). */
    public boolean allows(int action) {
        return actionMask == null || (action >= 0 && action < actionMask.length && actionMask[action]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Info i && Arrays.equals(actionMask, i.actionMask) && values.equals(i.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(actionMask) + values.hashCode();
    }

    @Override
    public String toString() {
        return "Info[actionMask=" + Arrays.toString(actionMask) + ", values=" + values + "]";
    }
}
