package org.mecopt.models.learning;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Outcome;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemSolver;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;

/**
 * A solver that is a trained model: it loads the model directory named by the solver parameter
 * {@value #MODEL_PARAMETER} (or the model bundled in the jar for the default setting), predicts,
 * repairs or improves the prediction if the subclass says how, and claims a feasible point that the
 * solve template then checks. An instance of another shape than the model's is UNSUPPORTED. A
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

    private final SolverParameter<String> modelParameter;
    private final Loader<I, S> loader;
    private final List<Bundle> bundles;
    /** The model every solve uses, or null to read parameter {@value #MODEL_PARAMETER}. */
    private final Predictor<I, S> fixed;

    /**
     * @param fixed a loaded model every solve uses (to time inference on a model at hand), or null
     *     for the registered solver, which reads parameter {@value #MODEL_PARAMETER}
     */
    protected LearnedSolver(String problemName, Class<I> problemType, Loader<I, S> loader, Bundle bundle,
                            String trainCommand, Predictor<I, S> fixed) {
        this(problemName, problemType, loader, List.of(bundle), trainCommand, fixed);
    }

    /**
     * @param bundles the models shipped in the jar; without parameter {@value #MODEL_PARAMETER} an
     *     instance is answered by the first that fits it
     */
    protected LearnedSolver(String problemName, Class<I> problemType, Loader<I, S> loader, List<Bundle> bundles,
                            String trainCommand, Predictor<I, S> fixed) {
        super(problemName, problemType);
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("a learned solver ships at least one model");
        }
        this.loader = loader;
        this.bundles = List.copyOf(bundles);
        this.fixed = fixed;
        this.modelParameter = SolverParameter.text(MODEL_PARAMETER, "model directory written by `" + trainCommand
                + "` (default: the bundled model that fits the instance's size)");
    }

    @Override
    public final List<SolverParameter<?>> parameters() {
        List<SolverParameter<?>> all = new ArrayList<>();
        all.add(modelParameter);
        all.addAll(repairParameters());
        return List.copyOf(all);
    }

    /** The parameters of {@link #repair}, if any. */
    protected List<SolverParameter<?>> repairParameters() {
        return List.of();
    }

    @Override
    protected final Outcome<S> search(I instance, SolveContext context) {
        String dir = context.value(modelParameter);
        boolean isBundled = fixed == null && (dir == null || dir.isBlank());
        Predictor<I, S> model;
        if (isBundled) {
            model = null;
            List<String> covered = new ArrayList<>();
            for (Bundle b : bundles) { // loaded one at a time: the first that fits answers
                Predictor<I, S> shipped = bundled(b);
                if (fits(shipped, instance)) {
                    model = shipped;
                    break;
                }
                covered.add(shipped.covers());
            }
            context.setupDone(); // solveTimeMillis is the inference, not the one-time load
            if (model == null) {
                return Outcome.unsupported("parameter " + MODEL_PARAMETER + " is required for this instance: the bundled "
                        + (covered.size() == 1 ? "model covers " : "models cover ") + String.join("; ", covered)
                        + " only");
            }
        } else {
            model = fixed != null ? fixed : model(Path.of(dir));
            context.setupDone();
            try {
                model.checkFits(instance);
            } catch (InvalidInstanceException e) {
                return Outcome.unsupported(e.getMessage());
            }
        }
        S solution = repair(instance, model.predict(instance), context);
        return Outcome.of(Status.FEASIBLE, solution).withBound(bound(instance));
    }

    /** What follows the network (e.g. a local improvement); the prediction as it is by default. */
    protected S repair(I instance, S prediction, SolveContext context) {
        return prediction;
    }

    /** A bound on the optimum to report beside the answer, or null. */
    protected Double bound(I instance) {
        return null;
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
        try {
            return (Predictor<I, S>) MODELS.computeIfAbsent(d + "@" + written, key -> load(d));
        } catch (UncheckedIOException e) { // a user's directory that cannot be read is their input, not our failure
            throw new InvalidInstanceException("parameter " + MODEL_PARAMETER, dir, "cannot be read: "
                    + e.getCause().getMessage());
        }
    }

    private static <I extends Problem<S>, S> boolean fits(Predictor<I, S> model, I instance) {
        try {
            model.checkFits(instance);
            return true;
        } catch (InvalidInstanceException e) {
            return false;
        }
    }

    /** The (first) model bundled in the jar. */
    public Predictor<I, S> bundled() {
        return bundled(bundles.get(0));
    }

    /** The model of {@code bundle}, loaded once. */
    @SuppressWarnings("unchecked")
    public Predictor<I, S> bundled(Bundle bundle) {
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
