package org.mecopt.offloading;

/**
 * A wireless device with one task to offload in full.
 *
 * @param inputBits task input size {@code S_m} in bits
 * @param cycles task workload {@code C_m} in CPU cycles (total, not per bit)
 * @param txPowerW transmit power {@code P_m} in W
 */
public record Device(double inputBits, double cycles, double txPowerW) {
}
