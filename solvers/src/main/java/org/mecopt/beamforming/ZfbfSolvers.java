package org.mecopt.beamforming;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.Status;

/**
 * MODEL.md §5's baselines (our reconstruction): a user selection per subcarrier, zero-forcing
 * directions over the stacked network-wide channel ({@link ZeroForcing}), and one equal power per
 * beam scaled down until the tightest station meets its limit. Minimum rates are not pursued; unmet
 * ones are reported as violations. Feasible in power and Q by construction; no optimality claim.
 */
public final class ZfbfSolvers {
    private ZfbfSolvers() {
    }

    /** Users per subcarrier the baselines schedule at most: {@code min(Q, I, A)} (ZF needs |S| ≤ A). */
    static int capacity(BeamformingInstance p) {
        return Math.min(p.maxUsersPerSubcarrier(), Math.min(p.userCount(), p.totalAntennas()));
    }

    private abstract static class Zfbf extends BeamformingSolver {

        /** The users scheduled on subcarrier n, with ZF directions that exist; iterations counted in {@code count}. */
        abstract int[] select(BeamformingInstance p, int n, SolveContext context, long[] count);

        @Override
        protected Outcome<BeamformingSolution> search(BeamformingInstance p, SolveContext context) {
            double[] directions = new double[p.channel().size()];
            long[] count = {0};
            boolean limit = false;
            for (int n = 0; n < p.subcarrierCount(); n++) {
                if (context.timeUp()) { // the subcarriers not reached yet stay unscheduled
                    limit = true;
                    break;
                }
                int[] users = select(p, n, context, count);
                double[][] d = ZeroForcing.directions(p, n, users);
                for (int k = 0; k < users.length; k++) {
                    ZeroForcing.place(p, directions, n, users[k], d[k]);
                }
            }
            double[] beams = ZeroForcing.equalPower(p, directions);
            if (!finite(beams)) {
                return Outcome.of(Status.NUMERICAL_ERROR, p.solution(ComplexTensor.zeros(p.channel())))
                        .withIterations(count[0]).withMessage("zero-forcing produced non-finite beams");
            }
            return Outcome.of(limit ? Status.LIMIT_REACHED : Status.FEASIBLE, p.solution(beams))
                    .withIterations(count[0]).withMessage(limit ? "time limit: later subcarriers left unscheduled" : "");
        }
    }

    /**
     * {@code rsa-zfbf}: {@code min(Q, I, A)} users drawn uniformly per subcarrier (seeded); a user whose
     * channel makes the set rank-deficient is left out. Iterations: subcarriers.
     */
    public static final class Random extends Zfbf {
        @Override
        public String name() {
            return "rsa-zfbf";
        }

        @Override
        public String guarantee() {
            return "feasible in power and Q (random selection, ZF, equal power), no optimality claim;"
                    + " minimum rates not pursued";
        }

        @Override
        int[] select(BeamformingInstance p, int n, SolveContext context, long[] count) {
            // n + 1: seed 0 on subcarrier 0 would be xoroshiro's all-zero state, which outputs 0 forever
            // (and bounded nextInt then never returns; found by the random property)
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {context.seed(), n + 1L});
            int users = p.userCount();
            int[] order = new int[users];
            for (int i = 0; i < users; i++) {
                order[i] = i;
            }
            int q = capacity(p);
            for (int k = 0; k < q; k++) { // partial Fisher–Yates
                int r = k + rng.nextInt(users - k);
                int t = order[k];
                order[k] = order[r];
                order[r] = t;
            }
            List<Integer> chosen = new ArrayList<>();
            for (int k = 0; k < q; k++) {
                chosen.add(order[k]);
                if (ZeroForcing.directions(p, n, toArray(chosen)) == null) {
                    chosen.remove(chosen.size() - 1);
                }
            }
            count[0]++;
            return toArray(chosen);
        }
    }

    /**
     * {@code gsa-zfbf}: per subcarrier, users are added greedily by the largest gain in
     * {@code Σ_{i∈S} α_i log2(1 + p_n |h_{n,i}^H ŵ_{n,i}|² / σ²)}, where {@code p_n} is the equal power
     * per beam that keeps every station within {@code P_b / N} on this subcarrier, until no user adds
     * to it or {@code min(Q, I, A)} are scheduled; the final powers are then the network-wide equal
     * power. Iterations: candidate sets evaluated.
     */
    public static final class Greedy extends Zfbf {
        @Override
        public String name() {
            return "gsa-zfbf";
        }

        @Override
        public String guarantee() {
            return "feasible in power and Q (greedy selection by marginal weighted rate, ZF, equal power),"
                    + " no optimality claim; minimum rates not pursued";
        }

        @Override
        int[] select(BeamformingInstance p, int n, SolveContext context, long[] count) {
            List<Integer> chosen = new ArrayList<>();
            boolean[] taken = new boolean[p.userCount()];
            double current = 0;
            int q = capacity(p);
            while (chosen.size() < q) {
                int bestUser = -1;
                double bestValue = current;
                for (int i = 0; i < p.userCount(); i++) {
                    if (taken[i]) {
                        continue;
                    }
                    chosen.add(i);
                    double value = value(p, n, toArray(chosen));
                    count[0]++;
                    chosen.remove(chosen.size() - 1);
                    if (value > bestValue) {
                        bestValue = value;
                        bestUser = i;
                    }
                }
                if (bestUser < 0) {
                    break;
                }
                chosen.add(bestUser);
                taken[bestUser] = true;
                current = bestValue;
            }
            return toArray(chosen);
        }

        /** The weighted rate (bit/s/Hz) of set S on subcarrier n under ZF at its per-subcarrier equal power; −∞ if ZF fails. */
        private static double value(BeamformingInstance p, int n, int[] set) {
            double[][] d = ZeroForcing.directions(p, n, set);
            if (d == null) {
                return Double.NEGATIVE_INFINITY;
            }
            ComplexTensor shape = p.channel();
            double power = Double.POSITIVE_INFINITY;
            for (int b = 0; b < p.stationCount(); b++) {
                double load = 0;
                int from = 2 * shape.offset(b);
                int to = from + 2 * shape.antennas(b);
                for (double[] direction : d) {
                    for (int k = from; k < to; k++) {
                        load += direction[k] * direction[k];
                    }
                }
                if (load > 0) {
                    power = Math.min(power, p.stations().get(b).maxPowerW() / p.subcarrierCount() / load);
                }
            }
            double[] h = shape.raw();
            int stride = 2 * p.totalAntennas();
            double sum = 0;
            for (int k = 0; k < set.length; k++) {
                int base = (n * p.userCount() + set[k]) * stride;
                double re = 0;
                double im = 0;
                for (int a = 0; a < stride; a += 2) {
                    re += h[base + a] * d[k][a] + h[base + a + 1] * d[k][a + 1];
                    im += h[base + a] * d[k][a + 1] - h[base + a + 1] * d[k][a];
                }
                sum += p.users().get(set[k]).weight() * Math.log1p(power * (re * re + im * im) / p.noiseW()) / Math.log(2);
            }
            return sum;
        }
    }

    /**
     * Zero-forcing beams at equal power for the {@code min(Q, I, A)} users with the strongest weighted
     * channels {@code α_i ‖h_{n,i}‖²} on each subcarrier (those whose channels keep the set full rank):
     * WMMSE's first start, good at high SNR where WMMSE itself converges slowly.
     */
    static double[] strongestUsersBeams(BeamformingInstance p) {
        double[] directions = new double[p.channel().size()];
        double[] h = p.channel().raw();
        int stride = 2 * p.totalAntennas();
        for (int n = 0; n < p.subcarrierCount(); n++) {
            Integer[] order = new Integer[p.userCount()];
            double[] strength = new double[p.userCount()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                int base = (n * p.userCount() + i) * stride;
                for (int k = base; k < base + stride; k++) {
                    strength[i] += h[k] * h[k];
                }
                strength[i] *= p.users().get(i).weight();
            }
            java.util.Arrays.sort(order, (x, y) -> Double.compare(strength[y], strength[x]));
            List<Integer> chosen = new ArrayList<>();
            for (int k = 0; k < order.length && chosen.size() < capacity(p); k++) {
                chosen.add(order[k]);
                if (ZeroForcing.directions(p, n, toArray(chosen)) == null) {
                    chosen.remove(chosen.size() - 1);
                }
            }
            int[] users = toArray(chosen);
            double[][] d = ZeroForcing.directions(p, n, users);
            for (int k = 0; k < users.length; k++) {
                ZeroForcing.place(p, directions, n, users[k], d[k]);
            }
        }
        return ZeroForcing.equalPower(p, directions);
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
