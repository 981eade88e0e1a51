package org.mecopt.latency;

import java.util.Arrays;

/**
 * Power coefficients and offloading ratios, with the latencies they give (for reading; the
 * problem recomputes latencies from power and ratio when it checks a solution).
 *
 * @param power {@code power[n][k] = p_{n,k}}, a share of user k's power budget on subcarrier n
 * @param offloadRatio {@code ρ_k}, the offloaded share of user k's task
 * @param latencyS {@code τ_k} in s
 */
public record LatencySolution(double[][] power, double[] offloadRatio, double[] latencyS) {

    public LatencySolution {
        power = deepCopy(power);
        offloadRatio = offloadRatio.clone();
        latencyS = latencyS.clone();
    }

    @Override
    public double[][] power() {
        return deepCopy(power);
    }

    @Override
    public double[] offloadRatio() {
        return offloadRatio.clone();
    }

    @Override
    public double[] latencyS() {
        return latencyS.clone();
    }

    /** {@code p_{n,k}} without copying. */
    public double power(int n, int k) {
        return power[n][k];
    }

    public double ratio(int k) {
        return offloadRatio[k];
    }

    static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatencySolution s && Arrays.deepEquals(power, s.power)
                && Arrays.equals(offloadRatio, s.offloadRatio) && Arrays.equals(latencyS, s.latencyS);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(power) * 31 + Arrays.hashCode(offloadRatio);
    }

    @Override
    public String toString() {
        return "LatencySolution[power=" + Arrays.deepToString(power) + ", offloadRatio=" + Arrays.toString(offloadRatio) + "]";
    }
}
