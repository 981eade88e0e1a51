package org.mecopt.deadline;

import java.util.EnumMap;
import java.util.Map;

/**
 * Fig. 1's quantities per class, over one episode or pooled over several ({@link #plus}: ratios of
 * sums, so an episode counts by its number of arrivals).
 */
public record EpisodeMetrics(DeadlineEnergyConfig config, Map<TaskClass, ClassTotals> totals) {

    public EpisodeMetrics {
        EnumMap<TaskClass, ClassTotals> copy = new EnumMap<>(TaskClass.class);
        for (TaskClass c : TaskClass.values()) {
            copy.put(c, totals.getOrDefault(c, ClassTotals.ZERO));
        }
        totals = Map.copyOf(copy);
    }

    public static EpisodeMetrics empty(DeadlineEnergyConfig config) {
        return new EpisodeMetrics(config, Map.of());
    }

    public ClassTotals of(TaskClass c) {
        return totals.get(c);
    }

    public double successRate(TaskClass c) {
        return of(c).successRate();
    }

    public double normalizedEnergy(TaskClass c) {
        return of(c).normalizedEnergy(config);
    }

    public double energyPerTaskJ(TaskClass c) {
        return of(c).energyPerTaskJ();
    }

    public EpisodeMetrics plus(EpisodeMetrics o) {
        EnumMap<TaskClass, ClassTotals> sum = new EnumMap<>(TaskClass.class);
        for (TaskClass c : TaskClass.values()) {
            sum.put(c, of(c).plus(o.of(c)));
        }
        return new EpisodeMetrics(config, sum);
    }
}
