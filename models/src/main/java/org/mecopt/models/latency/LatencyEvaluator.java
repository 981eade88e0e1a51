package org.mecopt.models.latency;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.datasets.DatasetReader;
import org.mecopt.datasets.Row;
import org.mecopt.latency.InterferenceFreeBound;
import org.mecopt.latency.Baselines;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.models.learning.Quantiles;

/**
 * A trained model on a labelled test set: per instance the relative latency gap
 * {@code τ_model/τ_ICA − 1} (seed 001 Fig. 2) of the {@code cnn-lstm} solver (the network, then
 * {@link org.mecopt.latency.PowerBalancing}) and of the network alone, next to equal-power's with and without the same
 * balancing, the share of raw network outputs that were feasible before any repair, and the time per
 * instance of the {@code cnn-lstm} solver at batch 1 against the label solver's on the same instances,
 * and of one batched forward pass.
 */
public final class LatencyEvaluator {
    private LatencyEvaluator() {
    }

    /**
     * One test instance.
     *
     * @param modelLatency the {@code cnn-lstm} solver's max latency (with the evaluation's balancing)
     * @param gap its relative gap to the label
     * @param networkGap the gap of the network's output alone, before balancing
     * @param balancedEqualPowerGap the gap of equal-power after the same balancing: what balancing
     *     alone makes of a prediction-free start
     * @param closedFormRatioGap the gap of the model's powers with the best ratios in closed form (the
     *     same as {@code gap} for the softmax-slack head; for the regression head it separates the error
     *     of its powers from that of its ratios)
     * @param interferenceFreeGap the gap of the {@code interference-free} baseline (the bound's
     *     water-filled powers, evaluated with interference)
     * @param lowerBound the interference-free lower bound on the optimum, in s
     */
    public record Sample(long index, long sampleSeed, double labelLatency, double modelLatency, double gap,
                         double networkGap, double equalPowerGap, double balancedEqualPowerGap, boolean feasibleRaw,
                         double closedFormRatioGap, double interferenceFreeGap, double lowerBound) {
    }

    /**
     * @param samples per instance, in dataset order
     * @param balanceSweeps the sweeps of {@link org.mecopt.latency.PowerBalancing} after the network
     * @param medianNetworkGap the median of {@link Sample#networkGap}
     * @param p95NetworkGap its 95th percentile
     * @param medianBalancedEqualPowerGap the median of {@link Sample#balancedEqualPowerGap}
     * @param batchOneMillis mean time per instance at batch 1 of the {@code cnn-lstm} solver (features,
     *     the plain-Java forward pass, decoding, the check and the lower bound), on the first (up to) 100
     *     instances, after {@value #WARM_UP_CALLS} untimed calls
     * @param batchedMillis mean time per instance of one engine forward pass over all instances
     * @param labelSolver the solver that labelled the dataset (its manifest's)
     * @param labelSolverMillis its mean solve time on the same instances, after solving 20 of them to
     *     warm up
     * @param medianClosedFormRatioGap the median of {@link Sample#closedFormRatioGap}
     * @param medianInterferenceFreeGap the median of {@link Sample#interferenceFreeGap}
     * @param medianLabelOverBound the median of {@code τ_label / lowerBound − 1}: how far the labels
     *     can be from the optimum at most
     * @param p95LabelOverBound its 95th percentile
     */
    public record Evaluation(List<Sample> samples, int balanceSweeps, double medianGap, double p95Gap, double maxGap,
                             double meanGap, double medianNetworkGap, double p95NetworkGap, double medianEqualPowerGap,
                             double medianBalancedEqualPowerGap, double feasibleRawShare, double batchOneMillis,
                             double batchedMillis, String labelSolver, double labelSolverMillis,
                             double medianClosedFormRatioGap, double medianInterferenceFreeGap,
                             double medianLabelOverBound, double p95LabelOverBound) {

        /** One per-sample value over all samples, sorted ascending (for quantiles and CDFs). */
        public double[] sorted(ToDoubleFunction<Sample> value) {
            return LatencyEvaluator.sorted(samples, value);
        }

        /** How many times faster the model is at batch 1 than the label solver. */
        public double speedUp() {
            return labelSolverMillis / batchOneMillis;
        }
    }

    /** Instances (the first of the set) on which the model and the label solver are timed. */
    static final int TIMED = 100;
    /** Timed passes of the model over them (one for the label solver, a hundred times slower). */
    static final int MODEL_PASSES = 20;
    /** Untimed model calls first: fewer left part of the forward pass to the first-tier compiler. */
    static final int WARM_UP_CALLS = 10_000;

    /** With the {@code cnn-lstm} solver's default balancing. */
    public static Evaluation evaluate(LatencyModel model, Path data) throws IOException {
        return evaluate(model, data, CnnLstmSolver.DEFAULT_BALANCE_SWEEPS);
    }

    public static Evaluation evaluate(LatencyModel model, Path data, int balanceSweeps) throws IOException {
        if (balanceSweeps < 0) {
            throw new InvalidInstanceException("--balance", balanceSweeps, "must be >= 0");
        }
        DatasetReader reader = LatencyData.open(data);
        List<Row> rows = new ArrayList<>();
        List<LatencyInstance> instances = new ArrayList<>();
        for (Row row : reader) {
            if (Double.isFinite(row.objective())) {
                rows.add(row);
                instances.add(Features.instance(row));
            }
        }
        if (rows.isEmpty()) {
            throw new InvalidInstanceException("--data", data, "has no solved rows");
        }
        Architecture a = model.architecture();
        int per = a.channels() * a.height() * a.width();
        float[] x = model.inputs(instances);
        // batch 1 as the cnn-lstm solver runs it, and the label solver, on the same instances
        String labelSolver = reader.manifest().solver();
        Solver<LatencyInstance, LatencySolution> reference = SolverRegistry.get(LatencyInstance.class, labelSolver);
        List<LatencyInstance> timed = instances.subList(0, Math.min(instances.size(), TIMED));
        SolverOptions balance = CnnLstmSolver.withBalance(balanceSweeps);
        for (int call = 0; call < WARM_UP_CALLS; call += timed.size()) { // until C2 has compiled the forward pass
            timed.forEach(instance -> CnnLstmSolver.solveWithModel(model, instance, balance));
        }
        long t0 = System.nanoTime();
        for (int pass = 0; pass < MODEL_PASSES; pass++) {
            timed.forEach(instance -> CnnLstmSolver.solveWithModel(model, instance, balance));
        }
        double batchOne = (System.nanoTime() - t0) / 1e6 / (MODEL_PASSES * timed.size());
        timed.subList(0, Math.min(timed.size(), 20)).forEach(reference::solve); // warm-up
        t0 = System.nanoTime();
        timed.forEach(reference::solve);
        double referenceMillis = (System.nanoTime() - t0) / 1e6 / timed.size();
        model.forward(Arrays.copyOf(x, per), 1); // warm-up of the engine
        t0 = System.nanoTime();
        float[] y = model.forward(x, instances.size());
        double batched = (System.nanoTime() - t0) / 1e6 / instances.size();

        List<Head.Prediction> predictions = model.decode(y, instances);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < instances.size(); i++) {
            LatencyInstance instance = instances.get(i);
            double label = rows.get(i).objective();
            LatencySolution network = predictions.get(i).solution();
            double tau = instance.objective(CnnLstmSolver.balanced(instance, network, balanceSweeps));
            LatencySolution equalPower = instance.solutionFor(Baselines.equalPower(instance));
            double eq = instance.objective(equalPower);
            double eqBalanced = instance.objective(CnnLstmSolver.balanced(instance, equalPower, balanceSweeps));
            double closedForm = instance.objective(instance.solutionFor(network.power()));
            double free = instance.objective(instance.solutionFor(InterferenceFreeBound.waterFilledPower(instance)));
            samples.add(new Sample(rows.get(i).index(), rows.get(i).sampleSeed(), label, tau, tau / label - 1,
                    instance.objective(network) / label - 1, eq / label - 1, eqBalanced / label - 1,
                    predictions.get(i).feasibleRaw(), closedForm / label - 1, free / label - 1,
                    InterferenceFreeBound.lowerBound(instance)));
        }
        double[] gaps = sorted(samples, Sample::gap);
        double[] networkGaps = sorted(samples, Sample::networkGap);
        double[] eqGaps = sorted(samples, Sample::equalPowerGap);
        double[] eqBalancedGaps = sorted(samples, Sample::balancedEqualPowerGap);
        double[] closedFormGaps = sorted(samples, Sample::closedFormRatioGap);
        double[] freeGaps = sorted(samples, Sample::interferenceFreeGap);
        double[] labelOverBound = sorted(samples, s -> s.labelLatency() / s.lowerBound() - 1);
        return new Evaluation(samples, balanceSweeps, Quantiles.of(gaps, 0.5), Quantiles.of(gaps, 0.95), gaps[gaps.length - 1],
                Arrays.stream(gaps).average().orElseThrow(), Quantiles.of(networkGaps, 0.5), Quantiles.of(networkGaps, 0.95),
                Quantiles.of(eqGaps, 0.5), Quantiles.of(eqBalancedGaps, 0.5),
                samples.stream().filter(Sample::feasibleRaw).count() / (double) samples.size(), batchOne, batched,
                labelSolver, referenceMillis, Quantiles.of(closedFormGaps, 0.5), Quantiles.of(freeGaps, 0.5),
                Quantiles.of(labelOverBound, 0.5), Quantiles.of(labelOverBound, 0.95));
    }

    static double[] sorted(List<Sample> samples, ToDoubleFunction<Sample> value) {
        return samples.stream().mapToDouble(value).sorted().toArray();
    }
}
