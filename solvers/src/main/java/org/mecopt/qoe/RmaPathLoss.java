package org.mecopt.qoe;

/**
 * Line-of-sight path loss of the 3GPP rural macro (RMa) scenario, TR 38.900 Table 7.4.1-1, as
 * seed 003 eqs. (2)–(5) write it:
 * {@code PL1(d3) = 20 lg(40π d3 fc/3) + min(0.03 h^1.72, 10) lg(d3) − min(0.044 h^1.72, 14.77) + 0.002 lg(h) d3}
 * (fc in GHz) up to the break point {@code d_BP = 2π h_BS h_UT fc / c} (fc in Hz), and
 * {@code PL2 = PL1(d_BP) + 40 lg(d3 / d_BP)} beyond it. The formula is stated for
 * {@code 10 m ≤ d2D ≤ 10 km}; it is evaluated as is outside that range.
 */
public final class RmaPathLoss {
    private RmaPathLoss() {
    }

    /** Speed of light used by the standard, m/s. */
    public static final double C = 3e8;

    /** The break-point distance in m. */
    public static double breakPoint(double bsHeightM, double userHeightM, double carrierHz) {
        return 2 * Math.PI * bsHeightM * userHeightM * carrierHz / C;
    }

    /**
     * The path loss in dB.
     *
     * @param distance2dM ground distance user–BS, m
     * @param bsHeightM BS antenna height, m (35 in seed 003)
     * @param userHeightM user antenna height, m (1.5)
     * @param buildingHeightM average building height h, m (5)
     * @param carrierHz carrier frequency, Hz (5e9)
     */
    public static double lossDb(double distance2dM, double bsHeightM, double userHeightM, double buildingHeightM,
                                double carrierHz) {
        double dz = bsHeightM - userHeightM;
        double d3 = Math.hypot(distance2dM, dz);
        double bp = breakPoint(bsHeightM, userHeightM, carrierHz);
        if (distance2dM <= bp) {
            return pl1(d3, buildingHeightM, carrierHz);
        }
        double bp3 = Math.hypot(bp, dz);
        return pl1(bp3, buildingHeightM, carrierHz) + 40 * Math.log10(d3 / bp3);
    }

    private static double pl1(double d3, double h, double carrierHz) {
        double fcGhz = carrierHz / 1e9;
        double hp = Math.pow(h, 1.72);
        return 20 * Math.log10(40 * Math.PI * d3 * fcGhz / 3) + Math.min(0.03 * hp, 10) * Math.log10(d3)
                - Math.min(0.044 * hp, 14.77) + 0.002 * Math.log10(h) * d3;
    }
}
