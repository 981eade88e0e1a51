package org.mecopt.qoe;

import java.util.List;
import java.util.Locale;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;
import org.mecopt.numeric.sigmoidal.SigmoidalProgramming;

/**
 * {@code sigmoidal}: the global optimum within a certified relative gap, by
 * {@link SigmoidalProgramming} (branch and bound on concave envelopes, relaxations solved exactly
 * by bisection on the capacity price). The result's bound is the proven upper bound; iterations are
 * relaxations solved (nodes).
 *
 * <p>Gap: {@link SolverOptions#relativeGap()} as given; when it is not set, this solver's own
 * default, {@value #DEFAULT_GAP}. The parameter {@code symmetry=off} disables the ordering of
 * identical users (for comparisons only); {@code search=envelope|activation} runs one of the two
 * searches alone (default {@code auto}: envelope first, activation search after
 * {@value SigmoidalProgramming.Settings#ACTIVATION_AFTER_NODES} nodes; see docs/qoe.md). {@link SolverOptions#maxIterations()} caps the nodes
 * (default {@value #DEFAULT_MAX_NODES}).
 */
public final class SigmoidalSolver extends QoeSolver {

    /** The relative gap used when none is requested. */
    public static final double DEFAULT_GAP = 1e-4;
    /** The node cap when none is set. */
    public static final long DEFAULT_MAX_NODES = 1_000_000;

    static final SolverParameter<String> SYMMETRY = SolverParameter.choice("symmetry", "on", List.of("on", "off"),
            "order identical users to break symmetry (off: for comparisons only)");

    static final SolverParameter<String> SEARCH = SolverParameter.choice("search", "auto",
            List.of("auto", "envelope", "activation"),
            "auto: envelope branch and bound, handing over to the activation search (counts per class of similar "
                    + "users) when it does not close within a few nodes; envelope or activation alone: for comparisons");

    @Override
    public String name() {
        return "sigmoidal";
    }

    @Override
    public String guarantee() {
        return "global optimum within a certified relative gap (1e-4 by default), upper bound reported";
    }

    @Override
    public List<SolverParameter<?>> parameters() {
        return List.of(SYMMETRY, SEARCH);
    }

    static SigmoidalProgramming.Settings settings(SolveContext context) {
        long handOver = switch (context.value(SEARCH)) {
            case "envelope" -> -1;
            case "activation" -> 0;
            default -> SigmoidalProgramming.Settings.ACTIVATION_AFTER_NODES;
        };
        return new SigmoidalProgramming.Settings(context.relativeGap(DEFAULT_GAP),
                SigmoidalProgramming.Settings.DEFAULTS.absoluteGap(), context.boundedTimeLimitMillis(),
                context.maxIterations(DEFAULT_MAX_NODES), !"off".equals(context.value(SYMMETRY)), handOver);
    }

    @Override
    protected Outcome<QoeSolution> search(QoeInstance instance, SolveContext context) {
        SigmoidalProgramming.Settings settings = settings(context);
        SigmoidalProgramming.Certificate c = new SigmoidalProgramming(settings).solve(instance.program(), context.deadline());
        double[] x = c.x();
        double[] p = new double[instance.userCount()];
        if (x != null) {
            for (int u = 0; u < p.length; u++) {
                p[u] = x[u] * instance.capacityHz();
            }
        }
        String note = c.status() == Status.FEASIBLE || !Double.isFinite(c.upperBound()) ? c.message()
                : String.format(Locale.ROOT,
                "certified relative gap %.3g after %d nodes (requested %.3g)%s", c.relativeGap(), c.nodes(),
                settings.relativeGap(), c.message().isEmpty() ? "" : "; " + c.message());
        return claim(instance, p, c.status()).withBound(Double.isFinite(c.upperBound()) ? c.upperBound() : null)
                .withIterations(c.nodes()).withMessage(note);
    }
}
