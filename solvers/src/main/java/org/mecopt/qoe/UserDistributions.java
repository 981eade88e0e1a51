package org.mecopt.qoe;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.mecopt.api.Check;
import org.mecopt.api.Range;

/**
 * How seed-003 users are drawn (Table III, MODEL.md §3). Ranges are uniform {@code [min, max]};
 * α and β are normal, α redrawn until it lies in {@link QoeRanges#STEEPNESS_PER_S} (a draw of N(15, 4²) is
 * negative with probability 1e-4; below 1e-6 with about 1e-13, so seeded instances are as before).
 * Data sizes in KB mean 1000 bytes.
 *
 * @param distanceMinM ground distance to the connected BS, m (30–100)
 * @param bandwidthMinHz wireless bandwidth B_u, Hz (2·8 to 7·8 MHz, read as a continuous range)
 * @param noiseMinDbm noise power N_u, dBm (−120 to −80, uniform in dBm)
 * @param txPowerDbm transmit power I_u, dBm (20)
 * @param bsHeightM BS height (35 m)
 * @param userHeightM user height (1.5 m)
 * @param buildingHeightM average building height (5 m)
 * @param carrierHz carrier frequency (5 GHz)
 * @param taskKbMin task volume V^T, KB (200–800)
 * @param resultKbMin result volume V^R, KB (10–20)
 * @param cyclesPerBitMin computing intensity κ, cycles/bit (228–328)
 * @param etaMin processing factor η_u^h (0.5–8)
 * @param steepnessMeanPerS mean of α in 1/s (15, i.e. 0.015 per ms)
 * @param steepnessSdPerS standard deviation of α in 1/s (4)
 * @param midpointMeanS mean of β in s (0.350)
 * @param midpointSdS standard deviation of β in s (0.010)
 * @param maxQoe L_u (1)
 */
public record UserDistributions(double distanceMinM, double distanceMaxM, double bandwidthMinHz, double bandwidthMaxHz,
                                double noiseMinDbm, double noiseMaxDbm, double txPowerDbm, double bsHeightM,
                                double userHeightM, double buildingHeightM, double carrierHz,
                                double taskKbMin, double taskKbMax, double resultKbMin, double resultKbMax,
                                double cyclesPerBitMin, double cyclesPerBitMax, double etaMin, double etaMax,
                                double steepnessMeanPerS, double steepnessSdPerS, double midpointMeanS,
                                double midpointSdS, double maxQoe) {

    /** Seed 003 Table III. */
    public static final UserDistributions SEED_003 = new UserDistributions(30, 100, 16e6, 56e6, -120, -80, 20, 35, 1.5, 5,
            5e9, 200, 800, 10, 20, 228, 328, 0.5, 8, 15, 4, 0.350, 0.010, 1);

    public UserDistributions {
        Check.ordered("distanceMinM", distanceMinM, "distanceMaxM", distanceMaxM);
        Check.positive("distanceMinM", distanceMinM);
        Check.positive("bandwidthMinHz", bandwidthMinHz);
        Check.ordered("bandwidthMinHz", bandwidthMinHz, "bandwidthMaxHz", bandwidthMaxHz);
        Check.ordered("noiseMinDbm", noiseMinDbm, "noiseMaxDbm", noiseMaxDbm);
        Check.positive("bsHeightM", bsHeightM);
        Check.positive("userHeightM", userHeightM);
        Check.positive("buildingHeightM", buildingHeightM);
        Check.positive("carrierHz", carrierHz);
        Check.positive("taskKbMin", taskKbMin);
        Check.ordered("taskKbMin", taskKbMin, "taskKbMax", taskKbMax);
        Check.nonNegative("resultKbMin", resultKbMin);
        Check.ordered("resultKbMin", resultKbMin, "resultKbMax", resultKbMax);
        Check.positive("cyclesPerBitMin", cyclesPerBitMin);
        Check.ordered("cyclesPerBitMin", cyclesPerBitMin, "cyclesPerBitMax", cyclesPerBitMax);
        Check.positive("etaMin", etaMin);
        Check.ordered("etaMin", etaMin, "etaMax", etaMax);
        // α is redrawn until it lies in the instance's range: a mean inside it and a spread no wider
        // than it keep the chance of a draw landing inside above a third, so the redrawing ends
        QoeRanges.STEEPNESS_PER_S.check("steepnessMeanPerS", steepnessMeanPerS);
        new Range(0, QoeRanges.STEEPNESS_PER_S.max()).check("steepnessSdPerS", steepnessSdPerS);
        Check.nonNegative("midpointSdS", midpointSdS);
        Check.positive("maxQoe", maxQoe);
    }

    /** A copy with another mean of β (seed 003 Fig. 9). */
    public UserDistributions withMidpointMeanS(double meanS) {
        return new UserDistributions(distanceMinM, distanceMaxM, bandwidthMinHz, bandwidthMaxHz, noiseMinDbm,
                noiseMaxDbm, txPowerDbm, bsHeightM, userHeightM, buildingHeightM, carrierHz, taskKbMin, taskKbMax,
                resultKbMin, resultKbMax, cyclesPerBitMin, cyclesPerBitMax, etaMin, etaMax, steepnessMeanPerS,
                steepnessSdPerS, meanS, midpointSdS, maxQoe);
    }

    /** A copy with another maximum task volume V^T in KB (seed 003 Fig. 10). */
    public UserDistributions withTaskKbMax(double maxKb) {
        return new UserDistributions(distanceMinM, distanceMaxM, bandwidthMinHz, bandwidthMaxHz, noiseMinDbm,
                noiseMaxDbm, txPowerDbm, bsHeightM, userHeightM, buildingHeightM, carrierHz, taskKbMin, maxKb,
                resultKbMin, resultKbMax, cyclesPerBitMin, cyclesPerBitMax, etaMin, etaMax, steepnessMeanPerS,
                steepnessSdPerS, midpointMeanS, midpointSdS, maxQoe);
    }

    /** The user-side draws that do not depend on servers. */
    public record Draw(double distanceM, double bandwidthHz, double noiseDbm, double taskBits, double resultBits,
                       double cyclesPerBit, double steepnessPerS, double midpointS) {
    }

    /** Public because both the qoe generator and the edge system's generator draw users this way. */
    public Draw draw(UniformRandomProvider rng, ZigguratSampler.NormalizedGaussian gauss) {
        double distance = uniform(rng, distanceMinM, distanceMaxM);
        double bandwidth = uniform(rng, bandwidthMinHz, bandwidthMaxHz);
        double noise = uniform(rng, noiseMinDbm, noiseMaxDbm);
        double task = 8e3 * uniform(rng, taskKbMin, taskKbMax);
        double result = 8e3 * uniform(rng, resultKbMin, resultKbMax);
        double kappa = uniform(rng, cyclesPerBitMin, cyclesPerBitMax);
        double alpha;
        do {
            alpha = steepnessMeanPerS + steepnessSdPerS * gauss.sample();
        } while (!QoeRanges.STEEPNESS_PER_S.contains(alpha));
        double beta = midpointMeanS + midpointSdS * gauss.sample();
        return new Draw(distance, bandwidth, noise, task, result, kappa, alpha, beta);
    }

    /** Uplink+downlink latency {@code (V^T + V^R) / (B log2(1 + I g / N))} of eq. (1), s. */
    public double wirelessLatency(Draw d) {
        double lossDb = RmaPathLoss.lossDb(d.distanceM(), bsHeightM, userHeightM, buildingHeightM, carrierHz);
        double snr = Math.pow(10, (txPowerDbm - lossDb - d.noiseDbm()) / 10);
        double rate = d.bandwidthHz() * Math.log1p(snr) / Math.log(2);
        return (d.taskBits() + d.resultBits()) / rate;
    }

    public double eta(UniformRandomProvider rng) {
        return uniform(rng, etaMin, etaMax);
    }

    public static double uniform(UniformRandomProvider rng, double min, double max) {
        return min == max ? min : min + (max - min) * rng.nextDouble();
    }
}
