package org.mecopt.edge;

import org.mecopt.numeric.sigmoidal.Logistic;

/**
 * A user of the seed-003 edge system.
 *
 * @param connectedServer the RAN/ES it is connected to (0-based)
 * @param wirelessLatencyS d^c, eq. (1), s
 * @param taskBits V^T, bits
 * @param resultBits V^R, bits
 * @param cyclesPerBit κ
 * @param eta η_u^h per edge server (processing slow-down factor)
 * @param steepnessPerS α, 1/s
 * @param midpointS β, s
 * @param maxQoe L
 * @param distanceM 2-D distance to the connected RAN, m (the draw behind d^c; an observation feature)
 * @param bandwidthHz wireless bandwidth B_u, Hz (likewise)
 * @param noiseDbm noise power N_u, dBm (likewise)
 */
public record EdgeUser(int connectedServer, double wirelessLatencyS, double taskBits, double resultBits,
                       double cyclesPerBit, double[] eta, double steepnessPerS, double midpointS, double maxQoe,
                       double distanceM, double bandwidthHz, double noiseDbm) {

    public EdgeUser {
        eta = eta.clone();
    }

    @Override
    public double[] eta() {
        return eta.clone();
    }

    /** η on server h, without copying. */
    public double etaOn(int h) {
        return eta[h];
    }

    /** QoE for a total service latency D, eq. (11). */
    public double qoeAtLatency(double latencyS) {
        return maxQoe * Logistic.sigma(-steepnessPerS * (latencyS - midpointS));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EdgeUser e && connectedServer == e.connectedServer && wirelessLatencyS == e.wirelessLatencyS
                && taskBits == e.taskBits && resultBits == e.resultBits && cyclesPerBit == e.cyclesPerBit
                && java.util.Arrays.equals(eta, e.eta) && steepnessPerS == e.steepnessPerS
                && midpointS == e.midpointS && maxQoe == e.maxQoe && distanceM == e.distanceM
                && bandwidthHz == e.bandwidthHz && noiseDbm == e.noiseDbm;
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(connectedServer, wirelessLatencyS, taskBits, resultBits, cyclesPerBit,
                steepnessPerS, midpointS, maxQoe, distanceM, bandwidthHz, noiseDbm) + java.util.Arrays.hashCode(eta);
    }

    @Override
    public String toString() {
        return "EdgeUser[connectedServer=" + connectedServer + ", eta=" + java.util.Arrays.toString(eta) + ", …]";
    }
}
