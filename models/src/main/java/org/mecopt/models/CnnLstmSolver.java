package org.mecopt.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Outcome;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
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
 * (a model retrained into the same directory is loaded afresh). An instance of another shape than
 * the model's (K, N, M) is UNSUPPORTED.
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

    static final SolverParameter<String> MODEL = SolverParameter.text(MODEL_PARAMETER,
            "model directory written by `mecopt train latency` (default: the bundled K=10 N=4 M=64 model)");
    static final SolverParameter<Integer> BALANCE = SolverParameter.integer(BALANCE_PARAMETER, DEFAULT_BALANCE_SWEEPS,
            0, Integer.MAX_VALUE, "sweeps of power balancing after the network (0: the network's output as it is)");

    /** The model every solve uses, or null to read parameter {@code model}. */
    private final LatencyModel fixed;

    public CnnLstmSolver() {
        this(null);
    }

    private CnnLstmSolver(LatencyModel fixed) {
        super("latency", LatencyInstance.class);
        this.fixed = fixed;
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
    public List<SolverParameter<?>> parameters() {
        return List.of(MODEL, BALANCE);
    }

    @Override
    protected Outcome<LatencySolution> search(LatencyInstance instance, SolveContext context) {
        String dir = context.value(MODEL);
        boolean bundled = fixed == null && (dir == null || dir.isBlank());
        LatencyModel model = fixed != null ? fixed : bundled ? pretrained() : model(Path.of(dir));
        context.setupDone(); // solveTimeMillis is the inference, not the one-time load
        try {
            model.checkShape(instance);
        } catch (InvalidInstanceException e) {
            return Outcome.unsupported(bundled ? "parameter model is required for this instance: the bundled model covers K="
                    + model.architecture().users() + ", N=" + model.architecture().subcarriers() + " only ("
                    + e.getMessage() + ")" : e.getMessage());
        }
        LatencySolution solution = balanced(instance, model.solve(instance), context.value(BALANCE));
        return Outcome.of(Status.FEASIBLE, solution).withBound(InterferenceFreeBound.lowerBound(instance));
    }

    /**
     * The solver's answer with a loaded model: the prediction, balanced, checked, with the
     * interference-free lower bound (for timing the inference alone).
     */
    static Result<LatencySolution> solveWith(LatencyModel model, LatencyInstance instance, int balanceSweeps) {
        return new CnnLstmSolver(model).solve(instance,
                SolverOptions.defaults().withParameter(BALANCE_PARAMETER, Integer.toString(balanceSweeps)));
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
