package org.mecopt.models.latency;

import java.util.List;
import org.mecopt.api.Deadline;
import org.mecopt.api.Result;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverParameter;
import org.mecopt.latency.InterferenceFreeBound;
import org.mecopt.latency.LatencyInstance;
import org.mecopt.latency.LatencySolution;
import org.mecopt.latency.PowerBalancing;
import org.mecopt.models.learning.LearnedSolver;

/**
 * {@code cnn-lstm}: the solution a trained CNN-LSTM predicts, through its {@link Head} (by default
 * powers feasible by construction with the best offloading ratios), finished by
 * {@value #DEFAULT_BALANCE_SWEEPS} sweeps of {@link PowerBalancing} along the predicted shapes (solver
 * parameter {@code balance}; 0 returns the network's output as it is). The model directory is the
 * solver parameter {@code model}; without it the model bundled for seed 001's default setting
 * (cell-free, K = 10, N = 4, M = 64, gain features) is used.
 */
public final class CnnLstmSolver extends LearnedSolver<LatencyInstance, LatencySolution> {
    public static final String NAME = "cnn-lstm";
    public static final String BALANCE_PARAMETER = "balance";
    /**
     * Sweeps of {@link PowerBalancing} after the network by default: on the bundled model's test set
     * they take the median gap from 0.98 % to 0.62 % (p95 from 4.97 % to 3.22 %) for about 13 µs
     * (docs/models.md).
     */
    public static final int DEFAULT_BALANCE_SWEEPS = 3;
    /** The bundled model: its classpath folder and files. */
    static final Bundle PRETRAINED = new Bundle("org/mecopt/models/pretrained/latency-cellfree-k10-n4-m64/",
            List.of(LatencyModel.MANIFEST, "cnn-lstm-0000.params"));
    static final SolverParameter<Integer> BALANCE = SolverParameter.integer(BALANCE_PARAMETER, DEFAULT_BALANCE_SWEEPS,
            0, Integer.MAX_VALUE, "sweeps of power balancing after the network (0: the network's output as it is)");
    /** The instance that evaluation and tests call directly (the registry has its own; both share the model cache). */
    private static final CnnLstmSolver SOLVER = new CnnLstmSolver();

    public CnnLstmSolver() {
        this(null);
    }

    private CnnLstmSolver(LatencyModel fixed) {
        super("latency", LatencyInstance.class, LatencyModel::load, PRETRAINED, "mecopt train latency", fixed);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String guarantee() {
        return "feasible: powers predicted by a trained CNN-LSTM (parameter model=DIR, or the bundled K=10 N=4 M=64 model),"
                + " then balance=" + DEFAULT_BALANCE_SWEEPS + " sweeps of power balancing (never worse; 0: the network alone)";
    }

    @Override
    protected List<SolverParameter<?>> repairParameters() {
        return List.of(BALANCE);
    }

    @Override
    protected LatencySolution repair(LatencyInstance instance, LatencySolution prediction, SolveContext context) {
        return balanced(instance, prediction, context.value(BALANCE), context.deadline());
    }

    @Override
    protected Double bound(LatencyInstance instance) {
        return InterferenceFreeBound.lowerBound(instance);
    }

    /** The solver's answer with a loaded model (as {@code evaluate} times it). */
    static Result<LatencySolution> solveWithModel(LatencyModel model, LatencyInstance instance, SolverOptions options) {
        return new CnnLstmSolver(model).solve(instance, options);
    }

    /** The options that run the network then {@code sweeps} of balancing. */
    static SolverOptions withBalance(int sweeps) {
        return SolverOptions.defaults().withParameter(BALANCE_PARAMETER, Integer.toString(sweeps));
    }

    /** The prediction after {@code sweeps} of {@link PowerBalancing}, with the best ratios (unchanged for 0). */
    static LatencySolution balanced(LatencyInstance instance, LatencySolution prediction, int sweeps) {
        return balanced(instance, prediction, sweeps, Deadline.NEVER);
    }

    /** {@link #balanced(LatencyInstance, LatencySolution, int)}, the sweeps ending early at the deadline. */
    static LatencySolution balanced(LatencyInstance instance, LatencySolution prediction, int sweeps, Deadline deadline) {
        return sweeps == 0 ? prediction
                : instance.solutionFor(PowerBalancing.balance(instance, prediction.power(), sweeps, deadline));
    }

    /** The bundled model (seed 001's default setting). */
    static LatencyModel pretrained() {
        return (LatencyModel) SOLVER.bundled();
    }
}
