package org.mecopt.latency;

/**
 * A user with one task that it may split between local computing and offloading.
 *
 * @param taskBits task size {@code Z_k} in bits
 * @param cyclesPerBit processing density {@code C_k} in cycles/bit
 * @param cpuHz local CPU frequency {@code f_k}
 */
public record LatencyUser(double taskBits, double cyclesPerBit, double cpuHz) {
}
