package org.mecopt.env;

import java.util.List;

/** Each agent's first observation and info, in agent order. */
public record ParallelReset(List<double[]> observations, List<Info> infos) {

    public ParallelReset {
        observations = List.copyOf(observations);
        infos = List.copyOf(infos);
        if (observations.size() != infos.size()) {
            throw new IllegalArgumentException(observations.size() + " observations but " + infos.size() + " infos");
        }
    }
}
