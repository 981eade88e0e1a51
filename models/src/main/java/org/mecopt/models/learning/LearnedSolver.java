package org.mecopt.models.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * A solver that is a trained model: it loads the model directory named by the solver parameter
 * {@value #MODEL_PARAMETER} (or the model bundled in the jar for the default setting), predicts,
 * repairs or improves the prediction if the subclass says how, and returns the checked result. A
 * learned method registers as a subclass stating its name, guarantee, loader and bundle.
 *
 * <p>Loaded models are cached by their absolute path and the time their manifest was written, for
 * the life of the JVM (a model retrained into the same directory is loaded afresh).
 */
public abstract class LearnedSolver<I extends Problem<S>, S> extends ProblemSolver<I, S> {
    public static final String MODEL_PARAMETER = "model";

    private static final ConcurrentHashMap<String, Predictor<?, ?>> MODELS = new ConcurrentHashMap<>();

    /** A model directory's loader. */
    public interface Loader<I extends Problem<S>, S> {
        Predictor<I, S> load(Path dir) throws IOException;
    }

    /**
     * A model shipped in the jar: its classpath folder (ending in {@code /}) and its files, copied to
     * a temporary directory on first use because DJL loads parameters from files.
     */
    public record Bundle(String folder, List<String> files) {
    }

    private final Loader<I, S> loader;
    private final Bundle bundle;

    protected LearnedSolver(String problemName, Class<I> problemType, Loader<I, S> loader, Bundle bundle) {
        super(problemName, problemType);
        this.loader = loader;
        this.bundle = bundle;
    }

    @Override
    public Result<S> solve(I instance, SolverOptions options) {
        return solveWith(model(instance, options), instance, options);
    }

    /**
     * The answer of a loaded model: the prediction, repaired, checked. Timed from here, so the solve
     * time is the inference, not the one-time load.
     */
    public Result<S> solveWith(Predictor<I, S> model, I instance, SolverOptions options) {
        long start = System.nanoTime();
        S solution = repair(instance, model.predict(instance), options);
        return Result.checked(instance, name(), Status.FEASIBLE, solution, bound(instance), 1, start, "");
    }

    /** What follows the network (e.g. a local improvement); the prediction as it is by default. */
    protected S repair(I instance, S prediction, SolverOptions options) {
        return prediction;
    }

    /** A bound on the optimum to report beside the answer, or null. */
    protected Double bound(I instance) {
        return null;
    }

    /** The model the options name, or the bundled one if it fits the instance. */
    public Predictor<I, S> model(I instance, SolverOptions options) {
        String dir = options.parameter(MODEL_PARAMETER);
        if (dir != null && !dir.isBlank()) {
            return model(Path.of(dir));
        }
        Predictor<I, S> model = bundled();
        try {
            model.checkFits(instance);
        } catch (InvalidInstanceException e) {
            throw new InvalidInstanceException("parameter " + MODEL_PARAMETER, null, "is required for this instance: "
                    + "the bundled model covers " + model.covers() + " only (" + e.getMessage() + ")");
        }
        return model;
    }

    /** The model in {@code dir}, loaded once per version of its manifest. */
    @SuppressWarnings("unchecked")
    public Predictor<I, S> model(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        String written;
        try {
            written = Files.getLastModifiedTime(d.resolve(ModelManifest.FILE)).toString();
        } catch (IOException e) {
            throw new InvalidInstanceException("parameter " + MODEL_PARAMETER, dir, "is not a model directory (no "
                    + ModelManifest.FILE + ")");
        }
        return (Predictor<I, S>) MODELS.computeIfAbsent(d + "@" + written, key -> load(d));
    }

    /** The model bundled in the jar. */
    @SuppressWarnings("unchecked")
    public Predictor<I, S> bundled() {
        return (Predictor<I, S>) MODELS.computeIfAbsent("classpath:" + bundle.folder(), key -> {
            try {
                Path dir = Files.createTempDirectory("mecopt-pretrained");
                dir.toFile().deleteOnExit();
                for (String file : bundle.files()) {
                    try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle.folder() + file)) {
                        if (in == null) {
                            throw new InvalidInstanceException("parameter " + MODEL_PARAMETER, null,
                                    "is required: no pretrained model is bundled for " + name());
                        }
                        Files.copy(in, dir.resolve(file));
                    }
                    dir.resolve(file).toFile().deleteOnExit();
                }
                return load(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private Predictor<I, S> load(Path dir) {
        try {
            return loader.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
