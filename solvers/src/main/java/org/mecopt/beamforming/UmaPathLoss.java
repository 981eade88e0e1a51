package org.mecopt.beamforming;

/**
 * 3GPP TR 38.901 Urban Macro (UMa) path loss, LOS probability and shadowing (Table 7.4.1-1 and
 * Table 7.4.2-1), the large-scale model of MODEL.md §5's generator. Distances in m, {@code fc} in GHz,
 * losses in dB. The breakpoint uses the effective environment height {@code h_E = 1 m}, which is
 * what the table prescribes for user heights below 13 m ({@code C(d2D, h_UT) = 0}); the formulas
 * are stated for {@code 10 m ≤ d2D ≤ 5 km}, and shorter distances are evaluated at 10 m.
 *
 * @param carrierGHz {@code f_c}
 * @param stationHeightM {@code h_BS} (25 m in UMa)
 * @param userHeightM {@code h_UT} (1.5 m here)
 */
public record UmaPathLoss(double carrierGHz, double stationHeightM, double userHeightM) {

    /** LOS shadow-fading standard deviation, dB. */
    public static final double LOS_SHADOWING_DB = 4;
    /** NLOS shadow-fading standard deviation, dB. */
    public static final double NLOS_SHADOWING_DB = 6;
    /** The shortest 2D distance the formulas hold for, m. */
    public static final double MIN_DISTANCE_M = 10;
    private static final double LIGHT_SPEED = 299_792_458.0;

    /** MODEL.md §5: 3.5 GHz, stations at 25 m, users at 1.5 m. */
    public static final UmaPathLoss DEFAULT = new UmaPathLoss(3.5, 25, 1.5);

    /** {@code d'_BP = 4 h'_BS h'_UT f_c / c} with {@code h' = h − 1 m}. */
    public double breakpointM() {
        return 4 * (stationHeightM - 1) * (userHeightM - 1) * carrierGHz * 1e9 / LIGHT_SPEED;
    }

    private double distance3d(double d2d) {
        double dh = stationHeightM - userHeightM;
        return Math.sqrt(d2d * d2d + dh * dh);
    }

    /** {@code PL_UMa-LOS}. */
    public double losDb(double d2dM) {
        double d2d = Math.max(MIN_DISTANCE_M, d2dM);
        double d3d = distance3d(d2d);
        double bp = breakpointM();
        double f = 20 * Math.log10(carrierGHz);
        if (d2d <= bp) {
            return 28.0 + 22 * Math.log10(d3d) + f;
        }
        double dh = stationHeightM - userHeightM;
        return 28.0 + 40 * Math.log10(d3d) + f - 9 * Math.log10(bp * bp + dh * dh);
    }

    /** {@code PL_UMa-NLOS = max(PL_UMa-LOS, PL'_UMa-NLOS)}. */
    public double nlosDb(double d2dM) {
        double d2d = Math.max(MIN_DISTANCE_M, d2dM);
        double nlos = 13.54 + 39.08 * Math.log10(distance3d(d2d)) + 20 * Math.log10(carrierGHz)
                - 0.6 * (userHeightM - 1.5);
        return Math.max(losDb(d2d), nlos);
    }

    /** {@code Pr_LOS} of Table 7.4.2-1 (UMa). */
    public double losProbability(double d2dM) {
        if (d2dM <= 18) {
            return 1;
        }
        double c = userHeightM <= 13 ? 0 : Math.pow((userHeightM - 13) / 10, 1.5);
        double base = 18 / d2dM + Math.exp(-d2dM / 63) * (1 - 18 / d2dM);
        return base * (1 + c * 1.25 * Math.pow(d2dM / 100, 3) * Math.exp(-d2dM / 150));
    }
}
