package org.mecopt.qoe;

import java.util.Locale;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * {@code sigmoidal}: the global optimum within a certified relative gap, by
 * {@link SigmoidalProgramming} (branch and bound on concave envelopes, relaxations solved exactly
 * by bisection on the capacity price). The result's bound is the proven upper bound; iterations are
 * relaxations solved (nodes).
 *
 * <p>Gap: the toolkit-wide default {@code relativeGap} of {@link SolverOptions#DEFAULTS} (1e-9) is
 * read as "not set", and this solver's own default, 1e-4, is used; any other value is used as given.
 * To ask for exactly 1e-9, pass the parameter {@code gap=1e-9} (it always wins). The parameter
 * {@code symmetry=off} disables the ordering of identical users (for comparisons only).
 * {@link SolverOptions#maxIterations()} caps the nodes.
 */
public final class SigmoidalSolver extends QoeSolver {

    /** The relative gap used when none is requested. */
    public static final double DEFAULT_GAP = 1e-4;

    @Override
    public String name() {
        return "sigmoidal";
    }

    @Override
    public String guarantee() {
        return "global optimum within a certified relative gap (1e-4 by default), upper bound reported";
    }

    /** The relative gap this solver uses for {@code options} (see the class comment). */
    public static double gap(SolverOptions options) {
        String p = options.parameter("gap");
        if (p != null) {
            double g;
            try {
                g = Double.parseDouble(p);
            } catch (NumberFormatException e) {
                throw new InvalidInstanceException("gap", p, "must be a number");
            }
            if (!(g >= 0) || !Double.isFinite(g)) {
                throw new InvalidInstanceException("gap", p, "must be >= 0 and finite");
            }
            return g;
        }
        return options.relativeGap() == SolverOptions.DEFAULTS.relativeGap() ? DEFAULT_GAP : options.relativeGap();
    }

    static SigmoidalProgramming.Settings settings(SolverOptions options) {
        String symmetry = options.parameter("symmetry");
        if (symmetry != null && !symmetry.equals("on") && !symmetry.equals("off")) {
            throw new InvalidInstanceException("symmetry", symmetry, "must be on or off");
        }
        return new SigmoidalProgramming.Settings(gap(options), SigmoidalProgramming.Settings.DEFAULTS.absoluteGap(),
                options.timeLimitMillis(), options.maxIterations(), !"off".equals(symmetry));
    }

    @Override
    public Result<QoeSolution> solve(QoeInstance instance, SolverOptions options) {
        long start = System.nanoTime();
        SigmoidalProgramming.Settings settings = settings(options);
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming(settings).solve(instance.program());
        double[] x = c.x();
        double[] p = new double[instance.userCount()];
        if (x != null) {
            for (int u = 0; u < p.length; u++) {
                p[u] = x[u] * instance.capacityHz();
            }
        }
        String note = String.format(Locale.ROOT, "certified relative gap %.3g after %d nodes (requested %.3g)%s",
                c.relativeGap(), c.nodes(), settings.relativeGap(), c.message().isEmpty() ? "" : "; " + c.message());
        return finish(instance, p, c.status(), Double.isFinite(c.upperBound()) ? c.upperBound() : null, c.nodes(),
                start, note);
    }
}
