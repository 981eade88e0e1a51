package org.mecopt.models.offloading;

import java.util.List;
import org.mecopt.models.learning.LearnedSolver;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.OffloadingSolution;

/**
 * {@code dqn-rao}: seed 004's DQN-based resource allocation and offloading, a trained Q-network
 * playing the assignment device by device over the servers with free slots, then the KKT CPU split
 * ({@link DqnRaoModel}). The model directory is the solver parameter {@code model}; without it, the
 * bundled model whose size fits the instance: 9 × 3 (the paper's setting, {@code maxTasks} 3) or
 * 20 × 4 ({@code maxTasks} 6), both trained on heterogeneous servers U[5, 9] GHz. Other sizes are
 * UNSUPPORTED without a model of their own ({@code mecopt train offloading}). It reports no bound:
 * the decision is the point (use {@code local-search} or {@code exact} for a certified gap).
 */
public final class DqnRaoSolver extends LearnedSolver<OffloadingInstance, OffloadingSolution> {
    public static final String NAME = "dqn-rao";
    static final List<Bundle> PRETRAINED = List.of(
            new Bundle("org/mecopt/models/pretrained/offloading-dqn-rao-m9-n3/", DqnRaoModel.FILES),
            new Bundle("org/mecopt/models/pretrained/offloading-dqn-rao-m20-n4/", DqnRaoModel.FILES));

    public DqnRaoSolver() {
        this(null);
    }

    private DqnRaoSolver(DqnRaoModel fixed) {
        super("offloading", OffloadingInstance.class, DqnRaoModel::load, PRETRAINED, "mecopt train offloading", fixed);
    }

    /** A solver answering with {@code model} (as training and evaluation measure it). */
    public static DqnRaoSolver with(DqnRaoModel model) {
        return new DqnRaoSolver(model);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String guarantee() {
        return "feasible: a trained Q-network assigns devices in index order to servers with free slots, KKT CPU split"
                + " (bundled models for 9x3 and 20x4; measured gap to the optimum in docs/dqn-rao.md)";
    }
}
