package org.mecopt.numeric.sigmoidal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import org.ejml.data.DMatrixRMaj;
import org.mecopt.api.Deadline;
import org.mecopt.api.Status;
import org.mecopt.numeric.ConvexFunction;
import org.mecopt.numeric.ConvexProblem;
import org.mecopt.numeric.InteriorPointOptions;
import org.mecopt.numeric.InteriorPointResult;
import org.mecopt.numeric.InteriorPointSolver;
import org.mecopt.numeric.QuadraticFunction;

/**
 * Branch and bound for {@link LinearSigmoidalProgram} (general linear constraints), after Udell and
 * Boyd. On each box every {@code f_i} is replaced by its {@link ConcaveEnvelope}; the relaxation
 * {@code max Σ t_i s.t. t_i ≤ env_i(x_i), Ax ≤ b, box} is a smooth-enough convex program (each
 * envelope is C¹: linear up to the tangent point, f after it) solved by the toolkit's
 * {@link InteriorPointSolver}, whose duality gap makes {@code Σ t + gap} a proven upper bound. Where
 * SigmoidalProgramming.jl approximates the envelopes by cutting planes in an LP, we solve the exact
 * concave relaxation, so no cut error enters the bound. The relaxed point is feasible (interior
 * iterates are), so {@code Σ f(x)} is a lower bound. Branch on the largest envelope gap at
 * {@code min(x_j, w_j)}, best first, until the relative gap closes. No symmetry handling: for the
 * single capacity constraint use {@link SigmoidalProgramming}, which is much faster.
 */
public final class LinearSigmoidalProgramming {

    private static final double FIXED = 1e-12;

    private final SigmoidalProgramming.Settings settings;
    private final InteriorPointSolver ipm = new InteriorPointSolver(InteriorPointOptions.defaults()
            .withGapTolerance(1e-9).withFeasibilityTolerance(1e-9));

    public LinearSigmoidalProgramming(SigmoidalProgramming.Settings settings) {
        this.settings = settings;
    }

    public LinearSigmoidalProgramming() {
        this(SigmoidalProgramming.Settings.DEFAULTS);
    }

    private record Node(double[] lower, double[] upper, double[] x, double bound) {
    }

    /** Solves the program; never throws for a valid program. Not thread-safe (one solver per thread). */
    public SigmoidalProgramming.Certificate solve(LinearSigmoidalProgram program) {
        Deadline deadline = Deadline.in(settings.timeLimitMillis(), System::nanoTime); // saturating
        int n = program.size();
        Sigmoid[] f = program.functions().toArray(new Sigmoid[0]);
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = f[i].inflectionPoint(program.lower()[i], program.upper()[i]);
        }
        Node root = relax(program, f, z, program.lower(), program.upper());
        long nodes = 1;
        if (root == null) {
            return new SigmoidalProgramming.Certificate(null, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, nodes,
                    Status.INFEASIBLE, "no point satisfies A x ≤ b within the bounds");
        }
        double[] best = root.x();
        double lower = program.value(best);
        if (!Double.isFinite(lower)) {
            return new SigmoidalProgramming.Certificate(best, lower, root.bound(), nodes, Status.NUMERICAL_ERROR,
                    "the root relaxation is not finite");
        }
        double closed = Double.NEGATIVE_INFINITY;
        PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> Double.compare(b.bound(), a.bound()));
        open.add(root);
        Status status = Status.OPTIMAL;
        String message = "";
        while (!open.isEmpty() && !closes(open.peek().bound(), lower)) {
            if (nodes >= settings.maxNodes() || deadline.passed()) {
                status = Status.LIMIT_REACHED;
                message = nodes >= settings.maxNodes() ? "node limit " + settings.maxNodes() + " reached"
                        : "time limit of " + settings.timeLimitMillis() + " ms reached";
                break;
            }
            Node top = open.poll();
            int j = -1;
            double widest = 0;
            double split = 0;
            for (int i = 0; i < n; i++) {
                if (top.upper()[i] - top.lower()[i] <= FIXED) {
                    continue;
                }
                ConcaveEnvelope env = ConcaveEnvelope.of(f[i], top.lower()[i], top.upper()[i],
                        clip(z[i], top.lower()[i], top.upper()[i]));
                double gap = env.value(f[i], top.x()[i]) - f[i].value(top.x()[i]);
                if (gap > widest) {
                    widest = gap;
                    j = i;
                    split = Math.min(top.x()[i], env.w());
                }
            }
            if (j < 0) { // the relaxed point is exact on this box
                closed = Math.max(closed, top.bound());
                continue;
            }
            for (int side = 0; side < 2; side++) {
                double[] lo = top.lower().clone();
                double[] hi = top.upper().clone();
                if (side == 0) {
                    hi[j] = split;
                } else {
                    lo[j] = split;
                }
                Node child = relax(program, f, z, lo, hi);
                nodes++;
                if (child == null) {
                    continue;
                }
                double candidate = program.value(child.x());
                if (candidate > lower) {
                    lower = candidate;
                    best = child.x();
                }
                double bound = Math.min(top.bound(), Math.max(child.bound(), candidate));
                if (closes(bound, lower)) {
                    closed = Math.max(closed, bound);
                } else {
                    open.add(new Node(lo, hi, child.x(), bound));
                }
            }
        }
        double upper = Math.max(lower, closed);
        if (!open.isEmpty()) {
            upper = Math.max(upper, open.peek().bound());
        }
        if (status == Status.OPTIMAL && !closes(upper, lower)) {
            // a box closed as exact whose relaxation the interior-point method did not certify
            // leaves its bound unproven: the point is feasible, its optimality is not shown
            status = Status.FEASIBLE;
            message = "a relaxation was not solved to optimality: the upper bound " + upper + " is not proven";
        }
        return new SigmoidalProgramming.Certificate(best, lower, upper, nodes, status, message);
    }

    private boolean closes(double bound, double lower) {
        if (bound == Double.POSITIVE_INFINITY) {
            return false; // an uncertified relaxation proves nothing (the relative gap of ∞ would pass)
        }
        double diff = bound - lower;
        return diff <= Math.max(settings.absoluteGap(), settings.relativeGap() * Math.max(Math.abs(bound), Math.abs(lower)));
    }

    /**
     * The concave relaxation on the box {@code [lo, hi]}: a node with the relaxed (feasible) point
     * and a proven upper bound, or null when the box holds no feasible point.
     */
    private Node relax(LinearSigmoidalProgram program, Sigmoid[] f, double[] z, double[] lo, double[] hi) {
        int n = f.length;
        int[] free = java.util.stream.IntStream.range(0, n).filter(i -> hi[i] - lo[i] > FIXED).toArray();
        int m = free.length;
        double fixedValue = 0;
        for (int i = 0; i < n; i++) {
            if (hi[i] - lo[i] <= FIXED) {
                fixedValue += f[i].value(lo[i]);
            }
        }
        double[][] a = program.a();
        double[] b = program.b();
        List<double[]> rows = new ArrayList<>();
        List<Double> rhs = new ArrayList<>();
        for (int r = 0; r < a.length; r++) {
            double right = b[r];
            double[] row = new double[2 * m];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (hi[i] - lo[i] <= FIXED) {
                    right -= a[r][i] * lo[i];
                }
            }
            for (int q = 0; q < m; q++) {
                row[q] = a[r][free[q]];
                any |= row[q] != 0;
            }
            if (any) {
                rows.add(row);
                rhs.add(right);
            } else if (right < -1e-9 * Math.max(1, Math.abs(b[r]))) {
                return null; // fixed variables alone break this row
            }
        }
        double[] x = lo.clone();
        if (m == 0) {
            return program.maxViolation(x) <= 1e-9 ? new Node(lo, hi, x, fixedValue) : null;
        }
        double[] objective = new double[2 * m];
        double[] lower = new double[2 * m];
        double[] upper = new double[2 * m];
        for (int q = 0; q < m; q++) {
            objective[m + q] = -1;
            lower[q] = lo[free[q]];
            upper[q] = hi[free[q]];
            lower[m + q] = Double.NEGATIVE_INFINITY;
            upper[m + q] = Double.POSITIVE_INFINITY;
        }
        ConvexProblem.Builder builder = ConvexProblem.builder(2 * m).minimize(QuadraticFunction.linear(objective, 0))
                .bounds(lower, upper);
        for (int r = 0; r < rows.size(); r++) {
            builder.linearInequality(rows.get(r), rhs.get(r));
        }
        for (int q = 0; q < m; q++) {
            int i = free[q];
            builder.subjectTo(new Hypograph(f[i], ConcaveEnvelope.of(f[i], lo[i], hi[i], clip(z[i], lo[i], hi[i])), q, m + q));
        }
        InteriorPointResult r = ipm.solve(builder.build());
        if (r.status() == Status.INFEASIBLE) {
            return null;
        }
        for (int q = 0; q < m; q++) {
            x[free[q]] = clip(r.x()[q], lo[free[q]], hi[free[q]]);
        }
        boolean certified = r.status() == Status.OPTIMAL;
        double bound = certified ? fixedValue - r.objective() + r.gap() : Double.POSITIVE_INFINITY;
        if (program.maxViolation(x) > 1e-9) {
            return certified ? new Node(lo, hi, lo.clone(), bound) : null;
        }
        return new Node(lo, hi, x, bound);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** {@code t − env(x) ≤ 0} in the variables (x at {@code xi}, t at {@code ti}): convex, C¹. */
    private static final class Hypograph implements ConvexFunction {
        private final Sigmoid f;
        private final ConcaveEnvelope env;
        private final int xi;
        private final int ti;

        Hypograph(Sigmoid f, ConcaveEnvelope env, int xi, int ti) {
            this.f = f;
            this.env = env;
            this.xi = xi;
            this.ti = ti;
        }

        @Override
        public double value(double[] x) {
            return x[ti] - env.value(f, x[xi]);
        }

        @Override
        public void gradient(double[] x, double[] gradient) {
            Arrays.fill(gradient, 0);
            gradient[xi] = -(x[xi] <= env.w() ? env.slope() : f.derivative(x[xi]));
            gradient[ti] = 1;
        }

        @Override
        public void addHessian(double[] x, double scale, DMatrixRMaj hessian) {
            if (x[xi] > env.w()) {
                // f is concave right of the tangent point; the clamp guards rounding at w
                hessian.add(xi, xi, scale * Math.max(0, -f.secondDerivative(x[xi])));
            }
        }
    }
}
