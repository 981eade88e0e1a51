package org.mecopt.offloading;

import java.util.Arrays;
import org.mecopt.api.Deadline;

/**
 * The set-partitioning (Dantzig–Wolfe) Lagrangian bound of the assignment problem: only "each
 * device on exactly one server" is relaxed, with free multipliers π, and every server then picks
 * its own best set of whole devices.
 *
 * <p>For any π and any node of the search (devices fixed to servers, the others free),
 * <pre>  LB(π) = placedTx + Σ_{m free} π_m + Σ_n P_n(π),
 *   P_n(π) = min { Σ_{m∈S} (tx_mn − π_m) + (L_n + Σ_{m∈S} w_m)²/F_n : S ⊆ free devices allowed on n, |S| ≤ cap_n − count_n }</pre>
 * is at most the cost of every completion (L_n, count_n: the fixed devices' load and number on n;
 * S = ∅ allowed): a completion gives each server one S, the sets partition the free devices, and
 * then the π terms cancel. Its maximum over π is the bound of the set-partitioning LP, where each
 * column is one server's whole set of devices — integral per server, unlike the continuous
 * relaxation ({@link RelaxationBound}), which lets a device's workload be split. Starting from
 * {@code π_m = min_n (tx_mn + λ_n w_m + μ_n)} for a dual point (λ, μ ≥ 0) of that relaxation gives
 * {@code LB(π) ≥ q(λ, μ)}: {@code (ΣS w)²/F ≥ λ ΣS w − λ²F/4} and every term
 * {@code tx_mn + λ_n w_m − π_m ≥ −μ_n}, at most cap_n of them. We raise it by subgradient ascent
 * ({@code g_m = 1 −} the number of servers whose set holds m) with Polyak steps towards the incumbent.
 *
 * <p><em>Pricing</em> (each P_n) is exact, by a depth-first include/exclude search over the free
 * devices with {@code v_m + (2L w_m + w_m²)/F < 0} (the others never lower any set's value), in
 * order of decreasing {@code −(v_m + β)/w_m}, {@code v_m = tx_mn − π_m}. A subtree is bounded by the
 * larger of two: the continuous relaxation of the devices still to decide with a price β ≥ 0 on the
 * server's free slots ({@link #relaxed}; β by bisection near the slots' multiplier, {@link #countPrice}),
 * and {@code V + L²/F + } the sum of the (slots left) most negative {@code v_i + (2L w_i + w_i²)/F},
 * valid because {@code (L + Σ w_i)² ≥ L² + Σ (2L w_i + w_i²)}. With the second bound alone the
 * 30×5 pricing searches ran past their 200 000-node budget; without the slot price tight capacity
 * was 13–200× slower (30×5×6, from the root at every depth); with both, hundreds of nodes.
 * When a search exceeds its node budget it stops expanding and P_n is replaced by the smallest
 * bound over its open nodes, so the bound stays proven (only weaker).
 *
 * <p>Why hand-written: the pricing problem is a tiny cardinality-constrained convex quadratic 0-1
 * problem solved thousands of times per second; an LP/MIP column-generation loop would spend more
 * in set-up than the search does in total. The Volume ascent ({@link #ascendVolume}) is
 * hand-written for the same reason: it needs only the exact pricing and the cover vectors it
 * already produces, while an LP master (ojAlgo, not a dependency of this module) would add a
 * re-solve per batch of columns; that alternative was not measured.
 */
final class PartitionBound {
    private final int devices;
    private final int servers;
    /** Workloads and transmission delays in the caller's device order. */
    private final double[] work;
    private final double[][] tx;
    private final double[] cpu;
    private final int[] capacity;
    /** {@code allowed[m][n]}: device m may still go to server n (false once {@link #remove} took the pair out). */
    private final boolean[][] allowed;
    /** The server each device is fixed on, or -1 while free. */
    private final int[] fixed;
    private final double[] load;
    private final int[] count;
    private double placedTx;

    /** Per server: the best set of the last pricing, its value and the proven lower bound on P_n. */
    private final int[][] bestSet;
    private final int[] bestSize;
    private final double[] serverBest;
    private final double[] serverLower;
    /** How many servers' best sets hold each device, after the last {@link #evaluate}. */
    private final int[] cover;

    /** Pricing search state. */
    private final int[] cand;
    private final double[] candV;
    private final double[] candW;
    private final double[] candKey;
    private final double[] tmpKey;
    private final double[] tmpW;
    private double dfsBeta;
    private final int[] stack;
    private final double[] slotBuffer;
    private int candCount;
    private double dfsF;
    private int dfsSlots;
    private double dfsBest;
    private int[] dfsBestSet;
    private int dfsBestSize;
    private double openMin;
    private long dfsNodes;
    private long budget;
    private final double[] gradient;
    private final double[] bestPi;

    /**
     * Step schedule at the root: first step factor θ and evaluations without improvement before θ
     * is halved. At tight capacity the ascent converges slowly (30×5×6 seed 7009: 3e-5 below the
     * optimum after 600 steps at θ = 1 halved every 3 failures, 9e-7 at θ = 2 halved every 30).
     */
    static final double ROOT_THETA = 2;
    static final int ROOT_PATIENCE = 30;
    /** At the other nodes, a few steps from the parent's multipliers: shrink fast. */
    static final double NODE_THETA = 1;
    static final int NODE_PATIENCE = 3;

    /** Default pricing node budget per server and evaluation: far above what 30×5 needs. */
    static final long DEFAULT_BUDGET = 200_000;

    /**
     * @param order the device order the caller indexes devices by (e.g. branching order)
     */
    PartitionBound(AssignmentCosts c, int[] order) {
        this.devices = c.devices;
        this.servers = c.servers;
        this.work = new double[devices];
        this.tx = new double[devices][];
        for (int i = 0; i < devices; i++) {
            work[i] = c.work[order[i]];
            tx[i] = c.tx[order[i]];
        }
        this.cpu = c.cpu.clone();
        this.capacity = c.capacity.clone();
        this.allowed = new boolean[devices][servers];
        for (boolean[] row : allowed) {
            Arrays.fill(row, true);
        }
        this.fixed = new int[devices];
        Arrays.fill(fixed, -1);
        this.load = new double[servers];
        this.count = new int[servers];
        this.bestSet = new int[servers][devices];
        this.bestSize = new int[servers];
        this.serverBest = new double[servers];
        this.serverLower = new double[servers];
        this.cover = new int[devices];
        this.cand = new int[devices];
        this.candV = new double[devices];
        this.candW = new double[devices];
        this.candKey = new double[devices];
        this.tmpKey = new double[devices];
        this.tmpW = new double[devices];
        this.stack = new int[devices];
        this.slotBuffer = new double[devices + 1];
        this.gradient = new double[devices];
        this.bestPi = new double[devices];
        this.budget = DEFAULT_BUDGET;
    }

    void setBudget(long nodesPerPricing) {
        this.budget = nodesPerPricing;
    }

    /** Fixes device i on server n, or frees it with n = -1. */
    void fix(int i, int n) {
        int old = fixed[i];
        if (old >= 0) {
            load[old] -= work[i];
            count[old]--;
            placedTx -= tx[i][old];
        }
        fixed[i] = n;
        if (n >= 0) {
            load[n] += work[i];
            count[n]++;
            placedTx += tx[i][n];
        }
    }

    /** Frees every device (and resets the accumulated loads exactly). */
    void clear() {
        Arrays.fill(fixed, -1);
        Arrays.fill(load, 0);
        Arrays.fill(count, 0);
        placedTx = 0;
    }

    /**
     * Takes device m (branching order) off server n for every later pricing, as reduced-cost fixing
     * does once a bound covers every completion with that pair.
     */
    void remove(int m, int n) {
        allowed[m][n] = false;
    }

    /** {@code π_m = min_n (tx_mn + λ_n w_m + μ_n)} over all servers (called before any {@link #remove}): the start with {@code LB(π) ≥ q(λ, μ)}. */
    double[] start(RelaxationBound.Dual dual) {
        double[] pi = new double[devices];
        for (int i = 0; i < devices; i++) {
            double min = Double.POSITIVE_INFINITY;
            for (int n = 0; n < servers; n++) {
                min = Math.min(min, tx[i][n] + dual.lambda()[n] * work[i] + dual.mu()[n]);
            }
            pi[i] = min;
        }
        return pi;
    }

    /**
     * LB(π) at the current fixing. Afterwards {@link #cover} and each server's best set describe
     * the pricing solutions.
     */
    double evaluate(double[] pi) {
        double lb = placedTx;
        for (int i = 0; i < devices; i++) {
            cover[i] = 0;
            if (fixed[i] < 0) {
                lb += pi[i];
            }
        }
        for (int n = 0; n < servers; n++) {
            price(n, pi);
            lb += serverLower[n];
            for (int k = 0; k < bestSize[n]; k++) {
                cover[bestSet[n][k]]++;
            }
        }
        return lb;
    }

    /**
     * When the last evaluation's sets partition the free devices, writes the completed assignment
     * (fixed devices included, caller's order) into {@code out} and returns its cost; otherwise NaN.
     */
    double partition(int[] out) {
        double total = placedTx;
        for (int i = 0; i < devices; i++) {
            if (fixed[i] < 0 && cover[i] != 1) {
                return Double.NaN;
            }
            if (fixed[i] >= 0) {
                out[i] = fixed[i];
            }
        }
        for (int n = 0; n < servers; n++) {
            double l = load[n];
            for (int k = 0; k < bestSize[n]; k++) {
                int i = bestSet[n][k];
                out[i] = n;
                l += work[i];
                total += tx[i][n];
            }
            total += l * l / cpu[n];
        }
        return total;
    }

    /**
     * After an {@link #evaluate}: each free device that exactly one server's best set holds is
     * written as on that server, every other free device as -1 (fixed devices as fixed). The sets
     * respect the servers' free slots, so the devices written never overfill a server.
     */
    void nearPartition(int[] out) {
        for (int i = 0; i < devices; i++) {
            out[i] = fixed[i];
        }
        for (int n = 0; n < servers; n++) {
            for (int k = 0; k < bestSize[n]; k++) {
                int i = bestSet[n][k];
                if (cover[i] == 1) {
                    out[i] = n;
                }
            }
        }
    }

    /**
     * Subgradient ascent on LB from {@code pi} (overwritten with the best point found).
     *
     * @param target the Polyak target, an upper bound (the incumbent's cost)
     * @param stopAt stop as soon as LB reaches this (e.g. the pruning threshold)
     * @param iterations evaluations at most
     * @param deadline checked before every evaluation after the first
     * @return the best LB found
     */
    double ascend(double[] pi, double target, double stopAt, int iterations, Deadline deadline) {
        return ascend(pi, target, stopAt, iterations, deadline, NODE_THETA, NODE_PATIENCE);
    }

    /**
     * As {@link #ascend(double[], double, double, int, Deadline)} with the first step size factor θ
     * and the number of evaluations without improvement after which θ is halved.
     */
    double ascend(double[] pi, double target, double stopAt, int iterations, Deadline deadline,
                  double theta0, int patience) {
        double best = Double.NEGATIVE_INFINITY;
        double theta = theta0;
        int since = 0;
        for (int it = 0; it < iterations; it++) {
            if (it > 0 && deadline.passed()) {
                break;
            }
            double lb = evaluate(pi);
            if (lb > best) {
                best = lb;
                System.arraycopy(pi, 0, bestPi, 0, devices);
                since = 0;
            } else if (++since >= patience) {
                theta /= 2;
                since = 0;
            }
            if (best >= stopAt) {
                break;
            }
            double norm = 0;
            for (int i = 0; i < devices; i++) {
                gradient[i] = fixed[i] < 0 ? 1 - cover[i] : 0;
                norm += gradient[i] * gradient[i];
            }
            if (norm == 0 || it == iterations - 1) {
                break;
            }
            double step = theta * Math.max(target - lb, 1e-12 * Math.abs(target)) / norm;
            for (int i = 0; i < devices; i++) {
                pi[i] += step * gradient[i];
            }
        }
        System.arraycopy(bestPi, 0, pi, 0, devices);
        return best;
    }

    /**
     * The Volume algorithm (Barahona and Anbil, 2000) on LB from {@code pi} (overwritten with the
     * best point found, the "center"). Unlike {@link #ascend}, the direction is {@code 1 − x̄}, where
     * x̄ is an exponentially weighted average of the pricing sets' cover vectors (an approximate
     * primal solution of the set-partitioning LP), not the last cover vector alone; the center moves
     * only when LB improves. Step {@code θ (target − LB(center)) / ‖1 − x̄‖²}; θ grows ×1.1 on an
     * improving step whose own subgradient agrees with the direction, and shrinks ×0.66 after
     * {@code patience} steps without improvement. Any π gives a valid bound, so this changes only how
     * fast LB rises. It also stops when {@link #VOLUME_STALL_WINDOW} steps closed less than
     * {@link #VOLUME_STALL_FRACTION} of the gap to the target.
     */
    double ascendVolume(double[] pi, double target, double stopAt, int iterations, Deadline deadline,
                        double theta0, int patience) {
        double[] center = pi.clone();
        double[] trial = new double[devices];
        double[] avg = new double[devices];
        double best = evaluate(center);
        for (int i = 0; i < devices; i++) {
            avg[i] = cover[i];
        }
        double theta = theta0;
        double alphaMax = VOLUME_ALPHA;
        int since = 0;
        double mark = best;
        for (int it = 1; it < iterations && best < stopAt && !deadline.passed(); it++) {
            if (it % VOLUME_STALL_WINDOW == 0) {
                if (best - mark < VOLUME_STALL_FRACTION * (target - mark)) {
                    break;
                }
                mark = best;
            }
            double norm = 0;
            for (int i = 0; i < devices; i++) {
                gradient[i] = fixed[i] < 0 ? 1 - avg[i] : 0;
                norm += gradient[i] * gradient[i];
            }
            if (norm < 1e-18) {
                break;
            }
            double step = theta * Math.max(target - best, 1e-12 * Math.abs(target)) / norm;
            for (int i = 0; i < devices; i++) {
                trial[i] = center[i] + step * gradient[i];
            }
            double lb = evaluate(trial);
            // α minimizing ‖1 − (α x + (1−α) x̄)‖ over free devices, kept in [α_max/10, α_max]
            double num = 0;
            double den = 0;
            double agree = 0;
            for (int i = 0; i < devices; i++) {
                if (fixed[i] >= 0) {
                    continue;
                }
                double d = cover[i] - avg[i];
                num += gradient[i] * d;
                den += d * d;
                agree += gradient[i] * (1 - cover[i]);
            }
            double alpha = den > 0 ? Math.min(alphaMax, Math.max(alphaMax / 10, num / den)) : alphaMax;
            for (int i = 0; i < devices; i++) {
                avg[i] = alpha * cover[i] + (1 - alpha) * avg[i];
            }
            if (lb > best) {
                best = lb;
                System.arraycopy(trial, 0, center, 0, devices);
                if (agree >= 0) {
                    theta = Math.min(2, theta * 1.1);
                }
                since = 0;
            } else if (++since >= patience) {
                theta *= 0.66;
                since = 0;
                if (alphaMax > 1e-4) {
                    alphaMax /= 2;
                }
            }
        }
        System.arraycopy(center, 0, pi, 0, devices);
        return best;
    }

    /** The Volume algorithm's largest primal averaging weight. */
    static final double VOLUME_ALPHA = 0.1;
    /**
     * The Volume ascents at the root, each from the last one's center until it stalls: {θ, patience}.
     * At 100×10×10 (seeds 7000, 7002–7005, 7009) the first alone left 2.2e-7–2.5e-5, the three
     * 2.4e-7–1.2e-5 (seed 7004: 2.5e-5 → 2.4e-7), for 0.2–1.4 s more.
     */
    static final double[][] VOLUME_SCHEDULE = {{0.5, 20}, {1, 50}, {0.3, 50}};
    /**
     * The Volume ascent stops when a window of this many steps closed less than this fraction of
     * the gap to the target left at its start. At 100×10 loose capacity (seed 7000) 300 steps
     * closed 2.8 % of it and the next 900 cost 7 s for another 0.6 %, while at tight capacity
     * the bound still rises: seed 7009 from 1.8e-5 to 5.8e-6 below the incumbent between steps 150
     * and 300 (an absolute rule, "no gain in 100 steps", had stopped it at 2.1e-5: the first steps
     * of the Volume ascent often all fail while θ shrinks), seed 7002 from 2.2e-7 to 9.2e-8
     * between 600 and 1 200.
     */
    static final int VOLUME_STALL_WINDOW = 300;
    static final double VOLUME_STALL_FRACTION = 0.05;

    /** After an {@link #evaluate}: server n's best set (devices in the caller's order). */
    int[] bestSet(int n) {
        return Arrays.copyOf(bestSet[n], bestSize[n]);
    }

    /**
     * For tests: prices server n alone and returns {best value found, proven lower bound}, equal
     * when the search finished within its budget.
     */
    double[] priceServer(int n, double[] pi) {
        price(n, pi);
        return new double[] {serverBest[n], serverLower[n]};
    }

    /** Prices server n: sets serverBest, serverLower and bestSet for the current fixing and π. */
    private void price(int n, double[] pi) {
        double f = cpu[n];
        double base = load[n];
        int slots = capacity[n] - count[n];
        candCount = 0;
        double baseCost = base * base / f;
        serverBest[n] = baseCost;
        serverLower[n] = baseCost;
        bestSize[n] = 0;
        if (slots <= 0) {
            return;
        }
        int k = 0;
        for (int i = 0; i < devices; i++) {
            if (fixed[i] >= 0 || !allowed[i][n]) {
                continue;
            }
            double v = tx[i][n] - pi[i];
            double w = work[i];
            if (v + (2 * base * w + w * w) / f < 0) {
                // a device that does not lower the value at the base load never lowers any set's value
                cand[k] = i;
                candV[k] = v;
                candW[k] = w;
                k++;
            }
        }
        if (k == 0) {
            return;
        }
        candCount = k;
        dfsF = f;
        dfsSlots = slots;
        dfsBeta = countPrice(base, slots);
        for (int j = 0; j < k; j++) {
            candKey[j] = -(candV[j] + dfsBeta) / candW[j];
        }
        sortCandidates(k);
        dfsBest = baseCost;
        dfsBestSet = bestSet[n];
        dfsBestSize = 0;
        openMin = Double.POSITIVE_INFINITY;
        dfsNodes = 0;
        dfs(0, 0, base, 0);
        serverBest[n] = dfsBest;
        bestSize[n] = dfsBestSize;
        for (int j = 0; j < dfsBestSize; j++) {
            bestSet[n][j] = cand[bestSet[n][j]];
        }
        if (openMin < dfsBest) {
            serverLower[n] = openMin;
        } else {
            serverLower[n] = dfsBest;
        }
    }

    /** Orders the k candidates by decreasing ratio −v/w (the most attractive per unit of load first). */
    private void sortCandidates(int k) {
        // insertion sort: k is small (the devices that want this server)
        for (int a = 1; a < k; a++) {
            int ci = cand[a];
            double v = candV[a];
            double w = candW[a];
            double key = candKey[a];
            int b = a;
            // stable: ties keep the device order, so the sets found do not depend on anything else
            while (b > 0 && candKey[b - 1] < key) {
                cand[b] = cand[b - 1];
                candV[b] = candV[b - 1];
                candW[b] = candW[b - 1];
                candKey[b] = candKey[b - 1];
                b--;
            }
            cand[b] = ci;
            candV[b] = v;
            candW[b] = w;
            candKey[b] = key;
        }
    }

    /**
     * Candidates pos.. undecided; {@code value} = Σ v over the chosen (size of them, on the stack),
     * {@code l} the load with them. Best sets are recorded as candidate positions.
     */
    private void dfs(int pos, double value, double l, int size) {
        double here = value + l * l / dfsF;
        if (here < dfsBest) {
            dfsBest = here;
            dfsBestSize = size;
            System.arraycopy(stack, 0, dfsBestSet, 0, size);
        }
        int slots = dfsSlots - size;
        if (slots == 0 || pos == candCount) {
            return;
        }
        double bound = relaxed(pos, value + dfsBeta * size, l) - dfsBeta * dfsSlots;
        if (bound < dfsBest && candCount - pos > slots) {
            // the continuous bound ignores the count limit; the per-device one keeps it
            bound = Math.max(bound, here + gain(pos, l, slots));
        }
        if (bound >= dfsBest) {
            return;
        }
        if (++dfsNodes > budget) {
            // out of budget: this subtree stays open, its bound is what P_n can still be
            openMin = Math.min(openMin, bound);
            return;
        }
        double w = candW[pos];
        stack[size] = pos;
        dfs(pos + 1, value + candV[pos], l + w, size + 1);
        dfs(pos + 1, value, l, size);
    }

    /**
     * The continuous relaxation of the completions without the count limit, with every value
     * raised by the count price β ({@link #countPrice}): with the candidates sorted by decreasing
     * ratio −(v+β)/w, take them whole while the ratio exceeds the marginal load cost 2L/F after
     * adding them, then the fraction that makes both equal (its KKT point). For a set S of at most
     * {@code dfsSlots} devices, {@code f(S) ≥ f(S) + β(|S| − slots)}, so this minus β·slots (the
     * caller's part) bounds every completion that keeps the count limit.
     */
    private double relaxed(int pos, double value, double l) {
        double v = value;
        double load = l;
        for (int j = pos; j < candCount; j++) {
            double r = candKey[j];
            double w = candW[j];
            if (r * dfsF <= 2 * load) {
                break;
            }
            double vb = candV[j] + dfsBeta;
            if (r * dfsF >= 2 * (load + w)) {
                v += vb;
                load += w;
            } else {
                double x = (r * dfsF / 2 - load) / w;
                v += vb * x;
                load += w * x;
                break;
            }
        }
        return v + load * load / dfsF;
    }

    /**
     * A count price β ≥ 0 near the multiplier of the count limit in the continuous relaxation of
     * the whole pricing problem: 0 when that relaxation takes at most {@code slots} devices, else
     * found by bisection on the (non-increasing) number of devices it takes at values v+β. Any
     * β ≥ 0 gives a valid bound; this one makes it (nearly) the count-limited continuous bound.
     */
    private double countPrice(double base, int slots) {
        if (relaxedCount(0, base) <= slots) {
            return 0;
        }
        double lo = 0;
        double hi = 0;
        for (int j = 0; j < candCount; j++) {
            hi = Math.max(hi, -candV[j]);
        }
        for (int it = 0; it < COUNT_PRICE_STEPS; it++) {
            double mid = (lo + hi) / 2;
            if (relaxedCount(mid, base) > slots) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private static final int COUNT_PRICE_STEPS = 24;

    /** Σx of the continuous solution (no count limit) at values v+β, from the base load. */
    private double relaxedCount(double beta, double base) {
        int k = 0;
        for (int j = 0; j < candCount; j++) {
            double r = -(candV[j] + beta) / candW[j];
            if (r * dfsF > 2 * base) {
                // insertion into tmp, by decreasing ratio
                int b = k++;
                while (b > 0 && tmpKey[b - 1] < r) {
                    tmpKey[b] = tmpKey[b - 1];
                    tmpW[b] = tmpW[b - 1];
                    b--;
                }
                tmpKey[b] = r;
                tmpW[b] = candW[j];
            }
        }
        double load = base;
        double taken = 0;
        for (int j = 0; j < k; j++) {
            double r = tmpKey[j];
            double w = tmpW[j];
            if (r * dfsF <= 2 * load) {
                break;
            }
            if (r * dfsF >= 2 * (load + w)) {
                load += w;
                taken += 1;
            } else {
                taken += (r * dfsF / 2 - load) / w;
                break;
            }
        }
        return taken;
    }

    /** The sum of the {@code slots} most negative {@code v_i + (2 l w_i + w_i²)/F} over candidates pos.. (≤ 0). */
    private double gain(int pos, double l, int slots) {
        int negatives = 0;
        double sum = 0;
        for (int j = pos; j < candCount; j++) {
            double w = candW[j];
            double d = candV[j] + (2 * l * w + w * w) / dfsF;
            if (d < 0) {
                slotBuffer[negatives++] = d;
                sum += d;
            }
        }
        if (negatives <= slots) {
            return sum;
        }
        // keep the `slots` smallest: partial selection sort, slots is at most the server capacity
        sum = 0;
        for (int s = 0; s < slots; s++) {
            int arg = s;
            for (int j = s + 1; j < negatives; j++) {
                if (slotBuffer[j] < slotBuffer[arg]) {
                    arg = j;
                }
            }
            double t = slotBuffer[arg];
            slotBuffer[arg] = slotBuffer[s];
            slotBuffer[s] = t;
            sum += t;
        }
        return sum;
    }
}
