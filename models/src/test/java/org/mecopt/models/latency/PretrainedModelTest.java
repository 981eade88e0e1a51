package org.mecopt.models.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.api.Status;
import org.mecopt.channel.ChannelModel;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/** The model bundled for seed 001's default setting works without a model parameter. */
class PretrainedModelTest {

    private final Solver<LatencyInstance, LatencySolution> solver = SolverRegistry.get(LatencyInstance.class, "cnn-lstm");

    @Test
    void bundledModelSolvesTheDefaultSettingAndBeatsEqualPowerOnAverage() {
        double model = 0;
        double equal = 0;
        for (int seed = 0; seed < 30; seed++) {
            LatencyInstance instance = LatencyGenerator.generate(LatencyGenerator.Config.PAPER, 10_000 + seed);
            Result<LatencySolution> r = solver.solve(instance, SolverOptions.defaults());
            assertEquals(Status.FEASIBLE, r.status(), r.violations().toString());
            assertTrue(r.bound() <= r.objective());
            model += r.objective();
            equal += SolverRegistry.get(LatencyInstance.class, "equal-power").solve(instance).objective();
        }
        assertTrue(model < equal, "bundled model " + model / 30 + " vs equal power " + equal / 30);
    }

    @Test
    void otherSizesNeedAModelParameter() {
        LatencyInstance small = LatencyGenerator.generate(LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 4, 16, 2), 1);
        Result<LatencySolution> r = solver.solve(small, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, r.status());
        assertTrue(r.message().contains("parameter model is required"), r.message());
        assertTrue(r.message().contains("bundled model covers K=10, N=4"), r.message());
    }
}
