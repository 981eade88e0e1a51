package org.mecopt.offloading;

import java.util.Arrays;
import java.util.Map;
import java.util.function.LongFunction;
import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.env.Box;
import org.mecopt.env.Discrete;
import org.mecopt.env.EpisodicEnv;
import org.mecopt.env.Info;
import org.mecopt.env.Reset;
import org.mecopt.env.Space;
import org.mecopt.env.Step;

/**
 * Seed 004's DQN-RAO environment (§III–IV, MODEL.md §6): an episode assigns the M devices of one
 * instance in index order, one server per step; the episode terminates after the last device.
 *
 * <p><b>Observation</b> (in engineering units so that the paper's ranges are O(1); a learner should
 * still standardize): the paper's eq. (11) — every gain {@code h_mn}, every input size {@code S_m}
 * in Mbit, every workload {@code C_m} in Gcycles, each server's free slots {@code Mmax_n − u_n} —
 * plus what the paper's state omits although its own reward and objective depend on it: which
 * device is next (one-hot), each server's CPU {@code F_n} in GHz (servers are heterogeneous), and
 * each server's assigned load {@code Σ √C_j} in √Gcycles. Without the load the state is not Markov
 * for the true objective: two partial assignments with the same free slots can have different
 * costs to go. Last, the next device's own costs per server, which the network could compute from
 * the rest only through a product with the one-hot: its transmission delay {@code tx_mn} and the
 * marginal compute delay {@code ((Σ_n + √C_m)² − Σ_n²)/F_n} in s, and the load still to place
 * {@code Σ_{j ≥ m} √C_j}. Layout: {@code [h (M×N, row-major), S (M), C (M), free (N), next (M),
 * F (N), load (N), tx of next (N), compute of next (N), remaining load (1)]}; all zero after the
 * last device.
 *
 * <p><b>Action</b>: a server. With {@link Options#maskFullServers()} (the default) full servers are
 * masked in {@code info}; otherwise a full server may be chosen, costs the penalty λ, and the
 * episode's assignment is infeasible (the paper's variant).
 *
 * <p><b>Reward</b>: {@link Reward#PAPER} is eq. (13), {@code −(tx_ma + C_m/(F_a/(u_a+1))) − λ·1[overload]},
 * an equal CPU share among the tasks placed so far; {@link Reward#KKT_MARGINAL} is the increase of
 * the true summed delay under the KKT split, {@code −(tx_ma + ((Σ_a + √C_m)² − Σ_a²)/F_a)}, so an
 * episode's return is exactly {@code −M·D} of the assignment it builds.
 *
 * <p>At the end, {@code info} holds {@code averageDelay} (D under the KKT split) and
 * {@code overloads}; {@link #assignment()} gives the assignment built so far.
 */
public final class OffloadingEnv extends EpisodicEnv<Integer> {

    public enum Reward { PAPER, KKT_MARGINAL }

    /**
     * @param reward          the reward of a step
     * @param overloadPenalty the paper's λ, charged for placing a task on a full server (unmasked only)
     * @param maskFullServers mask full servers instead of penalizing them
     */
    public record Options(Reward reward, double overloadPenalty, boolean maskFullServers) {
        /** The paper's reward with full servers masked (the penalty is then never charged). */
        public static final Options PAPER = new Options(Reward.PAPER, 10.0, true);
        /** The marginal KKT cost: the return is {@code −M·D}. */
        public static final Options KKT = new Options(Reward.KKT_MARGINAL, 10.0, true);

        public Options {
            if (reward == null) {
                throw new IllegalArgumentException("reward must be given");
            }
            if (!(overloadPenalty >= 0) || Double.isInfinite(overloadPenalty)) {
                throw new IllegalArgumentException("overloadPenalty = " + overloadPenalty + " must be finite and >= 0");
            }
        }
    }

    private static final double MBIT = 1e6;
    private static final double GCYCLES = 1e9;
    private static final double GHZ = 1e9;

    private final LongFunction<OffloadingInstance> instances;
    private final Options options;
    private final int devices;
    private final int servers;
    private OffloadingInstance instance;
    private double[][] tx;
    private double[] work;
    private int next;
    private int[] used;
    private double[] load;
    private int[] assignment;
    private int overloads;

    private OffloadingEnv(LongFunction<OffloadingInstance> instances, int devices, int servers, Options options) {
        super(0);
        this.instances = instances;
        this.devices = devices;
        this.servers = servers;
        this.options = options;
    }

    /** Each episode plays a new instance drawn from {@code config} with a seed from the episode stream. */
    public static OffloadingEnv sampling(OffloadingGenerator.Config config, Options options) {
        return new OffloadingEnv(seed -> OffloadingGenerator.generate(config, seed), config.devices(),
                config.servers(), options);
    }

    /** Every episode plays {@code instance} (for acting on one instance, or evaluation). */
    public static OffloadingEnv fixed(OffloadingInstance instance, Options options) {
        return new OffloadingEnv(seed -> instance, instance.deviceCount(), instance.serverCount(), options);
    }

    /** Observation length for M devices and N servers: {@code M(N+3) + 5N + 1}. */
    public static int observationSize(int devices, int servers) {
        return devices * (servers + 3) + 5 * servers + 1;
    }

    @Override
    public Box observationSpace() {
        int size = observationSize(devices, servers);
        double[] low = new double[size];
        double[] high = new double[size];
        Arrays.fill(high, Double.POSITIVE_INFINITY);
        int free = devices * (servers + 2);
        // Unmasked, a server can be overfilled: its free slots go down to maxTasks − M.
        Arrays.fill(low, free, free + servers, options.maskFullServers() ? 0 : -devices);
        int nextStart = free + servers;
        Arrays.fill(high, nextStart, nextStart + devices, 1);
        return new Box(low, high);
    }

    @Override
    public Space<Integer> actionSpace() {
        return new Discrete(servers);
    }

    public Options options() {
        return options;
    }

    /** The instance of the current episode. */
    public OffloadingInstance instance() {
        if (instance == null) {
            throw new IllegalStateException("no episode yet: call reset(seed)");
        }
        return instance;
    }

    /** The servers chosen so far, in device order ({@code -1} for devices not yet placed). */
    public int[] assignment() {
        return assignment.clone();
    }

    @Override
    protected Reset begin(UniformRandomProvider rng) {
        instance = instances.apply(rng.nextLong()); // of the environment's shape: both factories take it from their source
        tx = new double[devices][servers];
        work = new double[devices];
        for (int m = 0; m < devices; m++) {
            work[m] = Math.sqrt(instance.devices().get(m).cycles());
            for (int n = 0; n < servers; n++) {
                tx[m][n] = instance.transmissionDelay(m, n);
            }
        }
        next = 0;
        used = new int[servers];
        load = new double[servers];
        assignment = new int[devices];
        Arrays.fill(assignment, -1);
        overloads = 0;
        return new Reset(observe(), Info.masked(mask()));
    }

    @Override
    protected Step advance(Integer action, UniformRandomProvider rng) {
        int m = next;
        int n = action;
        double cpu = instance.servers().get(n).cpuHz();
        boolean overload = used[n] >= instance.servers().get(n).maxTasks();
        double cost = switch (options.reward()) {
            case PAPER -> tx[m][n] + instance.devices().get(m).cycles() * (used[n] + 1) / cpu;
            case KKT_MARGINAL -> tx[m][n] + (2 * load[n] + work[m]) * work[m] / cpu;
        };
        double reward = -cost - (overload ? options.overloadPenalty() : 0);
        overloads += overload ? 1 : 0;
        assignment[m] = n;
        used[n]++;
        load[n] += work[m];
        next++;
        boolean last = next == devices;
        Info info = last
                ? new Info(null, Map.of("averageDelay", averageDelay(), "overloads", (double) overloads))
                : Info.masked(mask());
        return new Step(observe(), reward, last, false, info);
    }

    /** D of the completed assignment under the KKT split (feasibility aside). */
    private double averageDelay() {
        double sum = 0;
        for (int m = 0; m < devices; m++) {
            sum += tx[m][assignment[m]];
        }
        for (int n = 0; n < servers; n++) {
            sum += load[n] * load[n] / instance.servers().get(n).cpuHz();
        }
        return sum / devices;
    }

    private boolean[] mask() {
        if (!options.maskFullServers()) {
            return null;
        }
        boolean[] allowed = new boolean[servers];
        for (int n = 0; n < servers; n++) {
            allowed[n] = used[n] < instance.servers().get(n).maxTasks();
        }
        return allowed;
    }

    private double[] observe() {
        double[] obs = new double[observationSize(devices, servers)];
        int k = 0;
        for (int m = 0; m < devices; m++) {
            for (int n = 0; n < servers; n++) {
                obs[k++] = instance.gain(m, n);
            }
        }
        for (int m = 0; m < devices; m++) {
            obs[k++] = instance.devices().get(m).inputBits() / MBIT;
        }
        for (int m = 0; m < devices; m++) {
            obs[k++] = instance.devices().get(m).cycles() / GCYCLES;
        }
        for (int n = 0; n < servers; n++) {
            obs[k++] = instance.servers().get(n).maxTasks() - used[n];
        }
        if (next < devices) {
            obs[k + next] = 1;
        }
        k += devices;
        for (int n = 0; n < servers; n++) {
            obs[k++] = instance.servers().get(n).cpuHz() / GHZ;
        }
        for (int n = 0; n < servers; n++) {
            obs[k++] = load[n] / Math.sqrt(GCYCLES);
        }
        if (next < devices) {
            for (int n = 0; n < servers; n++) {
                obs[k + n] = tx[next][n];
                obs[k + servers + n] = (2 * load[n] + work[next]) * work[next] / instance.servers().get(n).cpuHz();
            }
            double remaining = 0;
            for (int m = next; m < devices; m++) {
                remaining += work[m];
            }
            obs[k + 2 * servers] = remaining / Math.sqrt(GCYCLES);
        }
        return obs;
    }
}
