package org.mecopt.deadline;

import java.util.List;

/**
 * Everything one episode did, as issue 14's trace format stores it: the scenario, the actions
 * ({@code actions[t−1][k] = [α, η]}), per step and user the bits processed locally and offloaded, the
 * rate and the energies, and the task outcomes. {@link TraceCodec} reads and writes it as JSON.
 */
public record EpisodeTrace(Scenario scenario, double[][][] actions, double[][] localBits, double[][] offloadBits,
                           double[][] rateBps, double[][] localEnergyJ, double[][] offloadEnergyJ,
                           List<TaskOutcome> outcomes) {

    public EpisodeTrace {
        outcomes = List.copyOf(outcomes);
    }
}
