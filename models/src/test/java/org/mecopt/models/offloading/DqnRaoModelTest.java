package org.mecopt.models.offloading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;
import org.mecopt.env.ObservationScaler;
import org.mecopt.io.Json;
import org.mecopt.models.learning.Djl;
import org.mecopt.models.learning.ModelManifest;
import org.mecopt.models.rl.Mlp;
import org.mecopt.models.rl.Networks;
import org.mecopt.offloading.OffloadingEnv;
import org.mecopt.offloading.OffloadingGenerator;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/** Whatever its weights, the policy's answer is feasible, survives a file, and refuses another shape. */
class DqnRaoModelTest {
    private static final OffloadingGenerator.Config CONFIG = OffloadingGenerator.Config.PAPER.withSize(12, 4, 4);

    static DqnRaoModel untrained(OffloadingGenerator.Config config, int seed) {
        Djl.offline();
        int in = OffloadingEnv.observationSize(config.devices(), config.servers());
        try (NDManager manager = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(seed);
            Mlp q = Mlp.of(Networks.initialize(Networks.mlp(in, new int[] {16}, config.servers(), Mlp.Output.IDENTITY),
                    manager, in), Mlp.Output.IDENTITY);
            ObservationScaler scaler = ObservationScaler.fit(OffloadingEnv.sampling(config, OffloadingEnv.Options.KKT),
                    seed, 20);
            ModelManifest manifest = new ModelManifest(DqnRaoModel.TASK, "offloading", Json.mapper().createObjectNode(),
                    List.of(), Json.mapper().createObjectNode(), null, Json.mapper().createObjectNode(), List.of(),
                    DqnRaoModel.taskFields(config.devices(), config.servers(), scaler));
            return new DqnRaoModel(config.devices(), config.servers(), scaler, q, manifest);
        }
    }

    @Test
    void everyAnswerIsFeasibleAndTheFileRoundTripKeepsIt(@TempDir Path dir) throws Exception {
        for (int seed = 1; seed <= 4; seed++) {
            DqnRaoModel model = untrained(CONFIG, seed);
            model.save(dir.resolve("m" + seed));
            DqnRaoModel loaded = DqnRaoModel.load(dir.resolve("m" + seed));
            for (long s = 0; s < 25; s++) {
                OffloadingInstance instance = OffloadingGenerator.generate(CONFIG, 1000 * seed + s);
                Result<OffloadingSolution> r = DqnRaoSolver.with(model).solve(instance, SolverOptions.defaults());
                assertEquals(Status.FEASIBLE, r.status(), r.violations().toString());
                assertArrayEquals(r.solution().assignment(), loaded.assign(instance));
            }
        }
    }

    /** The rollout is the environment's greedy episode: each choice is the allowed server of highest Q. */
    @Test
    void eachChoiceIsTheAllowedArgmax() {
        DqnRaoModel model = untrained(CONFIG, 9);
        OffloadingInstance instance = OffloadingGenerator.generate(CONFIG, 77);
        int[] assignment = model.assign(instance);
        OffloadingEnv env = OffloadingEnv.fixed(instance, OffloadingEnv.Options.PAPER);
        var reset = env.reset(5);
        double[] obs = reset.observation();
        boolean[] mask = reset.info().actionMask();
        for (int m = 0; m < CONFIG.devices(); m++) {
            double[] q = model.network().forward(model.scaler().apply(obs));
            for (int n = 0; n < CONFIG.servers(); n++) {
                if (mask[n]) {
                    assertTrue(q[n] <= q[assignment[m]], "device " + m + ": server " + n + " has a higher Q");
                }
            }
            var step = env.step(assignment[m]);
            obs = step.observation();
            mask = step.info().actionMask();
        }
    }

    @Test
    void anotherShapeIsRefusedAndTheSolverSaysUnsupported() {
        DqnRaoModel model = untrained(CONFIG, 2);
        OffloadingInstance other = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER, 1);
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> model.checkFits(other));
        assertTrue(e.getMessage().contains("M=12, N=4"), e.getMessage());
        Result<OffloadingSolution> r = DqnRaoSolver.with(model).solve(other, SolverOptions.defaults());
        assertEquals(Status.UNSUPPORTED, r.status());
    }
}
