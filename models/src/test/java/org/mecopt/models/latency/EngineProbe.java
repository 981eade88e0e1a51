package org.mecopt.models.latency;

import org.mecopt.models.learning.Djl;
import org.mecopt.models.learning.Progress;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.mecopt.channel.ChannelModel;
import org.mecopt.datasets.DatasetGenerator;
import org.mecopt.datasets.Format;
import org.mecopt.latency.LatencyFamily;
import org.mecopt.latency.LatencyGenerator;
import org.mecopt.latency.LatencyInstance;

/**
 * Run in a child JVM by {@link OfflineEngineTest}: loads the engine and computes something; given a
 * work directory, also generates a tiny labelled set, trains on it (with the latency term of the
 * loss, so autograd runs through every operation the trainer uses), loads the model and predicts.
 */
public final class EngineProbe {
    private EngineProbe() {
    }

    public static void main(String[] args) throws Exception {
        Djl.offline();
        Engine engine = Engine.getInstance();
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4});
            System.out.println("engine=" + engine.getEngineName() + " version=" + engine.getVersion()
                    + " sum=" + x.sum().getFloat());
        }
        if (args.length == 0) {
            return;
        }
        Path work = Path.of(args[0]);
        LatencyGenerator.Config config = LatencyGenerator.Config.PAPER.with(ChannelModel.CELLFREE, 3, 8, 2);
        DatasetGenerator.run(new DatasetGenerator.Request(new LatencyFamily(), config, "ica", null, 5, 80, 40,
                Format.CSV, work.resolve("data"), 1, false, 0), DatasetGenerator.Progress.NONE);
        LatencyTrainer.Summary s = LatencyTrainer.train(LatencyTrainer.Options.defaults(work.resolve("data"),
                work.resolve("model")).withEpochs(2).withBatchSize(16).withPatience(2).withLatencyWeight(1), Progress.NONE);
        try (LatencyModel model = LatencyModel.load(work.resolve("model"))) {
            LatencyInstance instance = LatencyGenerator.generate(config, 99);
            boolean feasible = instance.violations(model.solve(instance)).isEmpty();
            System.out.println("trained epochs=" + s.epochsRun() + " feasible=" + feasible);
        }
    }
}
