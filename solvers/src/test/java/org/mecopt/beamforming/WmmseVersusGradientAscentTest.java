package org.mecopt.beamforming;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mecopt.api.SolverOptions;

/**
 * WMMSE against a general-purpose local method on tiny instances (B = 2, M = 2, I = 3, N = 2, no
 * minimum rates, Q = I): projected gradient ascent on the weighted sum rate, with a central
 * finite-difference gradient (independent of any derivation), Armijo backtracking and the exact
 * projection onto the per-station power balls, from six random starts. WMMSE (three starts) must
 * come within 1e-3 of the best point found.
 */
class WmmseVersusGradientAscentTest {

    /** Σ_i α_i Σ_n log2(1 + SINR) per Hz, via the evaluator (itself checked against hand values). */
    private static double value(BeamformingInstance p, double[] w) {
        return BeamformingEvaluator.weightedSumRate(p, BeamformingEvaluator.rates(p, w)) / p.subcarrierBandwidthHz();
    }

    private static void project(BeamformingInstance p, double[] w) {
        double[] power = BeamformingEvaluator.stationPower(p.channel(), w);
        ComplexTensor shape = p.channel();
        for (int b = 0; b < power.length; b++) {
            double max = p.stations().get(b).maxPowerW();
            if (power[b] > max) {
                double f = Math.sqrt(max / power[b]);
                for (int ni = 0; ni < shape.subcarriers() * shape.users(); ni++) {
                    int from = (ni * shape.totalAntennas() + shape.offset(b)) * 2;
                    for (int k = from; k < from + 2 * shape.antennas(b); k++) {
                        w[k] *= f;
                    }
                }
            }
        }
    }

    static double gradientAscent(BeamformingInstance p, double[] w) {
        double scale = Math.sqrt(p.stations().get(0).maxPowerW());
        double f = value(p, w);
        double step = 1e-3 * scale;
        double[] g = new double[w.length];
        for (int it = 0; it < 1500; it++) {
            for (int k = 0; k < w.length; k++) {
                double h = 1e-6 * scale;
                double keep = w[k];
                w[k] = keep + h;
                double up = value(p, w);
                w[k] = keep - h;
                double down = value(p, w);
                w[k] = keep;
                g[k] = (up - down) / (2 * h);
            }
            boolean moved = false;
            for (int tries = 0; tries < 60; tries++) {
                double[] c = w.clone();
                for (int k = 0; k < c.length; k++) {
                    c[k] += step * g[k];
                }
                project(p, c);
                double ascent = 0;
                for (int k = 0; k < c.length; k++) {
                    ascent += g[k] * (c[k] - w[k]);
                }
                double fc = value(p, c);
                if (fc >= f + 1e-4 * ascent && fc > f) {
                    System.arraycopy(c, 0, w, 0, w.length);
                    f = fc;
                    step *= 2;
                    moved = true;
                    break;
                }
                step /= 2;
            }
            if (!moved) {
                break;
            }
        }
        return f;
    }

    @Test
    void wmmseIsWithinATenthOfAPercentOfTheBestGradientAscentPoint() {
        BeamformingGenerator.Config c = BeamformingGenerator.Config.DEFAULT.withSizes(2, 2, 3, 2).withMinRateBitsPerHz(0)
                .withMaxPowerW(1e-3);
        for (long seed = 1; seed <= 4; seed++) {
            BeamformingInstance p = BeamformingGenerator.generate(c, seed);
            Random random = new Random(seed);
            double best = Double.NEGATIVE_INFINITY;
            for (int start = 0; start < 6; start++) {
                double[] w = new double[p.channel().size()];
                for (int k = 0; k < w.length; k++) {
                    w[k] = random.nextGaussian();
                }
                project(p, w);
                double[] power = BeamformingEvaluator.stationPower(p.channel(), w);
                for (int k = 0; k < w.length; k++) { // start at full power
                    w[k] *= Math.sqrt(p.stations().get(0).maxPowerW() / Math.max(power[0], power[1]));
                }
                best = Math.max(best, gradientAscent(p, w));
            }
            double wmmse = new WmmseSolver().solve(p, SolverOptions.defaults().withParameter("tolerance", "1e-7")
                    .withMaxIterations(3000)).objective() / p.subcarrierBandwidthHz();
            assertTrue(wmmse >= best * (1 - 1e-3), "seed " + seed + ": wmmse " + wmmse + " vs gradient ascent " + best);
        }
    }
}
