package org.mecopt.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mecopt.api.Result;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.Status;

/**
 * WMMSE against closed forms: one user and one station (maximum-ratio transmission and
 * water-filling over the subcarriers), and two users with orthogonal channels (weighted
 * water-filling over all 2N interference-free channels). The references are computed here, by
 * bisection on the water level, independently of the solver.
 */
class WmmseClosedFormTest {

    static final SolverOptions TIGHT = SolverOptions.defaults().withParameter("tolerance", "1e-11")
            .withMaxIterations(3_000);

    /** {@code max Σ_k α_k log2(1 + p_k g_k) s.t. Σ p_k = P}: {@code p_k = (α_k / ν − 1/g_k)^+}, ν by bisection. */
    static double weightedWaterFilling(double[] gain, double[] weight, double power) {
        double lo = 1e-300;
        double hi = 1e300;
        for (int it = 0; it < 4000; it++) {
            double nu = Math.sqrt(lo * hi);
            double used = 0;
            for (int k = 0; k < gain.length; k++) {
                used += Math.max(0, weight[k] / nu - 1 / gain[k]);
            }
            if (used > power) {
                lo = nu;
            } else {
                hi = nu;
            }
        }
        double value = 0;
        for (int k = 0; k < gain.length; k++) {
            value += weight[k] * Math.log1p(Math.max(0, weight[k] / hi - 1 / gain[k]) * gain[k]) / Math.log(2);
        }
        return value;
    }

    @Test
    void oneUserOneStationIsMaximumRatioWithWaterFilling() {
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1 + random.nextInt(6);
            int m = 1 + random.nextInt(4);
            double noise = 1e-13;
            double power = 0.5 + random.nextDouble();
            double[] h = new double[2 * n * m];
            double[] gain = new double[n];
            for (int c = 0; c < n; c++) {
                double level = Math.sqrt(noise * Math.pow(10, -2 + 6 * random.nextDouble())); // −20 to +40 dB per antenna
                for (int a = 0; a < m; a++) {
                    for (int z = 0; z < 2; z++) {
                        double v = level * random.nextGaussian();
                        h[(c * m + a) * 2 + z] = v;
                        gain[c] += v * v / noise;
                    }
                }
            }
            BeamformingInstance p = new BeamformingInstance(1e5, noise, 1, List.of(new BeamformingStation(m, power)),
                    List.of(new BeamformingUser(1.5, 0)), ComplexTensor.of("channel", n, 1, new int[] {m}, h));
            double expected = 1e5 * weightedWaterFilling(gain, filled(n, 1.5), power);
            Result<BeamformingSolution> r = new WmmseSolver().solve(p, TIGHT);
            assertEquals(Status.FEASIBLE, r.status(), r.message());
            assertEquals(expected, r.objective(), 1e-6 * expected, "trial " + trial + " " + r.iterations() + " " + r.message()
                    + java.util.Arrays.toString(p.evaluate(r.solution().beams()).sinr()) + " gains " + java.util.Arrays.toString(gain));
        }
    }

    @Test
    void twoUsersWithOrthogonalChannelsShareByWeightedWaterFilling() {
        Random random = new Random(12);
        for (int trial = 0; trial < 5; trial++) {
            int n = 1 + random.nextInt(5);
            double noise = 1e-13;
            double power = 1;
            double[] h = new double[2 * n * 2 * 2];
            double[] gain = new double[2 * n];
            double[] weights = {1, 2.5};
            double[] weight = new double[2 * n];
            for (int c = 0; c < n; c++) {
                for (int i = 0; i < 2; i++) { // user i hears antenna i only
                    double level = Math.sqrt(noise * Math.pow(10, -2 + 6 * random.nextDouble()));
                    double re = level * random.nextGaussian();
                    double im = level * random.nextGaussian();
                    int k = ((c * 2 + i) * 2 + i) * 2;
                    h[k] = re;
                    h[k + 1] = im;
                    gain[2 * c + i] = (re * re + im * im) / noise;
                    weight[2 * c + i] = weights[i];
                }
            }
            BeamformingInstance p = new BeamformingInstance(1e5, noise, 2, List.of(new BeamformingStation(2, power)),
                    List.of(new BeamformingUser(weights[0], 0), new BeamformingUser(weights[1], 0)),
                    ComplexTensor.of("channel", n, 2, new int[] {2}, h));
            double expected = 1e5 * weightedWaterFilling(gain, weight, power);
            Result<BeamformingSolution> r = new WmmseSolver().solve(p, TIGHT);
            assertEquals(Status.FEASIBLE, r.status(), r.message());
            assertEquals(expected, r.objective(), 1e-6 * expected, "trial " + trial + " " + r.iterations() + " " + r.message()
                    + java.util.Arrays.toString(p.evaluate(r.solution().beams()).sinr()) + " gains " + java.util.Arrays.toString(gain));
        }
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    @Test
    void theScheduleRespectsQAndMinimumRatesAreMetOrReported() {
        BeamformingGenerator.Config c = BeamformingGenerator.Config.DEFAULT.withSizes(2, 2, 4, 3);
        BeamformingInstance oneUser = BeamformingGenerator.generate(c.withMaxUsersPerSubcarrier(1).withMinRateBitsPerHz(0), 4);
        Result<BeamformingSolution> r = new WmmseSolver().solve(oneUser, SolverOptions.defaults());
        assertTrue(r.hasFeasibleSolution(), r.status() + " " + r.violations());
        for (int count : oneUser.evaluate(r.solution().beams()).usersPerSubcarrier()) {
            assertTrue(count <= 1, "users on a subcarrier: " + count);
        }
        // the weakest user's rate without a minimum, then a minimum above it that WMMSE must reach
        BeamformingInstance free = BeamformingGenerator.generate(c.withMinRateBitsPerHz(0), 5);
        double[] rates = new WmmseSolver().solve(free, SolverOptions.defaults()).solution().rateBps();
        int weakest = 0;
        for (int i = 1; i < rates.length; i++) {
            weakest = rates[i] < rates[weakest] ? i : weakest;
        }
        double target = 1.3 * rates[weakest];
        List<BeamformingUser> users = new ArrayList<>(free.users());
        users.set(weakest, new BeamformingUser(1, target));
        BeamformingInstance demanding = new BeamformingInstance(free.subcarrierBandwidthHz(), free.noiseW(),
                free.maxUsersPerSubcarrier(), free.stations(), users, free.channel());
        Result<BeamformingSolution> met = new WmmseSolver().solve(demanding, SolverOptions.defaults());
        assertEquals(Status.FEASIBLE, met.status(), met.violations() + " " + met.message());
        assertTrue(met.solution().rateBps()[weakest] >= target * (1 - 1e-9));
        users.set(weakest, new BeamformingUser(1, 1e12)); // beyond any power: reported, not hidden
        BeamformingInstance impossible = new BeamformingInstance(free.subcarrierBandwidthHz(), free.noiseW(),
                free.maxUsersPerSubcarrier(), free.stations(), users, free.channel());
        Result<BeamformingSolution> unmet = new WmmseSolver().solve(impossible, SolverOptions.defaults());
        assertEquals(Status.INFEASIBLE_POINT, unmet.status());
        assertEquals(1, unmet.violations().size(), unmet.violations().toString());
        assertTrue(unmet.violations().get(0).startsWith("user " + weakest + " gets "), unmet.violations().toString());
        assertTrue(unmet.message().contains("minimum rates not met"), unmet.message());
    }
}
