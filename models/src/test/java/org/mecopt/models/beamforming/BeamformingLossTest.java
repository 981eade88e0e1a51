package org.mecopt.models.beamforming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mecopt.beamforming.BeamformingEvaluation;
import org.mecopt.beamforming.BeamformingGenerator;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.models.learning.Djl;

/**
 * The tensor loss's rates, weighted sum rate and powers equal the family's scalar evaluator on the
 * same beams: raw beams projected and gated in Java, evaluated by {@link BeamformingInstance#evaluate};
 * the same raw beams and logits through {@link BeamformingLoss#terms}.
 */
class BeamformingLossTest {

    @ParameterizedTest
    @CsvSource({"false,false", "true,false", "true,true"})
    void tensorTermsEqualTheScalarEvaluator(boolean gated, boolean common) {
        Djl.offline();
        BeamformingGenerator.Config config = BeamformingGenerator.Config.DEFAULT.withSizes(3, 2, 4, 3);
        Dimensions d = new Dimensions(3, 2, 4, 3);
        Random r = new Random(21);
        int samples = 5;
        List<BeamformingInstance> instances = new ArrayList<>();
        List<BeamformingSample> batch = new ArrayList<>();
        float[] rawRe = new float[samples * d.coefficients()];
        float[] rawIm = new float[samples * d.coefficients()];
        float[] logits = new float[samples * d.subcarriers() * d.users()];
        for (int s = 0; s < samples; s++) {
            BeamformingInstance p = BeamformingGenerator.generate(config, 70 + s);
            instances.add(p);
            batch.add(BeamformingSamples.of(p));
            double scale = s % 2 == 0 ? 0.05 : 3; // inside and outside the power ball
            for (int k = 0; k < d.coefficients(); k++) {
                rawRe[s * d.coefficients() + k] = (float) (scale * r.nextGaussian());
                rawIm[s * d.coefficients() + k] = (float) (scale * r.nextGaussian());
            }
            for (int k = 0; k < d.subcarriers() * d.users(); k++) {
                logits[s * d.subcarriers() * d.users() + k] = (float) (3 * r.nextGaussian());
            }
        }
        try (NDManager m = NDManager.newBaseManager()) {
            Shape shape = new Shape(samples, d.subcarriers(), d.users(), d.totalAntennas());
            NDList context = BeamformingBatch.context(m, batch);
            NDArray l = gated ? m.create(logits, new Shape(samples, d.subcarriers(), d.users())) : null;
            BeamformingLoss.Terms t = BeamformingLoss.terms(m.create(rawRe, shape), m.create(rawIm, shape), l, context, d, common);
            float[] se = t.spectralEfficiency().toFloatArray();
            float[] share = t.wsrShare().toFloatArray();
            float[] powerZ = t.powerZ().toFloatArray();
            float[] rateZ = t.rateZ().toFloatArray();
            for (int s = 0; s < samples; s++) {
                BeamformingInstance p = instances.get(s);
                double[] re = new double[d.coefficients()];
                double[] im = new double[d.coefficients()];
                for (int k = 0; k < re.length; k++) {
                    re[k] = rawRe[s * d.coefficients() + k];
                    im[k] = rawIm[s * d.coefficients() + k];
                }
                double[] limits = p.stations().stream().mapToDouble(x -> x.maxPowerW()).toArray();
                double[] ratio = PowerProjection.project(re, im, d, limits, common);
                double[] w = new double[2 * re.length];
                for (int k = 0; k < re.length; k++) {
                    int ni = k / d.totalAntennas();
                    double g = gated ? 1 / (1 + Math.exp(-logits[s * d.subcarriers() * d.users() + ni])) : 1;
                    w[2 * k] = g * re[k];
                    w[2 * k + 1] = g * im[k];
                }
                BeamformingEvaluation e = p.evaluate(p.solution(w).beams());
                double bandwidth = p.subcarrierBandwidthHz();
                for (int i = 0; i < d.users(); i++) {
                    double expected = e.rateBps()[i] / bandwidth;
                    assertEquals(expected, se[s * d.users() + i], 1e-4 * (1 + expected), "rate of user " + i);
                    double z = 1 - e.rateBps()[i] / p.users().get(i).minRateBps();
                    assertEquals(z, rateZ[s * d.users() + i], 1e-4 * (1 + Math.abs(z)));
                }
                double wsr = e.weightedSumRate() / bandwidth;
                assertEquals(wsr / batch.get(s).bound(), share[s], 1e-4 * (1 + share[s]));
                assertTrue(wsr <= batch.get(s).bound() * (1 + 1e-9), "the bound bounds the achieved weighted sum rate");
                for (int b = 0; b < d.stations(); b++) {
                    assertEquals(ratio[b] - 1, powerZ[s * d.stations() + b], 1e-4 * (1 + ratio[b]));
                    assertTrue(e.stationPowerW()[b] <= limits[b], "feasible by construction");
                }
            }
        }
    }
}
