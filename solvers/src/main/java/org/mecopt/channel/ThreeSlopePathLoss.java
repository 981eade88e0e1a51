package org.mecopt.channel;

import org.mecopt.api.Check;

/**
 * The three-slope path loss of Ngo et al., "Cell-free massive MIMO versus small cells" (2017),
 * used by seed 001 (MODEL.md §2). With d the horizontal distance,
 * <pre>
 *   PL(d) = −L − 35 log10(d)                       d > d1
 *         = −L − 15 log10(d1) − 20 log10(d)        d0 &lt; d ≤ d1
 *         = −L − 15 log10(d1) − 20 log10(d0)       d ≤ d0          (d in km, PL in dB)
 *   L = 46.3 + 33.9 log10(f) − 13.82 log10(h_AP) − (1.1 log10(f) − 0.7) h_u + (1.56 log10(f) − 0.8)
 * </pre>
 * (f in MHz, heights in m; L = 140.7151 dB for the defaults), and log-normal shadowing of
 * {@code shadowingDb} only beyond d1, as in the reference.
 *
 * @param frequencyMhz carrier frequency f
 * @param apHeightM AP antenna height
 * @param userHeightM user antenna height
 * @param d0M inner break distance in m
 * @param d1M outer break distance in m
 * @param shadowingDb standard deviation of the shadowing beyond d1
 */
public record ThreeSlopePathLoss(double frequencyMhz, double apHeightM, double userHeightM, double d0M, double d1M,
                                 double shadowingDb) {

    /** Ngo et al. 2017 / seed 001: 1.9 GHz, 15 m AP, 1.65 m user, d0 = 10 m, d1 = 50 m, σ = 8 dB. */
    public static final ThreeSlopePathLoss NGO_2017 = new ThreeSlopePathLoss(1900, 15, 1.65, 10, 50, 8);

    public ThreeSlopePathLoss {
        Check.positive("frequencyMhz", frequencyMhz);
        Check.positive("apHeightM", apHeightM);
        Check.positive("userHeightM", userHeightM);
        Check.positive("d0M", d0M);
        Check.positive("d1M", d1M);
        Check.ordered("d0M", d0M, "d1M", d1M);
        Check.nonNegative("shadowingDb", shadowingDb);
    }

    /** The constant L of the Hata-based model, in dB. */
    public double lossConstantDb() {
        double lf = Math.log10(frequencyMhz);
        return 46.3 + 33.9 * lf - 13.82 * Math.log10(apHeightM) - (1.1 * lf - 0.7) * userHeightM + (1.56 * lf - 0.8);
    }

    /** Mean path gain PL(d) in dB (negative) at horizontal distance {@code distanceM}, without shadowing. */
    public double gainDb(double distanceM) {
        double d = distanceM / 1000;
        double d0 = d0M / 1000;
        double d1 = d1M / 1000;
        double l = lossConstantDb();
        if (d > d1) {
            return -l - 35 * Math.log10(d);
        }
        if (d > d0) {
            return -l - 15 * Math.log10(d1) - 20 * Math.log10(d);
        }
        return -l - 15 * Math.log10(d1) - 20 * Math.log10(d0);
    }

    /** Whether shadowing applies at this distance (only beyond d1). */
    public boolean shadowed(double distanceM) {
        return distanceM > d1M;
    }
}
