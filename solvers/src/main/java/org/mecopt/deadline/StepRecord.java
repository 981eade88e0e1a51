package org.mecopt.deadline;

import java.util.Arrays;

/**
 * Per-user results of one step, indexed by user (zeros for users without a task): what a trace
 * records. Mutable arrays, filled by the simulator; {@link DeadlineEnergyEnv#lastStep()} hands out copies.
 */
public final class StepRecord {
    public final double[] window;
    public final double[] eta;
    public final double[] sinr;
    public final double[] rateBps;
    public final double[] edgeRateBps;
    public final double[] localBits;
    public final double[] offloadBits;
    public final double[] droppedBits;
    public final double[] localEnergyJ;
    public final double[] offloadEnergyJ;

    StepRecord(int users) {
        window = new double[users];
        eta = new double[users];
        sinr = new double[users];
        rateBps = new double[users];
        edgeRateBps = new double[users];
        localBits = new double[users];
        offloadBits = new double[users];
        droppedBits = new double[users];
        localEnergyJ = new double[users];
        offloadEnergyJ = new double[users];
    }

    private double[][] all() {
        return new double[][] {window, eta, sinr, rateBps, edgeRateBps, localBits, offloadBits, droppedBits, localEnergyJ,
            offloadEnergyJ};
    }

    void clear() {
        for (double[] a : all()) {
            Arrays.fill(a, 0);
        }
    }

    StepRecord copy() {
        StepRecord c = new StepRecord(window.length);
        double[][] from = all();
        double[][] to = c.all();
        for (int i = 0; i < from.length; i++) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
        return c;
    }
}
