package org.mecopt.models.beamforming;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.List;
import org.mecopt.models.learning.Batch;
import org.mecopt.models.learning.Objective;
import org.mecopt.models.learning.Standardization;

/**
 * The self-supervised objective of the learners over {@link BeamformingSample}s: a batch's inputs are
 * the encoded channels ({@link ChannelFeatures}), its context the loss's constants
 * ({@link BeamformingBatch}) — no labels; the loss is {@link BeamformingLoss} on the network's outputs,
 * and the epochs are compared on its fixed validation criterion (the learned weights move the loss).
 */
record BeamformingObjective(BeamformingArchitecture arch, Standardization standardization, LossSettings settings)
        implements Objective<BeamformingSample> {

    @Override
    public Batch batch(NDManager m, List<BeamformingSample> samples) {
        int per = arch.inputs();
        float[] x = new float[samples.size() * per];
        for (int s = 0; s < samples.size(); s++) {
            System.arraycopy(ChannelFeatures.encode(samples.get(s), standardization, arch.method().perStation()), 0, x,
                    s * per, per);
        }
        return new Batch(new NDList(m.create(x, arch.inputShape(samples.size()))), BeamformingBatch.context(m, samples));
    }

    BeamformingLoss.Terms terms(NDList outputs, Batch batch) {
        NDList c = arch.canonical(outputs, batch.context());
        return BeamformingLoss.terms(c.get(0), c.get(1), c.get(2), batch.context(), arch.dims(), arch.commonProjection());
    }

    @Override
    public NDArray loss(NDList outputs, Batch batch) {
        return BeamformingLoss.loss(terms(outputs, batch), outputs.get(outputs.size() - 1), settings);
    }

    @Override
    public NDArray validationLoss(NDList outputs, Batch batch) {
        return BeamformingLoss.validation(terms(outputs, batch), settings);
    }
}
