package org.mecopt.numeric.sigmoidal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Branch and bound on which variables are <em>active</em>, with counts per class of similar
 * variables, for {@code max Σ f_i(x_i) s.t. Σ x ≤ C, l ≤ x ≤ u} (sigmoidal f_i). This is what closes
 * programs with many near-identical variables, where {@link SigmoidalProgramming}'s box branching
 * explodes: there, every branch on one user is undone by a near-copy taking its place, and only
 * identical copies can be ordered.
 *
 * <p><b>Structure used.</b> Let {@code z_i} be f_i's inflection point in its box. Each variable is
 * OFF ({@code x = l}), ON ({@code x ≥ z}, the concave side) or PARTIAL ({@code l < x < z}, the convex
 * side). Some optimum has at most one PARTIAL variable: moving capacity between two variables on
 * their convex sides is a convex function of the amount moved, so one of them can be pushed to an
 * end of its convex side without loss (the classical KKT fact for separable sigmoidal allocation).
 *
 * <p><b>Bound.</b> Variables are grouped into classes (similar chord slope and tangent point;
 * validity does not depend on the grouping, only speed). A node restricts each variable's states
 * (a mask), the number of ON variables per class to {@code [lo, hi]}, and which class may hold the
 * PARTIAL variable and inside which interval. Its bound is the Lagrangian dual with the capacity
 * priced at λ and everything else kept: {@code Ψ(λ) = λC + max Σ_i (f_i(x_i) − λ x_i)} over the
 * node's discrete choices, i.e. per class the best admissible number of ON variables (each at
 * {@code argmax_{x ≥ z} f − λx}, a concave problem), plus at most one PARTIAL variable (f − λx is
 * convex there, so its end points suffice). {@code Ψ(λ) ≥} the node's optimum for every λ ≥ 0 (weak
 * duality), Ψ is convex, and it is minimized by a cutting-plane search on its subgradient
 * {@code C − demand(λ)}. Each ON value is an upper estimate: the Newton root's residual times its
 * bracket bounds the error by concavity. Unlike the envelope relaxation, the count per class stays
 * an integer, so the relaxation cannot serve a fraction of one more near-copy: its duality gap comes
 * only from swaps between near-copies (tiny) and from the PARTIAL variable (closed by bisecting its
 * interval).
 *
 * <p><b>Branching</b>, from the assignments at the two ends of the final price bracket (demand above
 * and below C): a class whose ON count differs is split on the count ({@code ≤ t} | {@code ≥ t+1});
 * else a PARTIAL variable is split on (in this class | no PARTIAL in this class, then bisection of
 * its interval); else a variable ON at one end and not at the other is fixed ON | not ON. Best
 * first. Each node's two assignments are also turned into feasible points: the ON set (trimmed by
 * lowest price gain until its concave sides fit) gets the capacity split exactly among its concave
 * sides by {@link CapacityRelaxation}, with the PARTIAL variable at the ends of its interval.
 *
 * <p>Hand-written for the same reason as the rest of the package; tested against brute force, the
 * envelope branch and bound, and the closed form for identical users ({@code
 * ActivationSearchTest}, {@code SigmoidalProgrammingProperties}).
 */
final class ActivationSearch {

    private static final byte OFF = 1;
    private static final byte ON = 2;
    private static final byte PART = 4;
    private static final int PRICE_STEPS = 80;
    /** Relative spread of chord slope and tangent point within which variables share a class. */
    private static final double CLASS_WIDTH = 0.05;

    /** The search's result: the best point found and a proven upper bound. */
    record Result(double[] x, double value, double upperBound, long nodes, boolean stopped, String message) {
    }

    /** Whether a bound closes against an incumbent (the caller's gap rule). */
    interface Closer {
        boolean closes(double bound, double lower);
    }

    private final Sigmoid[] f;
    private final SigmoidalProgram program;
    private final double capacity;
    private final int n;
    private final double[] l;
    private final double[] u;
    /** Start of the ON region: the inflection point, or l for variables concave on their box. */
    private final double[] z;
    private final double[] fl;
    private final double[] fz;
    private final double[] dz;
    private final boolean[] alwaysOn;
    private final int[] classOf;
    private final int[][] members;
    private final double[] classLow;
    private final double[] classHigh;
    private final ConcaveEnvelope[] onEnv;
    private final ConcaveEnvelope[] offEnv;
    private final double priceMax;
    private final double relativeGap;
    private final double absoluteGap;
    private final Closer closer;

    // scratch of one evaluation
    private final double[] warm;
    private final double[] xOn;
    private final double[] vOn;
    private final double[] v3 = new double[3];
    private final double[] bracket = new double[3];
    private final Integer[][] order;
    private final double[][] prefix;
    private final int[] rank;
    private final int[] freeCount;

    ActivationSearch(SigmoidalProgram program, Sigmoid[] f, double[] zInflection, double relativeGap,
                     double absoluteGap, Closer closer) {
        this.program = program;
        this.f = f;
        this.n = f.length;
        this.capacity = program.capacity();
        this.l = program.lower();
        this.u = program.upper();
        this.relativeGap = relativeGap;
        this.absoluteGap = absoluteGap;
        this.closer = closer;
        z = new double[n];
        fl = new double[n];
        fz = new double[n];
        dz = new double[n];
        alwaysOn = new boolean[n];
        onEnv = new ConcaveEnvelope[n];
        offEnv = new ConcaveEnvelope[n];
        warm = new double[n];
        xOn = new double[n];
        rank = new int[n];
        vOn = new double[n];
        double[] slope = new double[n];
        double[] tangent = new double[n];
        double pmax = 0;
        for (int i = 0; i < n; i++) {
            z[i] = Math.min(u[i], Math.max(l[i], zInflection[i]));
            alwaysOn[i] = z[i] <= l[i];
            fl[i] = f[i].value(l[i]);
            fz[i] = f[i].value(z[i]);
            dz[i] = f[i].derivative(z[i]);
            pmax = Math.max(pmax, dz[i]);
            onEnv[i] = ConcaveEnvelope.of(f[i], z[i], u[i], z[i]);
            offEnv[i] = ConcaveEnvelope.of(f[i], l[i], l[i], l[i]);
            ConcaveEnvelope e = ConcaveEnvelope.of(f[i], l[i], u[i], z[i]);
            slope[i] = e.slope();
            tangent[i] = e.w();
            warm[i] = Double.NaN;
        }
        priceMax = pmax * (1 + 1e-9) + Double.MIN_NORMAL;
        // classes: sort by chord slope, chain neighbours with the same box and close slope and tangent point
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(slope[a], slope[b]));
        classOf = new int[n];
        Arrays.fill(classOf, -1);
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> current = null;
        int first = -1;
        for (int i : idx) {
            if (alwaysOn[i]) {
                continue;
            }
            boolean join = current != null && l[i] == l[first] && u[i] == u[first]
                    && near(slope[i], slope[first]) && near(tangent[i], tangent[first]);
            if (!join) {
                current = new ArrayList<>();
                groups.add(current);
                first = i;
            }
            current.add(i);
            classOf[i] = groups.size() - 1;
        }
        members = new int[groups.size()][];
        classLow = new double[groups.size()];
        classHigh = new double[groups.size()];
        order = new Integer[groups.size()][];
        freeCount = new int[groups.size()];
        prefix = new double[groups.size()][];
        for (int g = 0; g < members.length; g++) {
            members[g] = groups.get(g).stream().mapToInt(Integer::intValue).sorted().toArray();
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int m : members[g]) {
                lo = Math.min(lo, l[m]);
                hi = Math.max(hi, z[m]);
            }
            classLow[g] = lo;
            classHigh[g] = hi;
            order[g] = new Integer[members[g].length];
            prefix[g] = new double[members[g].length + 1];
        }
    }

    private static boolean near(double a, double b) {
        return Math.abs(a - b) <= CLASS_WIDTH * Math.max(Math.abs(a), Math.abs(b));
    }

    int classCount() {
        return members.length;
    }

    /** A node: per-variable state masks, ON counts per class, and where the PARTIAL variable may be. */
    private static final class Node {
        final byte[] mask;
        final int[] lo;
        final int[] hi;
        /** −1: any class (variables with the PART bit); else only this class, inside [pa, pb]. */
        final int partClass;
        final double pa;
        final double pb;
        double bound;
        double price;

        Node(byte[] mask, int[] lo, int[] hi, int partClass, double pa, double pb) {
            this.mask = mask;
            this.lo = lo;
            this.hi = hi;
            this.partClass = partClass;
            this.pa = pa;
            this.pb = pb;
        }
    }

    /** One evaluation of Ψ at a price: value, demand, and the maximizing assignment. */
    private static final class Eval {
        double price;
        double value;
        double demand;
        boolean infeasible;
        final byte[] state; // 0 off, 1 on, 2 partial
        final int[] count;
        final double[] gain;
        int partUser = -1;
        double partX;

        Eval(int n, int classes) {
            state = new byte[n];
            count = new int[classes];
            gain = new double[n];
        }

        void copyFrom(Eval o) {
            price = o.price;
            value = o.value;
            demand = o.demand;
            infeasible = o.infeasible;
            System.arraycopy(o.state, 0, state, 0, state.length);
            System.arraycopy(o.count, 0, count, 0, count.length);
            System.arraycopy(o.gain, 0, gain, 0, gain.length);
            partUser = o.partUser;
            partX = o.partX;
        }
    }

    /** Upper estimate of {@code max_{x ∈ [z, u]} f − λx}; the argmax goes to xOn[i]. */
    private double onValue(int i, double price) {
        double a = z[i];
        double b = u[i];
        double x;
        double margin = 0;
        if (!(b > a)) {
            x = a;
        } else if (dz[i] <= price) {
            x = a;
        } else if (onEnv[i].du() >= price) {
            x = b;
        } else {
            x = ConcaveRoot.root(f[i], a, b, price, warm[i], 1e-13 * (b - a), v3, bracket);
            margin = margin(i, x, price);
            // a root far below the box's scale (a steep user whose optimum is ~1e-9 of the box) can
            // leave a bracket that is narrow for the box but wide for f': shrink it until the error
            // bound is negligible
            for (int k = 0; k < 4 && margin > 1e-12 * (Math.abs(f[i].value(x)) + Math.abs(price * x)); k++) {
                x = ConcaveRoot.root(f[i], bracket[0], bracket[1], price, x, 1e-9 * (bracket[1] - bracket[0]), v3,
                        bracket);
                margin = margin(i, x, price);
            }
            warm[i] = x;
        }
        xOn[i] = x;
        double v = f[i].value(x) - price * x + margin;
        vOn[i] = v;
        return v;
    }

    /** By concavity, how far {@code f − λx} at x can be below its maximum in the last bracket. */
    private double margin(int i, double x, double price) {
        double d = bracket[2];
        if (Double.isNaN(d)) {
            d = f[i].derivative(x) - price;
        }
        return Math.abs(d) * (bracket[1] - bracket[0]);
    }

    /** Ψ(price) for the node, with its maximizing assignment, into e. */
    private void evaluate(Node node, double price, Eval e) {
        e.price = price;
        e.infeasible = false;
        e.partUser = -1;
        double value = price * capacity;
        double demand = 0;
        for (int i = 0; i < n; i++) {
            if (alwaysOn[i]) {
                value += onValue(i, price);
                demand += xOn[i];
                e.state[i] = 1;
            }
        }
        // in a node that places the PARTIAL variable in one class, it must be there (its interval may
        // exclude l); elsewhere it is optional
        double bestPart = node.partClass >= 0 ? Double.NEGATIVE_INFINITY : 0;
        int partUser = -1;
        double partX = 0;
        int partClass = -1;
        int partKeep = 0;
        for (int g = 0; g < members.length; g++) {
            int[] mem = members[g];
            Integer[] ord = order[g];
            int free = 0;
            int nOn = 0;
            double base = 0;
            double baseDemand = 0;
            for (int m : mem) {
                byte mask = node.mask[m];
                double off = fl[m] - price * l[m];
                e.gain[m] = Double.NEGATIVE_INFINITY;
                if ((mask & ON) != 0) {
                    double on = onValue(m, price);
                    if ((mask & OFF) != 0) {
                        e.gain[m] = on - off;
                        ord[free++] = m;
                        base += off;
                        baseDemand += l[m];
                        e.state[m] = 0;
                    } else {
                        nOn++;
                        base += on;
                        baseDemand += xOn[m];
                        e.state[m] = 1;
                    }
                } else {
                    base += off;
                    baseDemand += l[m];
                    e.state[m] = 0;
                }
            }
            int kmin = Math.max(0, node.lo[g] - nOn);
            int kmax = Math.min(free, node.hi[g] - nOn);
            if (kmin > kmax) {
                e.infeasible = true;
                return;
            }
            double[] gain = e.gain;
            Arrays.sort(ord, 0, free, (a, b) -> Double.compare(gain[b], gain[a]));
            double[] pre = prefix[g];
            int positive = 0;
            freeCount[g] = free;
            for (int r = 0; r < free; r++) {
                rank[ord[r]] = r;
                pre[r + 1] = pre[r] + gain[ord[r]];
                if (gain[ord[r]] > 0) {
                    positive++;
                }
            }
            int k = Math.min(kmax, Math.max(kmin, positive));
            double selected = base + pre[k];
            value += selected;
            demand += baseDemand;
            for (int r = 0; r < k; r++) {
                int m = ord[r];
                demand += xOn[m] - l[m];
                e.state[m] = 1;
            }
            e.count[g] = nOn + k;
            if (node.partClass != -1 && node.partClass != g) {
                continue;
            }
            // the PARTIAL variable in this class: which member, and the best ON choice without it
            for (int r = 0; r < mem.length; r++) {
                int m = mem[r];
                if ((node.mask[m] & PART) == 0) {
                    continue;
                }
                double a = l[m];
                double b = z[m];
                if (node.partClass == g) {
                    a = Math.max(a, node.pa);
                    b = Math.min(b, node.pb);
                }
                if (!(b > a)) {
                    continue;
                }
                double va = f[m].value(a) - price * a;
                double vb = f[m].value(b) - price * b;
                double pv = Math.max(va, vb);
                double off = fl[m] - price * l[m];
                double with;
                int keep;
                if (Double.isInfinite(gain[m])) { // m is not free: it was counted OFF
                    with = selected - off + pv;
                    keep = k;
                } else {
                    int rank = this.rank[m];
                    int pos = positive - (gain[m] > 0 ? 1 : 0);
                    int kmax2 = Math.min(free - 1, node.hi[g] - nOn);
                    if (kmin > kmax2) {
                        continue;
                    }
                    keep = Math.min(kmax2, Math.max(kmin, pos));
                    double top = keep <= rank ? pre[keep] : pre[keep + 1] - gain[m];
                    with = base - off + top + pv;
                }
                double extra = with - selected;
                if (extra > bestPart) {
                    bestPart = extra;
                    partUser = m;
                    partX = va >= vb ? a : b;
                    partClass = g;
                    partKeep = keep;
                }
            }
        }
        if (node.partClass >= 0 && partUser < 0) {
            e.infeasible = true; // no member of the class can sit inside the interval
            return;
        }
        if (partUser >= 0) {
            // the class of the PARTIAL variable keeps its best `partKeep` free members other than it
            int g = partClass;
            Integer[] ord = order[g];
            for (int r = 0; r < freeCount[g]; r++) {
                int m = ord[r];
                if (e.state[m] == 1) {
                    demand -= xOn[m] - l[m];
                    e.state[m] = 0;
                    e.count[g]--;
                }
            }
            int kept = 0;
            for (int r = 0; r < freeCount[g] && kept < partKeep; r++) {
                int m = ord[r];
                if (m != partUser) {
                    demand += xOn[m] - l[m];
                    e.state[m] = 1;
                    e.count[g]++;
                    kept++;
                }
            }
            e.state[partUser] = 2;
            demand += partX - l[partUser];
            value += bestPart;
        }
        e.partUser = partUser;
        e.partX = partX;
        e.value = value;
        e.demand = demand;
    }


    /** The two ends of a node's final price bracket and its bound. */
    private final class Relaxed {
        final Eval below = new Eval(n, members.length); // demand > C (or the only point when λ = 0 fits)
        final Eval above = new Eval(n, members.length); // demand ≤ C
        final Eval probe = new Eval(n, members.length);
        double bound;
    }

    /**
     * Minimizes Ψ over λ for the node; false when the node is infeasible. Stops when the cutting-plane
     * lower estimate of min Ψ is within 1 % of the gap tolerance, or the bound already closes against
     * {@code lower}.
     */
    private boolean relax(Node node, double lower, Relaxed r) {
        Eval lo = r.below;
        Eval hi = r.above;
        evaluate(node, 0, lo);
        if (lo.infeasible) {
            return false;
        }
        if (lo.demand <= capacity) {
            hi.copyFrom(lo);
            r.bound = lo.value;
            node.price = 0;
            return true;
        }
        evaluate(node, priceMax, hi);
        if (hi.infeasible || hi.demand > capacity * (1 + 1e-12) + 1e-300) {
            return false; // Ψ decreases without end: the node's smallest demand exceeds the capacity
        }
        if (node.price > 0 && node.price < priceMax) {
            for (double step : new double[] {1e-4, 1e-2}) {
                for (double m : new double[] {node.price * (1 - step), node.price * (1 + step)}) {
                    if (m > lo.price && m < hi.price) {
                        evaluate(node, m, r.probe);
                        take(r, r.probe);
                    }
                }
            }
        }
        double best = Math.min(lo.value, hi.value);
        for (int k = 0; k < PRICE_STEPS; k++) {
            best = Math.min(lo.value, hi.value);
            double gl = capacity - lo.demand; // < 0
            double gh = capacity - hi.demand; // ≥ 0
            double cross = gh - gl > 0
                    ? (hi.value - lo.value + gl * lo.price - gh * hi.price) / (gl - gh) : 0.5 * (lo.price + hi.price);
            double floor = lo.value + gl * (cross - lo.price);
            double tolerance = 0.01 * Math.max(relativeGap * Math.max(Math.abs(best), Math.abs(lower)), absoluteGap);
            // (a floor above the best value means the ON terms' error bounds made Ψ slightly
            // non-convex: the cutting plane is no guide then, so keep bisecting)
            if ((best - floor <= tolerance && floor <= best + tolerance) || closer.closes(best, lower)) {
                break;
            }
            double width = hi.price - lo.price;
            double m = cross;
            if (!(m > lo.price + 0.02 * width && m < hi.price - 0.02 * width) || k % 3 == 2 || floor > best) {
                m = 0.5 * (lo.price + hi.price);
            }
            if (!(m > lo.price && m < hi.price)) {
                break;
            }
            evaluate(node, m, r.probe);
            take(r, r.probe);
        }
        r.bound = Math.min(lo.value, hi.value);
        node.price = lo.demand - capacity <= capacity - hi.demand ? lo.price : hi.price;
        return true;
    }

    private void take(Relaxed r, Eval e) {
        if (e.demand > capacity) {
            if (e.price > r.below.price) {
                r.below.copyFrom(e);
            }
        } else if (e.price < r.above.price) {
            r.above.copyFrom(e);
        }
    }

    // ---- feasible points ----

    private final Set<Object> tried = new HashSet<>();
    private double[] best;
    private double bestValue;
    private long nodes;

    private record Tried(BitSet on, int part, double at) {
    }

    /**
     * The assignment made feasible: its ON set, trimmed by lowest price gain until the concave sides
     * fit, gets the capacity split exactly; the PARTIAL variable (if any) is tried at both ends of
     * its admissible interval.
     */
    private void primal(Node node, Eval e) {
        List<Integer> on = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (e.state[i] == 1) {
                on.add(i);
            }
        }
        if (e.partUser < 0) {
            primal(on, -1, 0, e);
            return;
        }
        int c = e.partUser;
        double a = l[c];
        double b = z[c];
        if (node.partClass >= 0) {
            a = Math.max(a, node.pa);
            b = Math.min(b, node.pb);
        }
        primal(on, c, e.partX, e);
        primal(on, c, e.partX == a ? b : a, e);
        primal(on, -1, 0, e);
    }

    private void primal(List<Integer> onList, int part, double at, Eval e) {
        List<Integer> on = new ArrayList<>(onList);
        double fixed = 0;
        for (int i = 0; i < n; i++) {
            if (e.state[i] != 1 && i != part) {
                fixed += l[i];
            }
        }
        if (part >= 0) {
            fixed += at;
        }
        double need = fixed;
        for (int i : on) {
            need += z[i];
        }
        if (need > capacity) {
            // drop the free ON variables with the lowest price gain first; fixed ones (gain −∞) last
            on.sort((a, b) -> Double.compare(trimKey(e, a), trimKey(e, b)));
            while (need > capacity && !on.isEmpty() && !alwaysOn[on.get(0)]) {
                int i = on.remove(0);
                need += l[i] - z[i];
            }
            if (need > capacity) {
                return;
            }
        }
        BitSet key = new BitSet(n);
        for (int i : on) {
            key.set(i);
        }
        if (!tried.add(new Tried(key, part, at))) {
            return;
        }
        ConcaveEnvelope[] env = offEnv.clone();
        for (int i : on) {
            env[i] = onEnv[i];
        }
        if (part >= 0) {
            env[part] = ConcaveEnvelope.of(f[part], at, at, at);
        }
        CapacityRelaxation.Solution s = new CapacityRelaxation(f, capacity, 0.01 * relativeGap, 0.01 * absoluteGap)
                .solve(env, e.price);
        nodes++;
        if (s != null) {
            double v = program.value(s.x());
            if (v > bestValue) {
                bestValue = v;
                best = s.x();
            }
        }
    }

    private double trimKey(Eval e, int i) {
        return alwaysOn[i] || Double.isInfinite(e.gain[i]) ? Double.POSITIVE_INFINITY : e.gain[i];
    }

    // ---- the search ----

    /**
     * Searches from the root, starting from the incumbent {@code x0} of value {@code v0}.
     *
     * @param stop polled before each node expansion
     */
    Result solve(double[] x0, double v0, long maxNodes, BooleanSupplier stop) {
        best = x0;
        bestValue = v0;
        nodes = 0;
        int classes = members.length;
        byte[] rootMask = new byte[n];
        for (int i = 0; i < n; i++) {
            rootMask[i] = alwaysOn[i] ? ON : (byte) (OFF | ON | PART);
        }
        int[] lo0 = new int[classes];
        int[] hi0 = new int[classes];
        for (int g = 0; g < classes; g++) {
            hi0[g] = members[g].length;
        }
        Node root = new Node(rootMask, lo0, hi0, -1, 0, 0);
        Relaxed r = new Relaxed();
        nodes++;
        if (!relax(root, bestValue, r)) {
            return new Result(best, bestValue, bestValue, nodes, false, "");
        }
        root.bound = Math.max(r.bound, bestValue);
        PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> Double.compare(b.bound, a.bound));
        double closed = Double.NEGATIVE_INFINITY;
        Node pending = root;
        boolean stopped = false;
        String message = "";
        // a node is expanded right after its relaxation (its bracket is still in r); siblings wait in the queue
        List<Node> children = new ArrayList<>(2);
        while (true) {
            if (pending == null) {
                if (open.isEmpty()) {
                    break;
                }
                Node top = open.peek();
                if (closer.closes(top.bound, bestValue)) {
                    break;
                }
                if (nodes >= maxNodes) {
                    stopped = true;
                    message = "node limit " + maxNodes + " reached";
                    break;
                }
                if (stop.getAsBoolean()) {
                    stopped = true;
                    message = "time limit reached";
                    break;
                }
                open.poll();
                nodes++;
                if (!relax(top, bestValue, r)) {
                    continue;
                }
                top.bound = Math.min(top.bound, Math.max(r.bound, bestValue));
                pending = top;
            }
            Node node = pending;
            pending = null;
            primal(node, r.below);
            primal(node, r.above);
            if (closer.closes(node.bound, bestValue)) {
                closed = Math.max(closed, node.bound);
                continue;
            }
            children.clear();
            branch(node, r.below, r.above, children);
            if (children.isEmpty()) {
                closed = Math.max(closed, node.bound); // nothing left to split: its bound stands
                continue;
            }
            for (Node child : children) {
                child.bound = node.bound;
                child.price = node.price;
                open.add(child);
            }
        }
        double upper = Math.max(bestValue, closed);
        if (!open.isEmpty()) {
            upper = Math.max(upper, open.peek().bound);
        }
        return new Result(best, bestValue, upper, nodes, stopped, message);
    }

    /** Children of a node that did not close, from the assignments at its bracket's two ends. */
    private void branch(Node node, Eval a, Eval b, List<Node> out) {
        // 1. a class whose ON count differs: split on the count
        int split = -1;
        int diff = 0;
        for (int g = 0; g < members.length; g++) {
            int d = Math.abs(a.count[g] - b.count[g]);
            if (d > diff) {
                diff = d;
                split = g;
            }
        }
        if (split >= 0) {
            int t = Math.min(a.count[split], b.count[split]) + (diff - 1) / 2;
            Node left = copy(node);
            left.hi[split] = Math.min(left.hi[split], t);
            Node right = copy(node);
            right.lo[split] = Math.max(right.lo[split], t + 1);
            out.add(left);
            out.add(right);
            return;
        }
        // 2. a PARTIAL variable
        int part = a.partUser >= 0 ? a.partUser : b.partUser;
        if (part >= 0) {
            int g = classOf[part];
            if (node.partClass < 0) {
                out.add(new Node(node.mask.clone(), node.lo.clone(), node.hi.clone(), g, classLow[g], classHigh[g]));
                Node none = copy(node);
                for (int m : members[g]) {
                    none.mask[m] &= (byte) ~PART;
                }
                out.add(none);
                return;
            }
            double mid = 0.5 * (node.pa + node.pb);
            if (mid > node.pa && mid < node.pb) {
                out.add(new Node(node.mask.clone(), node.lo.clone(), node.hi.clone(), g, node.pa, mid));
                out.add(new Node(node.mask.clone(), node.lo.clone(), node.hi.clone(), g, mid, node.pb));
                return;
            }
        }
        // 3. a variable ON at one end and not at the other
        int pick = -1;
        double widest = 0;
        for (int i = 0; i < n; i++) {
            if ((a.state[i] == 1) != (b.state[i] == 1) && node.mask[i] != ON) {
                double w = xOn[i] - l[i] + 1e-300;
                if (pick < 0 || w > widest) {
                    widest = w;
                    pick = i;
                }
            }
        }
        if (pick < 0) {
            // 4. nothing differs: the free variable whose price gain is nearest zero
            double nearest = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                byte mk = node.mask[i];
                if ((mk & ON) != 0 && (mk & OFF) != 0 && Math.abs(b.gain[i]) < nearest) {
                    nearest = Math.abs(b.gain[i]);
                    pick = i;
                }
            }
        }
        if (pick >= 0) {
            Node on = copy(node);
            on.mask[pick] = ON;
            Node off = copy(node);
            off.mask[pick] &= (byte) ~ON;
            out.add(on);
            out.add(off);
        }
    }

    private static Node copy(Node node) {
        return new Node(node.mask.clone(), node.lo.clone(), node.hi.clone(), node.partClass, node.pa, node.pb);
    }
}
