package org.mecopt.models.latency;

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
import org.mecopt.latency.PowerBalancing;

/**
 * {@code cnn-lstm}: the solution a trained CNN-LSTM predicts, through its {@link Head} (by default
 * powers feasible by construction with the best offloading ratios), finished by
 * {@value #DEFAULT_BALANCE_SWEEPS} sweeps of {@link PowerBalancing} along the predicted shapes (solver
 * parameter {@code balance}; 0 returns the network's output as it is). The model directory is the
 * solver parameter {@code model}; without it the model
 * bundled for seed 001's default setting is used (see {@link #pretrained()}). Loaded models are
 * cached by their absolute path and the time {@code model.json} was written, for the life of the JVM
 * (a model retrained into the same directory is loaded afresh).
 */
public final class CnnLstmSolver extends ProblemSolver<LatencyInstance, LatencySolution> {
    public static final String MODEL_PARAMETER = "model";
    public static final String BALANCE_PARAMETER = "balance";
    /**
     * Sweeps of {@link PowerBalancing} after the network by default: on the bundled model's test set
     * they take the median gap from 0.98 % to 0.62 % (p95 from 4.97 % to 3.22 %) for about 13 µs
     * (docs/models.md).
     */
    public static final int DEFAULT_BALANCE_SWEEPS = 3;

    private static final ConcurrentHashMap<String, LatencyModel> MODELS = new ConcurrentHashMap<>();
    /** Classpath folder of the bundled model and its files. */
    static final String PRETRAINED = "org/mecopt/models/pretrained/latency-cellfree-k10-n4-m64/";
    static final java.util.List<String> PRETRAINED_FILES = java.util.List.of(LatencyModel.MANIFEST, "cnn-lstm-0000.params");

    public CnnLstmSolver() {
        super("latency", LatencyInstance.class);
    }

    public static final String NAME = "cnn-lstm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String guarantee() {
        return "feasible: powers predicted by a trained CNN-LSTM (parameter model=DIR, or the bundled K=10 N=4 M=64 model),"
                + " then balance=" + DEFAULT_BALANCE_SWEEPS + " sweeps of power balancing (never worse; 0: the network alone)";
    }

    @Override
    public Result<LatencySolution> solve(LatencyInstance instance, SolverOptions options) {
        String dir = options.parameter(MODEL_PARAMETER);
        LatencyModel model;
        if (dir == null || dir.isBlank()) {
            model = pretrained();
            try {
                model.checkShape(instance);
            } catch (InvalidInstanceException e) {
                throw new InvalidInstanceException("parameter model", null, "is required for this instance: the bundled "
                        + "model covers K=" + model.architecture().users() + ", N=" + model.architecture().subcarriers()
                        + " only (" + e.getMessage() + ")");
            }
        } else {
            model = model(Path.of(dir));
        }
        return solveWith(model, instance, balanceSweeps(options));
    }

    /** The {@code balance} parameter: sweeps of {@link PowerBalancing}, an integer ≥ 0. */
    static int balanceSweeps(SolverOptions options) {
        String text = options.parameter(BALANCE_PARAMETER);
        if (text == null || text.isBlank()) {
            return DEFAULT_BALANCE_SWEEPS;
        }
        try {
            int sweeps = Integer.parseInt(text.trim());
            if (sweeps >= 0) {
                return sweeps;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInstanceException("parameter " + BALANCE_PARAMETER, text, "must be an integer >= 0");
    }

    /**
     * The solver's answer with a loaded model: the prediction, balanced, checked, with the
     * interference-free lower bound. Timed from here, so solveTimeMillis is the inference, not the
     * one-time load.
     */
    static Result<LatencySolution> solveWith(LatencyModel model, LatencyInstance instance, int balanceSweeps) {
        long start = System.nanoTime();
        LatencySolution solution = balanced(instance, model.solve(instance), balanceSweeps);
        return Result.checked(instance, NAME, Status.FEASIBLE, solution, InterferenceFreeBound.lowerBound(instance),
                1, start, "");
    }

    /** The prediction after {@code sweeps} of {@link PowerBalancing}, with the best ratios (unchanged for 0). */
    static LatencySolution balanced(LatencyInstance instance, LatencySolution prediction, int sweeps) {
        return sweeps == 0 ? prediction : instance.solutionFor(PowerBalancing.balance(instance, prediction.power(), sweeps));
    }

    /**
     * The model shipped in this jar for seed 001's default setting (cell-free, K = 10, N = 4, M = 64,
     * gain features), copied once to a temporary directory because DJL loads parameters from files.
     */
    static LatencyModel pretrained() {
        return MODELS.computeIfAbsent(PRETRAINED, key -> {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("mecopt-pretrained");
                for (String file : PRETRAINED_FILES) {
                    try (java.io.InputStream in = CnnLstmSolver.class.getClassLoader().getResourceAsStream(PRETRAINED + file)) {
                        if (in == null) {
                            throw new InvalidInstanceException("parameter model", null,
                                    "is required: no pretrained model is bundled (train one with ./mecopt train latency)");
                        }
                        java.nio.file.Files.copy(in, dir.resolve(file));
                    }
                    dir.resolve(file).toFile().deleteOnExit();
                }
                dir.toFile().deleteOnExit();
                return LatencyModel.load(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
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
