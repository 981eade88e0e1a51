package org.mecopt.deadline;

import java.util.List;

/**
 * What every policy learns at the start of an episode: the constants, the users' classes and their
 * large-scale gains {@code Σ_m β_mk} (the heuristic's fractional power control needs all of them).
 * Nothing about future fading or arrivals.
 */
public record EpisodeInfo(DeadlineEnergyConfig config, List<TaskClass> classes, double[] sumBeta) {

    public EpisodeInfo {
        classes = List.copyOf(classes);
        sumBeta = sumBeta.clone();
    }

    public int users() {
        return classes.size();
    }

    public double sumBeta(int user) {
        return sumBeta[user];
    }

    @Override
    public double[] sumBeta() {
        return sumBeta.clone();
    }
}
