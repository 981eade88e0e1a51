package org.mecopt.deadline;

import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.channel.ThreeSlopePathLoss;
import org.mecopt.channel.Units;

/**
 * Every constant of the {@code deadline-energy} simulator (MODEL.md §4, seed 000). {@link #defaults()}
 * is the paper's setting; values the paper leaves out are marked (ours) and can be changed here.
 *
 * @param users                 K = 10 single-antenna users (agents)
 * @param aps                   M = 100 single-antenna APs
 * @param radiusM               disk holding users and APs, 1 000 m (as §2's {@code cellfree})
 * @param pathLoss              three-slope path loss with shadowing (Ngo et al. 2017, as §2)
 * @param xrProbability         probability that a user is XR (else IoT), 0.4
 * @param steps                 T = 200 steps per episode (a time limit: truncation)
 * @param stepS                 Δt = 1 ms
 * @param bandwidthHz           W = 20 MHz, shared by all users (full-band interference)
 * @param rateFactor            (τ_c − τ_p)/τ_c = 0.95 with τ_c = 200, τ_p = 10 (ours)
 * @param noiseDensityDbmPerHz  −174 dBm/Hz
 * @param noiseFigureDb         9 dB
 * @param pMaxW                 p_max = 0.1 W
 * @param fMaxHz                f_max = 1 GHz, each user's CPU
 * @param edgeHz                F_edge = 100 GHz, the edge server, shared proportionally (eq. 5)
 * @param phi                   φ = 1e-28, effective switched capacitance (ours)
 * @param epsilon               ε = 1e-9 of eqs. (5)–(9) and (12)
 * @param xr                    XR tasks (Table I) and period 20 steps (ours)
 * @param iot                   IoT tasks (Table I) and period 5 steps (ours)
 * @param reward                weights of eq. (12) (ours)
 * @param observedMinCyclesPerBit  C is observed as {@code (C − min)/(max − min)}: 100 (ours, Table I's range)
 * @param observedMaxCyclesPerBit  800 (ours)
 * @param observedMinSumBetaDb  Σ_m β_mk is observed as {@code (dB − min)/(max − min)} clipped to [0,1]: −130 dB (ours)
 * @param observedMaxSumBetaDb  −70 dB (ours)
 */
public record DeadlineEnergyConfig(int users, int aps, double radiusM, ThreeSlopePathLoss pathLoss, double xrProbability,
                                   int steps, double stepS, double bandwidthHz, double rateFactor,
                                   double noiseDensityDbmPerHz, double noiseFigureDb, double pMaxW, double fMaxHz,
                                   double edgeHz, double phi, double epsilon, TaskProfile xr, TaskProfile iot,
                                   RewardWeights reward, double observedMinCyclesPerBit, double observedMaxCyclesPerBit,
                                   double observedMinSumBetaDb, double observedMaxSumBetaDb) {

    private static final DeadlineEnergyConfig DEFAULTS = new DeadlineEnergyConfig(10, 100, 1000,
            ThreeSlopePathLoss.NGO_2017, 0.4, 200, 1e-3, 2e7, 0.95, -174, 9, 0.1, 1e9, 1e11, 1e-28, 1e-9,
            TaskProfile.XR, TaskProfile.IOT, RewardWeights.DEFAULTS, 100, 800, -130, -70);

    public DeadlineEnergyConfig {
        Check.atLeast("users", users, 1);
        Check.atLeast("aps", aps, 1);
        Check.positive("radiusM", radiusM);
        Check.present("pathLoss", pathLoss);
        if (!(xrProbability >= 0 && xrProbability <= 1)) {
            throw new InvalidInstanceException("xrProbability", xrProbability, "must be in [0, 1]");
        }
        Check.atLeast("steps", steps, 1);
        Check.positive("stepS", stepS);
        Check.positive("bandwidthHz", bandwidthHz);
        if (!(rateFactor > 0 && rateFactor <= 1)) {
            throw new InvalidInstanceException("rateFactor", rateFactor, "must be in (0, 1]");
        }
        if (!Double.isFinite(noiseDensityDbmPerHz)) {
            throw new InvalidInstanceException("noiseDensityDbmPerHz", noiseDensityDbmPerHz, "must be finite");
        }
        if (!Double.isFinite(noiseFigureDb)) {
            throw new InvalidInstanceException("noiseFigureDb", noiseFigureDb, "must be finite");
        }
        Check.positive("pMaxW", pMaxW);
        Check.positive("fMaxHz", fMaxHz);
        Check.positive("edgeHz", edgeHz);
        Check.positive("phi", phi);
        Check.positive("epsilon", epsilon);
        Check.present("xr", xr).checkNoQueue("xr", stepS);
        Check.present("iot", iot).checkNoQueue("iot", stepS);
        Check.present("reward", reward);
        Check.positive("observedMaxCyclesPerBit", observedMaxCyclesPerBit);
        if (!(observedMinCyclesPerBit >= 0 && observedMinCyclesPerBit < observedMaxCyclesPerBit)) {
            throw new InvalidInstanceException("observedMinCyclesPerBit", observedMinCyclesPerBit,
                    "must be in [0, observedMaxCyclesPerBit = " + observedMaxCyclesPerBit + ")");
        }
        if (!(Double.isFinite(observedMinSumBetaDb) && Double.isFinite(observedMaxSumBetaDb)
                && observedMinSumBetaDb < observedMaxSumBetaDb)) {
            throw new InvalidInstanceException("observedMinSumBetaDb", observedMinSumBetaDb,
                    "must be finite and < observedMaxSumBetaDb = " + observedMaxSumBetaDb);
        }
        for (TaskProfile p : new TaskProfile[] {xr, iot}) {
            if (p.minCyclesPerBit() < observedMinCyclesPerBit || p.maxCyclesPerBit() > observedMaxCyclesPerBit) {
                throw new InvalidInstanceException("observedMinCyclesPerBit..observedMaxCyclesPerBit",
                        observedMinCyclesPerBit + ".." + observedMaxCyclesPerBit,
                        "must contain every class's cycles per bit (" + p.minCyclesPerBit() + ".." + p.maxCyclesPerBit() + ")");
            }
        }
    }

    /** The paper's setting with our choices for what it leaves out (MODEL.md §4). */
    public static DeadlineEnergyConfig defaults() {
        return DEFAULTS;
    }

    /** The same setting with K users. */
    public DeadlineEnergyConfig withUsers(int k) {
        return new DeadlineEnergyConfig(k, aps, radiusM, pathLoss, xrProbability, steps, stepS, bandwidthHz, rateFactor,
                noiseDensityDbmPerHz, noiseFigureDb, pMaxW, fMaxHz, edgeHz, phi, epsilon, xr, iot, reward,
                observedMinCyclesPerBit, observedMaxCyclesPerBit, observedMinSumBetaDb, observedMaxSumBetaDb);
    }

    /** The same setting with M APs. */
    public DeadlineEnergyConfig withAps(int m) {
        return new DeadlineEnergyConfig(users, m, radiusM, pathLoss, xrProbability, steps, stepS, bandwidthHz, rateFactor,
                noiseDensityDbmPerHz, noiseFigureDb, pMaxW, fMaxHz, edgeHz, phi, epsilon, xr, iot, reward,
                observedMinCyclesPerBit, observedMaxCyclesPerBit, observedMinSumBetaDb, observedMaxSumBetaDb);
    }

    /** The same setting with T steps per episode. */
    public DeadlineEnergyConfig withSteps(int t) {
        return new DeadlineEnergyConfig(users, aps, radiusM, pathLoss, xrProbability, t, stepS, bandwidthHz, rateFactor,
                noiseDensityDbmPerHz, noiseFigureDb, pMaxW, fMaxHz, edgeHz, phi, epsilon, xr, iot, reward,
                observedMinCyclesPerBit, observedMaxCyclesPerBit, observedMinSumBetaDb, observedMaxSumBetaDb);
    }

    /** Noise power σ² over W, in W (−174 dBm/Hz + 9 dB over 20 MHz ≈ 6.3e-13 W). */
    public double noiseW() {
        return Units.noisePowerW(noiseDensityDbmPerHz, noiseFigureDb, bandwidthHz);
    }

    /** E_max = φ f_max³ Δt + p_max Δt, the most a user can spend in a step (2e-4 J by default). */
    public double maxStepEnergyJ() {
        return phi * fMaxHz * fMaxHz * fMaxHz * stepS + pMaxW * stepS;
    }

    /** The rate of a user at SINR γ: {@code W·rateFactor·log2(1 + γ)}. */
    public double rateBps(double sinr) {
        return bandwidthHz * rateFactor * Math.log1p(sinr) / Math.log(2);
    }

    /** The SINR that gives {@code rateBps} (inverse of {@link #rateBps}). */
    public double sinrFor(double rateBps) {
        return Math.expm1(rateBps / (bandwidthHz * rateFactor) * Math.log(2));
    }

    public TaskProfile profile(TaskClass c) {
        return c == TaskClass.XR ? xr : iot;
    }
}
