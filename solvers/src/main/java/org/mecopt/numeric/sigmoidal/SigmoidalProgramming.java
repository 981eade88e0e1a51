package org.mecopt.numeric.sigmoidal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.mecopt.api.Deadline;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Status;

/**
 * Branch and bound for {@link SigmoidalProgram}s (Udell and Boyd, "Maximizing a sum of sigmoids";
 * the reference implementation is SigmoidalProgramming.jl).
 *
 * <ul>
 *   <li>Bound: on each node's box every {@code f_i} is replaced by its {@link ConcaveEnvelope}; the
 *       separable concave relaxation with one capacity constraint is solved exactly by bisection on
 *       the capacity price ({@link CapacityRelaxation}), no LP. Its dual value is the node's upper
 *       bound; {@code Σ f(x)} at its (feasible) relaxed point is a candidate incumbent.</li>
 *   <li>Branch on the variable with the largest envelope gap {@code g_i(x_i) − f_i(x_i)}, splitting
 *       its box at {@code min(x_i, w_i)} (= x_i, since the gap is positive only left of the tangent
 *       point w_i). Best first: the open node with the largest bound is expanded next.</li>
 *   <li>Symmetry: variables with equal functions (by {@code equals}) and equal boxes form a group,
 *       and only ordered solutions {@code x_a ≥ x_b} (a before b in the group) are searched, which
 *       loses no optimum because the capacity constraint is symmetric. Branching {@code x_j ≤ r}
 *       then also caps every later member at r, and {@code x_j ≥ r} lifts every earlier member to
 *       r. Without this, n = 20 identical users do not close in a minute (every branch is undone by
 *       another identical user taking the slack); with it they close in about five nodes
 *       (docs/qoe.md). Near-identical users are not grouped: the ordering is only valid for equal
 *       functions; the hand-over below is what closes them.</li>
 *   <li>Incumbent: besides {@code Σ f} at every relaxed point, each expanded node is polished: the
 *       variables on f keep the concave part of their box, the partial one is dropped (or kept on
 *       its concave side), and the capacity is re-split optimally among them, a concave problem
 *       the same relaxation solves exactly. This is what closes most random instances at the root
 *       (the relaxation bound is usually tight; the relaxed point's own value is not). Polish
 *       solves count as nodes.</li>
 *   <li>Stop when {@code UB − LB ≤ relativeGap · max(|LB|, |UB|)}, or when both bounds are within
 *       {@code absoluteGap · span} of 0 (an optimum of 0, where no relative gap can close); UB is
 *       the largest bound of any node not yet closed (open or pruned), so the certificate is honest.
 *       {@code span = Σ_i (f_i(u_i) − f_i(l_i))} is the range of the objective over the box, so the
 *       floor scales with the problem: an absolute 1e-9 certified a gap of 0.79 on a program whose
 *       values are all ~1e-12. OPTIMAL is claimed only when the final UB and LB meet this test: a
 *       node whose relaxed point is exact is closed at its dual value, which in double precision
 *       (workloads of 1e-300, slopes of 1e111) can stay far above it; then the result is FEASIBLE.</li>
 *   <li>Hand-over: when the search has not closed after {@link Settings#activationAfterNodes()}
 *       nodes (20 by default), the {@link ActivationSearch} takes over with the incumbent: it branches
 *       on how many of each class of similar variables are on the concave side, so near-identical
 *       variables (which this search cannot order) no longer multiply the tree. Both searches' bounds
 *       are valid for the whole program; the smaller one is reported. Random QoE instances close
 *       here in ≤ 3 nodes and never reach it.</li>
 *   <li>Check: the bound must not be beaten by the proportional point {@code x_i = l_i + θ(u_i − l_i)}
 *       (θ spends the capacity). When it is, the envelopes or the relaxation broke down in double
 *       precision (steepness ~1e18, workloads that underflow to 0 make f a step), and the result
 *       is FEASIBLE with the better of the two points and no bound: never a false certificate.</li>
 * </ul>
 *
 * <p>The relative gap {@code (UB − LB) / max(|LB|, |UB|)} is defined for bounds of any sign (0 when
 * both are 0); the scaled absolute gap covers problems whose optimum is 0. Infeasible boxes
 * ({@code Σ l > C}) are pruned, and an infeasible root returns {@link Status#INFEASIBLE}. A
 * non-finite function value returns {@link Status#NUMERICAL_ERROR}.
 *
 * <p>Not thread-safe per call state, but the class itself holds only settings: one instance may
 * solve many programs concurrently.
 */
public final class SigmoidalProgramming {

    /**
     * @param relativeGap stop when {@code UB − LB ≤ relativeGap · max(|LB|, |UB|)}
     * @param absoluteGap ... or when both |UB| and |LB| are at most {@code absoluteGap · Σ_i (f_i(u_i) −
     *     f_i(l_i))} (a share of the objective's range over the box, for optima of 0)
     * @param timeLimitMillis wall-clock budget
     * @param maxNodes relaxations solved at most
     * @param symmetryBreaking order identical variables (see the class comment)
     * @param activationAfterNodes envelope nodes after which an open search hands over to the
     *     activation search (see the class comment); 0 from the root, negative never
     */
    public record Settings(double relativeGap, double absoluteGap, long timeLimitMillis, long maxNodes,
                           boolean symmetryBreaking, long activationAfterNodes) {

        /** Envelope nodes before the activation search takes over, by default. */
        public static final long ACTIVATION_AFTER_NODES = 20;

        public static final Settings DEFAULTS = new Settings(1e-4, 1e-9, 60_000, 1_000_000, true);

        /** The default hand-over to the activation search ({@link #ACTIVATION_AFTER_NODES}). */
        public Settings(double relativeGap, double absoluteGap, long timeLimitMillis, long maxNodes,
                        boolean symmetryBreaking) {
            this(relativeGap, absoluteGap, timeLimitMillis, maxNodes, symmetryBreaking, ACTIVATION_AFTER_NODES);
        }

        public Settings {
            if (!(relativeGap >= 0) || !Double.isFinite(relativeGap)) {
                throw new InvalidInstanceException("relativeGap", relativeGap, "must be >= 0 and finite");
            }
            if (!(absoluteGap >= 0) || !Double.isFinite(absoluteGap)) {
                throw new InvalidInstanceException("absoluteGap", absoluteGap, "must be >= 0 and finite");
            }
            if (timeLimitMillis <= 0) {
                throw new InvalidInstanceException("timeLimitMillis", timeLimitMillis, "must be > 0");
            }
            if (maxNodes <= 0) {
                throw new InvalidInstanceException("maxNodes", maxNodes, "must be > 0");
            }
        }

        public Settings withRelativeGap(double gap) {
            return new Settings(gap, absoluteGap, timeLimitMillis, maxNodes, symmetryBreaking, activationAfterNodes);
        }

        public Settings withTimeLimitMillis(long millis) {
            return new Settings(relativeGap, absoluteGap, millis, maxNodes, symmetryBreaking, activationAfterNodes);
        }

        public Settings withMaxNodes(long nodes) {
            return new Settings(relativeGap, absoluteGap, timeLimitMillis, nodes, symmetryBreaking, activationAfterNodes);
        }

        public Settings withSymmetryBreaking(boolean on) {
            return new Settings(relativeGap, absoluteGap, timeLimitMillis, maxNodes, on, activationAfterNodes);
        }

        /**
         * @param nodes envelope nodes after which the activation search takes over (0: from the root;
         *     negative: never, the plain envelope branch and bound)
         */
        public Settings withActivationAfterNodes(long nodes) {
            return new Settings(relativeGap, absoluteGap, timeLimitMillis, maxNodes, symmetryBreaking, nodes);
        }
    }

    /**
     * What the search proved.
     *
     * @param x the incumbent (feasible: {@code Σ x ≤ C}, inside the bounds); null when INFEASIBLE
     * @param value {@code Σ f(x)}, the lower bound
     * @param upperBound a proven upper bound on the optimum
     * @param nodes relaxations solved
     * @param status OPTIMAL (gap closed), LIMIT_REACHED, INFEASIBLE, NUMERICAL_ERROR, or FEASIBLE
     *     when the gap could not be closed (upperBound still valid) or the bound was found invalid
     *     (upperBound is then NaN)
     * @param message why the search stopped, when not OPTIMAL
     */
    public record Certificate(double[] x, double value, double upperBound, long nodes, Status status,
                              String message) {

        /** {@code (UB − LB) / max(|LB|, |UB|)}, 0 when the bounds meet (also when both are 0). */
        public double relativeGap() {
            double diff = upperBound - value;
            if (!(diff > 0)) {
                return 0;
            }
            return diff / Math.max(Math.abs(value), Math.abs(upperBound));
        }

        @Override
        public double[] x() {
            return x == null ? null : x.clone();
        }
    }

    private final Settings settings;

    public SigmoidalProgramming(Settings settings) {
        this.settings = settings;
    }

    public SigmoidalProgramming() {
        this(Settings.DEFAULTS);
    }

    public Settings settings() {
        return settings;
    }

    private static final class Node {
        final ConcaveEnvelope[] env;
        final double[] x;
        final double bound;
        final double price;

        Node(ConcaveEnvelope[] env, double[] x, double bound, double price) {
            this.env = env;
            this.x = x;
            this.bound = bound;
            this.price = price;
        }
    }

    private record GroupKey(Sigmoid f, double l, double u) {
    }

    /** Solves {@code program} within the settings' time limit; never throws for a valid program. */
    public Certificate solve(SigmoidalProgram program) {
        return solve(program, Deadline.in(settings.timeLimitMillis(), System::nanoTime));
    }

    /**
     * Solves {@code program}, stopping with LIMIT_REACHED at {@code deadline} (looked at before every
     * node expansion, so it overruns by one expansion: four relaxations) or at the settings' own
     * time limit, whichever comes first; never throws for a valid program.
     */
    public Certificate solve(SigmoidalProgram program, Deadline deadline) {
        Deadline own = Deadline.in(settings.timeLimitMillis(), System::nanoTime);
        int n = program.size();
        Sigmoid[] f = program.functions().toArray(new Sigmoid[0]);
        double[] l0 = program.lower();
        double[] u0 = program.upper();
        double capacity = program.capacity();
        double[] z = new double[n];
        ConcaveEnvelope[] rootEnv = new ConcaveEnvelope[n];
        for (int i = 0; i < n; i++) {
            z[i] = f[i].inflectionPoint(l0[i], u0[i]);
            rootEnv[i] = ConcaveEnvelope.of(f[i], l0[i], u0[i], z[i]);
            if (!Double.isFinite(rootEnv[i].fl()) || !Double.isFinite(rootEnv[i].slope())
                    || !Double.isFinite(f[i].value(u0[i]))) {
                return new Certificate(l0, Double.NaN, Double.NaN, 0, Status.NUMERICAL_ERROR,
                        "f[" + i + "] is not finite on its box");
            }
        }
        // Groups of interchangeable variables: next[i] / prev[i] link the members in index order.
        int[] next = new int[n];
        int[] prev = new int[n];
        java.util.Arrays.fill(next, -1);
        java.util.Arrays.fill(prev, -1);
        if (settings.symmetryBreaking()) {
            Map<GroupKey, Integer> last = new HashMap<>();
            for (int i = 0; i < n; i++) {
                Integer p = last.put(new GroupKey(f[i], l0[i], u0[i]), i);
                if (p != null) {
                    next[p] = i;
                    prev[i] = p;
                }
            }
        }
        double span = 0;
        for (int i = 0; i < n; i++) {
            span += f[i].value(u0[i]) - f[i].value(l0[i]);
        }
        double absoluteGap = settings.absoluteGap() * span;
        CapacityRelaxation relaxation = new CapacityRelaxation(f, capacity, 0.01 * settings.relativeGap(),
                0.01 * absoluteGap);
        CapacityRelaxation.Solution root = relaxation.solve(rootEnv, 0);
        if (root == null) {
            double sumLower = 0;
            for (double v : l0) {
                sumLower += v;
            }
            return new Certificate(null, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, 1, Status.INFEASIBLE,
                    "the lower bounds sum to " + sumLower + " > capacity " + capacity);
        }
        long nodes = 1;
        double[] best = root.x();
        double lower = program.value(best);
        if (!Double.isFinite(lower) || !Double.isFinite(root.upperBound())) {
            return new Certificate(best, lower, root.upperBound(), nodes, Status.NUMERICAL_ERROR,
                    "the root relaxation is not finite");
        }
        double closedBound = Double.NEGATIVE_INFINITY; // largest bound of a pruned node
        PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> Double.compare(b.bound, a.bound));
        open.add(new Node(rootEnv, root.x(), Math.max(root.upperBound(), lower), root.price()));
        Status status = Status.OPTIMAL;
        String message = "";
        boolean handOver = false;
        long envelopeLimit = settings.activationAfterNodes() < 0 ? Long.MAX_VALUE : settings.activationAfterNodes();
        while (!open.isEmpty()) {
            Node top = open.peek();
            if (closes(top.bound, lower, absoluteGap)) {
                break;
            }
            if (nodes >= envelopeLimit && nodes < settings.maxNodes()) {
                handOver = true;
                break;
            }
            if (nodes >= settings.maxNodes()) {
                status = Status.LIMIT_REACHED;
                message = "node limit " + settings.maxNodes() + " reached";
                break;
            }
            if (deadline.passed() || own.passed()) {
                status = Status.LIMIT_REACHED;
                message = "time limit reached";
                break;
            }
            open.poll();
            int j = -1;
            double widest = 0;
            for (int i = 0; i < n; i++) {
                double gap = top.env[i].value(f[i], top.x[i]) - f[i].value(top.x[i]);
                if (gap > widest) {
                    widest = gap;
                    j = i;
                }
            }
            if (j < 0) {
                // the relaxed point is exact: this box holds nothing better than its own value
                closedBound = Math.max(closedBound, top.bound);
                continue;
            }
            // Primal polish: keep the served set, drop or keep the partial variable j, and split the
            // capacity optimally among the served (a concave problem, solved by the same relaxation).
            for (int variant = 0; variant < 2; variant++) {
                double[] x = polish(f, z, top, j, variant == 1, relaxation);
                nodes++;
                if (x != null) {
                    double candidate = program.value(x);
                    if (candidate > lower) {
                        lower = candidate;
                        best = x;
                    }
                }
            }
            if (closes(top.bound, lower, absoluteGap)) {
                closedBound = Math.max(closedBound, top.bound);
                continue;
            }
            double r = Math.min(top.x[j], top.env[j].w());
            for (int side = 0; side < 2; side++) {
                ConcaveEnvelope[] env = top.env.clone();
                if (side == 0) {
                    for (int k = j; k >= 0; k = next[k]) { // x_k ≤ x_j ≤ r for later members
                        if (env[k].u() > r) {
                            env[k] = ConcaveEnvelope.of(f[k], env[k].l(), Math.max(env[k].l(), r),
                                    clip(z[k], env[k].l(), Math.max(env[k].l(), r)));
                        }
                    }
                } else {
                    for (int k = j; k >= 0; k = prev[k]) { // x_k ≥ x_j ≥ r for earlier members
                        if (env[k].l() < r) {
                            double lo = Math.min(env[k].u(), r);
                            env[k] = ConcaveEnvelope.of(f[k], lo, env[k].u(), clip(z[k], lo, env[k].u()));
                        }
                    }
                }
                CapacityRelaxation.Solution s = relaxation.solve(env, top.price);
                nodes++;
                if (s == null) {
                    continue;
                }
                double candidate = program.value(s.x());
                if (candidate > lower) {
                    lower = candidate;
                    best = s.x();
                }
                double bound = Math.min(top.bound, Math.max(s.upperBound(), candidate));
                if (closes(bound, lower, absoluteGap)) {
                    closedBound = Math.max(closedBound, bound);
                } else {
                    open.add(new Node(env, s.x(), bound, s.price()));
                }
            }
        }
        double upper = Math.max(lower, closedBound);
        if (!open.isEmpty()) {
            upper = Math.max(upper, open.peek().bound);
        }
        if (handOver) {
            ActivationSearch search = new ActivationSearch(program, f, z, settings.relativeGap(), absoluteGap,
                    (b, lo) -> closes(b, lo, absoluteGap));
            ActivationSearch.Result r = search.solve(best, lower, settings.maxNodes() - nodes,
                    () -> deadline.passed() || own.passed());
            nodes += r.nodes();
            if (r.value() > lower) {
                lower = r.value();
                best = r.x();
            }
            // both searches' bounds are valid for the whole program: keep the smaller (a bound that
            // broke down in double precision is dropped, never trusted)
            if (r.upperBound() < upper) {
                upper = Math.max(lower, r.upperBound());
            }
            if (r.stopped() && !closes(upper, lower, absoluteGap)) {
                status = Status.LIMIT_REACHED;
                message = r.message();
            }
        }
        if (status == Status.OPTIMAL && !closes(upper, lower, absoluteGap)) {
            status = Status.FEASIBLE;
            message = "the relaxations are exact at their points but their bound " + upper + " stays above the "
                    + "incumbent " + lower + " in double precision: nothing is certified";
        }
        return checked(program, new Certificate(best, lower, upper, nodes, status, message));
    }

    /** The certificate, or FEASIBLE without a bound when the proportional point beats its bound. */
    private static Certificate checked(SigmoidalProgram program, Certificate c) {
        double[] l = program.lower();
        double[] u = program.upper();
        double lowSum = 0;
        double width = 0;
        for (int i = 0; i < l.length; i++) {
            lowSum += l[i];
            width += u[i] - l[i];
        }
        double theta = width > 0 ? Math.min(1, Math.max(0, (program.capacity() - lowSum) / width)) : 0;
        double[] probe = new double[l.length];
        for (int i = 0; i < l.length; i++) {
            probe[i] = Math.min(u[i], l[i] + theta * (u[i] - l[i]));
        }
        double used = 0;
        for (double v : probe) {
            used += v;
        }
        double value = used <= program.capacity() ? program.value(probe) : Double.NEGATIVE_INFINITY;
        if (!(value > c.upperBound() + 1e-12 * Math.abs(c.upperBound()))) {
            return c;
        }
        boolean probeBetter = value > c.value();
        return new Certificate(probeBetter ? probe : c.x, Math.max(value, c.value()), Double.NaN, c.nodes(),
                Status.FEASIBLE, String.format(java.util.Locale.ROOT, "the relaxation bound %.6g is beaten by the "
                        + "proportional point's %.6g: the envelopes are not valid in double precision at this scale, "
                        + "so nothing is certified", c.upperBound(), value));
    }

    /**
     * A feasible point for the node: the variables on the concave side of their envelope keep the
     * concave part of their box, j does too when {@code keepPartial} (else it is fixed at its lower
     * bound, as are all other variables left of their tangent point), and the capacity is split
     * optimally among them by the relaxation, which is exact here since every box is concave.
     * Null when the fixed lower bounds exceed the capacity.
     */
    private static double[] polish(Sigmoid[] f, double[] z, Node node, int j, boolean keepPartial,
                                   CapacityRelaxation relaxation) {
        int n = f.length;
        ConcaveEnvelope[] env = new ConcaveEnvelope[n];
        for (int i = 0; i < n; i++) {
            ConcaveEnvelope e = node.env[i];
            boolean served = e.w() <= e.l() || node.x[i] >= e.w() || (keepPartial && i == j);
            if (served) {
                double lo = clip(z[i], e.l(), e.u());
                env[i] = lo <= e.l() && e.w() <= e.l() ? e : ConcaveEnvelope.of(f[i], lo, e.u(), lo);
            } else {
                env[i] = ConcaveEnvelope.of(f[i], e.l(), e.l(), e.l());
            }
        }
        CapacityRelaxation.Solution s = relaxation.solve(env, node.price);
        return s == null ? null : s.x();
    }

    private boolean closes(double bound, double lower, double absoluteGap) {
        double diff = bound - lower;
        double scale = Math.max(Math.abs(lower), Math.abs(bound));
        // the floor applies only where both bounds are negligible (an optimum of 0), so that
        // OPTIMAL means the requested relative gap everywhere else
        return diff <= settings.relativeGap() * scale || (diff <= absoluteGap && scale <= absoluteGap);
    }

    private static double clip(double v, double lo, double hi) {
        return Math.min(hi, Math.max(lo, v));
    }

    /** Convenience for tests and tools: the groups of interchangeable variables (index lists). */
    static List<List<Integer>> groups(SigmoidalProgram program) {
        Map<GroupKey, List<Integer>> byKey = new java.util.LinkedHashMap<>();
        double[] l = program.lower();
        double[] u = program.upper();
        for (int i = 0; i < program.size(); i++) {
            byKey.computeIfAbsent(new GroupKey(program.functions().get(i), l[i], u[i]), k -> new ArrayList<>()).add(i);
        }
        return List.copyOf(byKey.values());
    }
}
