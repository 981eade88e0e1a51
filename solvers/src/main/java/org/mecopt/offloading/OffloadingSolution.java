package org.mecopt.offloading;

import java.util.Arrays;

/**
 * An offloading decision: each device's server and the CPU frequency that server gives it.
 *
 * @param assignment {@code assignment[m]} is the 0-based server of device m
 * @param cpuHz {@code cpuHz[m]} is the CPU frequency {@code f_mn} device m receives, in Hz
 */
public record OffloadingSolution(int[] assignment, double[] cpuHz) {

    public OffloadingSolution {
        assignment = assignment.clone();
        cpuHz = cpuHz.clone();
    }

    @Override
    public int[] assignment() {
        return assignment.clone();
    }

    @Override
    public double[] cpuHz() {
        return cpuHz.clone();
    }

    /** Server of device m, without copying. */
    public int serverOf(int m) {
        return assignment[m];
    }

    /** CPU of device m, without copying. */
    public double cpuOf(int m) {
        return cpuHz[m];
    }

    public int devices() {
        return assignment.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffloadingSolution s && Arrays.equals(assignment, s.assignment)
                && Arrays.equals(cpuHz, s.cpuHz);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(assignment) + Arrays.hashCode(cpuHz);
    }

    @Override
    public String toString() {
        return "OffloadingSolution[assignment=" + Arrays.toString(assignment) + ", cpuHz=" + Arrays.toString(cpuHz) + "]";
    }
}
