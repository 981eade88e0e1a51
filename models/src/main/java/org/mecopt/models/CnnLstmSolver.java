package org.mecopt.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;
import org.mecopt.latency.InterferenceFreeBound;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;

/**
 * {@code cnn-lstm}: the powers a trained CNN-LSTM predicts (feasible by construction), with the best
 * offloading ratios. The model directory is the solver parameter {@code model}; loaded models are
 * cached by their absolute path and the time {@code model.json} was written, for the life of the JVM
 * (a model retrained into the same directory is loaded afresh).
 */
public final class CnnLstmSolver extends ProblemSolver<LatencyInstance, LatencySolution> {
    public static final String MODEL_PARAMETER = "model";

    private static final ConcurrentHashMap<String, LatencyModel> MODELS = new ConcurrentHashMap<>();

    public CnnLstmSolver() {
        super("latency", LatencyInstance.class);
    }

    @Override
    public String name() {
        return "cnn-lstm";
    }

    @Override
    public String guarantee() {
        return "feasible: powers predicted by a trained CNN-LSTM (parameter model=DIR), best offloading ratio";
    }

    @Override
    public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
        String dir = options.parameter(MODEL_PARAMETER);
        if (dir == null || dir.isBlank()) {
            throw new InvalidInstanceException("parameter model", dir,
                    "is required until a pretrained model ships (train one with ./mecopt train latency)");
        }
        LatencyModel model = model(Path.of(dir));
        long start = System.nanoTime(); // after loading: solveTimeMillis is the inference, not the one-time load
        LatencySolution solution = model.solve(instance);
        return Result.checked(instance, name(), Status.FEASIBLE, solution, InterferenceFreeBound.lowerBound(instance),
                1, start, "");
    }

    static LatencyModel model(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        String written;
        try {
            written = java.nio.file.Files.getLastModifiedTime(d.resolve(LatencyModel.MANIFEST)).toString();
        } catch (IOException e) {
            throw new InvalidInstanceException("parameter model", dir, "is not a model directory (no "
                    + LatencyModel.MANIFEST + ")");
        }
        return MODELS.computeIfAbsent(d + "@" + written, key -> {
            try {
                return LatencyModel.load(d);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
