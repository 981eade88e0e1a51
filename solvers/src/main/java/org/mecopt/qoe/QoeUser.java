package org.mecopt.qoe;

/**
 * One user of a {@link QoeInstance}: {@code QoE(p) = maxQoe / (1 + exp(steepnessPerS · (fixedLatencyS
 * + workloadCycles/p − midpointS)))} for the CPU rate p (Hz) it is given.
 *
 * @param fixedLatencyS d_u: communication plus forwarding latency, s, ≥ 0
 * @param workloadCycles w_u = η V κ, cycles, > 0
 * @param maxQoe L_u, > 0 (1 in seed 003)
 * @param steepnessPerS α_u, 1/s, > 0
 * @param midpointS β_u, the latency at which QoE is half of L_u, s
 */
public record QoeUser(double fixedLatencyS, double workloadCycles, double maxQoe, double steepnessPerS,
                      double midpointS) {

    /** The QoE at CPU rate {@code p} Hz (0 when p ≤ 0). */
    public double qoe(double p) {
        return sigmoid(1).value(p);
    }

    /** The service latency {@code d + w/p} in s (infinite when p ≤ 0). */
    public double latency(double p) {
        return p > 0 ? fixedLatencyS + workloadCycles / p : Double.POSITIVE_INFINITY;
    }

    /** This user's QoE as a sigmoid of {@code p / scaleHz} (the solver uses the capacity as scale). */
    public QoeSigmoid sigmoid(double scaleHz) {
        return new QoeSigmoid(maxQoe, steepnessPerS, fixedLatencyS, workloadCycles / scaleHz, midpointS);
    }
}
