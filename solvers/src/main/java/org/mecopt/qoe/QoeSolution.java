package org.mecopt.qoe;

import java.util.Arrays;

/**
 * A CPU split of one edge server.
 *
 * @param allocationHz {@code allocationHz[u]} is the CPU rate p_u user u receives, Hz
 * @param qoe {@code qoe[u]} is the QoE it gets from it (the instance checks it matches)
 */
public record QoeSolution(double[] allocationHz, double[] qoe) {

    public QoeSolution {
        allocationHz = allocationHz.clone();
        qoe = qoe.clone();
    }

    @Override
    public double[] allocationHz() {
        return allocationHz.clone();
    }

    @Override
    public double[] qoe() {
        return qoe.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QoeSolution s && Arrays.equals(allocationHz, s.allocationHz) && Arrays.equals(qoe, s.qoe);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(allocationHz) + Arrays.hashCode(qoe);
    }

    @Override
    public String toString() {
        return "QoeSolution[allocationHz=" + Arrays.toString(allocationHz) + ", qoe=" + Arrays.toString(qoe) + "]";
    }
}
