package org.mecopt.offloading;

import org.mecopt.api.Deadline;

/** Manual probe (not a test): where the 100×10 gap sits. Args: seed maxTasks mode seconds. */
public final class LargeExactProbe {
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        int maxTasks = Integer.parseInt(args[1]);
        String mode = args[2];
        double seconds = Double.parseDouble(args[3]);
        OffloadingInstance inst = OffloadingGenerator.generate(OffloadingGenerator.Config.PAPER.withSize(100, 10, maxTasks), seed);
        AssignmentCosts c = new AssignmentCosts(inst);
        LocalSearch warm = new LocalSearch(c, Heuristics.greedy(c));
        warm.run(Deadline.NEVER);
        double total = c.total(warm.assignment());
        int[] ils = LocalSearch.iterated(c, warm.assignment(), 1000, seed, Deadline.NEVER);
        double inc = c.total(ils);
        RelaxationBound.Dual dual = RelaxationBound.maximize(c, warm.assignment(), total, LocalSearchSolver.DEFAULT_BOUND_ITERATIONS);
        System.out.printf("LS %.9g  ILS1000 %.9g  relax %.9g  gap(ILS) %.2e%n", total, inc, dual.value(), (inc - dual.value()) / inc);
        if (mode.equals("ils")) {
            long end = System.nanoTime() + (long) (seconds * 1e9);
            int[] best = ils;
            long s = 1;
            while (System.nanoTime() < end) {
                int[] x = LocalSearch.iterated(c, best, 2000, seed * 1000 + s++, Deadline.NEVER);
                if (c.total(x) < c.total(best) - 1e-12) {
                    best = x;
                    System.out.printf("  ILS round %d: %.9g (%.2e below the 1000-round point)%n", s, c.total(best), (inc - c.total(best)) / inc);
                }
            }
            System.out.printf("ILS %.0f s best %.9g%n", seconds, c.total(best));
            return;
        }
        if (mode.equals("tree")) {
            int volume = Integer.parseInt(args[4]);
            long t0 = System.nanoTime();
            Deadline deadline = Deadline.in((long) (seconds * 1000), System::nanoTime);
            BranchAndBound bb = new BranchAndBound(c, ils, 1e-9, deadline, dual, BranchAndBound.DISCRETE_DEPTH);
            PartitionBound partition = new PartitionBound(c, bb.order());
            bb.usePartitionBound(partition, partition.start(dual), ExactSolver.PARTITION_DEPTH,
                    ExactSolver.PARTITION_ROOT_ITERATIONS, ExactSolver.PARTITION_NODE_ITERATIONS, 0, true);
            bb.useRootVolume(volume);
            bb.useRootRepair(true);
            boolean closed = bb.run();
            double inc2 = bb.bestTotal();
            System.out.printf("tree volume %d: closed %b  best %.9g  root bound %.9g (gap %.2e)  proven %.9g  removed %d  nodes %d partition nodes %d  %.0f ms%n",
                    volume, closed, inc2, bb.rootPartitionBound(), (inc2 - bb.rootPartitionBound()) / inc2, bb.provenBound(),
                    bb.removedPairs(), bb.nodes(), bb.partitionNodes(), (System.nanoTime() - t0) / 1e6);
            return;
        }
        int[] order = new int[c.devices];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        PartitionBound pb = new PartitionBound(c, order);
        if (mode.equals("lp")) {
            lpBound(c, pb, dual, inc, seconds, Double.parseDouble(args[4]));
            return;
        }
        for (int steps : new int[] {150, 300, 600, 1200, 2400}) {
            double[] pi = pb.start(dual);
            long t0 = System.nanoTime();
            double lb;
            if (mode.equals("plain")) {
                lb = pb.ascend(pi, inc, inc, steps, Deadline.NEVER, PartitionBound.ROOT_THETA, PartitionBound.ROOT_PATIENCE);
            } else if (mode.equals("multi")) {
                if (steps > 150) {
                    break;
                }
                lb = pb.ascend(pi, inc, inc, 150, Deadline.NEVER, PartitionBound.ROOT_THETA, PartitionBound.ROOT_PATIENCE);
                for (int r = 0; r < PartitionBound.VOLUME_SCHEDULE.length; r++) {
                    lb = Math.max(lb, pb.ascendVolume(pi, inc, inc, 1500, Deadline.NEVER,
                            PartitionBound.VOLUME_SCHEDULE[r][0], (int) PartitionBound.VOLUME_SCHEDULE[r][1]));
                    System.out.printf("   after volume run %d: %.2e  %.0f ms%n", r, (inc - lb) / inc, (System.nanoTime() - t0) / 1e6);
                }
            } else if (mode.equals("vp") || mode.equals("pv")) {
                double theta = Double.parseDouble(args[4]);
                int patience = Integer.parseInt(args[5]);
                if (mode.equals("vp")) {
                    lb = pb.ascendVolume(pi, inc, inc, steps / 2, Deadline.NEVER, theta, patience);
                    lb = Math.max(lb, pb.ascend(pi, inc, inc, steps / 2, Deadline.NEVER, PartitionBound.ROOT_THETA, PartitionBound.ROOT_PATIENCE));
                } else {
                    lb = pb.ascend(pi, inc, inc, steps / 2, Deadline.NEVER, PartitionBound.ROOT_THETA, PartitionBound.ROOT_PATIENCE);
                    lb = Math.max(lb, pb.ascendVolume(pi, inc, inc, steps / 2, Deadline.NEVER, theta, patience));
                }
            } else {
                double theta = Double.parseDouble(args[4]);
                int patience = Integer.parseInt(args[5]);
                lb = pb.ascendVolume(pi, inc, inc, steps, Deadline.NEVER, theta, patience);
            }
            double ms = (System.nanoTime() - t0) / 1e6;
            System.out.printf("%s %5d steps: LB %.9g gap %.2e  %.0f ms%n", mode, steps, lb, (inc - lb) / inc, ms);
            if (ms > seconds * 1000) {
                break;
            }
        }
    }

    /**
     * Boxstep cutting planes on the dual of the set-partitioning LP: max Σπ + Σσ subject to
     * π(S) + σ_n ≤ cost_n(S) for the columns found so far, π within δ of the center; each LP point's
     * exact LB (pricing) is a proven bound, the LP value without an active box an upper bound on it.
     */
    static void lpBound(AssignmentCosts c, PartitionBound pb, RelaxationBound.Dual dual, double inc, double seconds, double delta) {
        int m = c.devices;
        int n = c.servers;
        double[] center = pb.start(dual);
        double centerLb = pb.ascendVolume(center, inc, inc, 2400, Deadline.NEVER, PartitionBound.VOLUME_SCHEDULE[0][0], (int) PartitionBound.VOLUME_SCHEDULE[0][1]);
        System.out.printf("volume start LB %.9g gap %.2e%n", centerLb, (inc - centerLb) / inc);
        java.util.List<org.hipparchus.optim.linear.LinearConstraint> cuts = new java.util.ArrayList<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        double[] pi = center.clone();
        pb.evaluate(pi);
        int it = 0;
        while (System.nanoTime() < end) {
            for (int s = 0; s < n; s++) {
                int[] set = pb.bestSet(s);
                double[] row = new double[m + n];
                double load = 0;
                double cost = 0;
                for (int i : set) {
                    row[i] = 1;
                    load += c.work[i];
                    cost += c.tx[i][s];
                }
                cost += load * load / c.cpu[s];
                row[m + s] = 1;
                cuts.add(new org.hipparchus.optim.linear.LinearConstraint(row, org.hipparchus.optim.linear.Relationship.LEQ, cost));
            }
            java.util.List<org.hipparchus.optim.linear.LinearConstraint> all = new java.util.ArrayList<>(cuts);
            for (int i = 0; i < m; i++) {
                double[] row = new double[m + n];
                row[i] = 1;
                all.add(new org.hipparchus.optim.linear.LinearConstraint(row, org.hipparchus.optim.linear.Relationship.LEQ, center[i] + delta));
                all.add(new org.hipparchus.optim.linear.LinearConstraint(row, org.hipparchus.optim.linear.Relationship.GEQ, center[i] - delta));
            }
            double[] obj = new double[m + n];
            java.util.Arrays.fill(obj, 1);
            org.hipparchus.optim.PointValuePair sol;
            try {
                sol = new org.hipparchus.optim.linear.SimplexSolver().optimize(new org.hipparchus.optim.MaxIter(100000),
                        new org.hipparchus.optim.linear.LinearObjectiveFunction(obj, 0),
                        new org.hipparchus.optim.linear.LinearConstraintSet(all),
                        org.hipparchus.optim.nonlinear.scalar.GoalType.MAXIMIZE,
                        new org.hipparchus.optim.linear.NonNegativeConstraint(false));
            } catch (RuntimeException e) {
                System.out.println("LP failed: " + e);
                return;
            }
            double[] x = sol.getPoint();
            System.arraycopy(x, 0, pi, 0, m);
            double lb = pb.evaluate(pi);
            int boxActive = 0;
            for (int i = 0; i < m; i++) {
                if (Math.abs(Math.abs(pi[i] - center[i]) - delta) < 1e-9) {
                    boxActive++;
                }
            }
            if (lb > centerLb) {
                centerLb = lb;
                System.arraycopy(pi, 0, center, 0, m);
            }
            it++;
            System.out.printf("it %d cuts %d  master %.9g (gap %.2e)  LB %.9g  best LB %.9g (gap %.2e)  box active %d%n", it, cuts.size(),
                    sol.getValue(), (inc - sol.getValue()) / inc, lb, centerLb, (inc - centerLb) / inc, boxActive);
            if (sol.getValue() - centerLb < 1e-9 * inc && boxActive == 0) {
                System.out.println("converged: LP bound = " + centerLb);
                return;
            }
        }
    }
}
