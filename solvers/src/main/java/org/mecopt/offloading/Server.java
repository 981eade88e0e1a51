package org.mecopt.offloading;

/**
 * An edge server.
 *
 * @param cpuHz CPU frequency {@code F_n} in cycles/s, shared among the tasks it serves
 * @param maxTasks the most tasks {@code Mmax_n} it may serve at once
 */
public record Server(double cpuHz, int maxTasks) {
}
