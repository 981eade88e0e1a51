package org.mecopt.models.beamforming;

import java.util.List;
import org.mecopt.beamforming.BeamformingInstance;
import org.mecopt.beamforming.BeamformingSolution;
import org.mecopt.models.learning.LearnedSolver;

/**
 * A learned {@code subcarrier-beamforming} solver (cmtssl, dmtssl, datl): the beams a trained model
 * predicts ({@link BeamformingModel}; parameter {@code model}, or the model bundled for the default
 * setting), feasible in power and per-subcarrier users by construction; minimum rates are not
 * guaranteed and are reported by the solve template's check when missed. Its bound is the
 * interference-free water-filling bound ({@link BeamformingSample#interferenceFreeBound}) in bit/s.
 */
public abstract class LearnedBeamformer extends LearnedSolver<BeamformingInstance, BeamformingSolution> {
    /** The files of a model directory that a bundle holds. */
    static final List<String> FILES = List.of("model.json", BeamformingModel.PARAMS_PREFIX + "-0000.params");

    private final Method method;

    protected LearnedBeamformer(Method method, Bundle bundle) {
        super(BeamformingInstance.PROBLEM, BeamformingInstance.class, BeamformingModel::load, bundle,
                "mecopt train subcarrier-beamforming --method " + method.id(), null);
        this.method = method;
    }

    static Bundle bundle(String folder) {
        return new Bundle("org/mecopt/models/pretrained/" + folder + "/", FILES);
    }

    @Override
    public String name() {
        return method.id();
    }

    @Override
    protected Double bound(BeamformingInstance instance) {
        return BeamformingSamples.of(instance).bound() * instance.subcarrierBandwidthHz();
    }

    /** {@code cmtssl}: one central network (bundled: B=4, M=4, I=8, N=8). */
    public static final class Cmtssl extends LearnedBeamformer {
        public Cmtssl() {
            super(Method.CMTSSL, bundle("beamforming-cmtssl-b4-m4-i8-n8"));
        }

        @Override
        public String guarantee() {
            return "feasible power and users per subcarrier by construction: beams predicted by one trained network"
                    + " (cmtssl; parameter model=DIR, or the bundled B=4 M=4 I=8 N=8 model); minimum rates not guaranteed";
        }
    }

    /** {@code dmtssl}: one network per station on its local channels (bundled: B=4, M=4, I=8, N=8). */
    public static final class Dmtssl extends LearnedBeamformer {
        public Dmtssl() {
            super(Method.DMTSSL, bundle("beamforming-dmtssl-b4-m4-i8-n8"));
        }

        @Override
        public String guarantee() {
            return "feasible power and users per subcarrier by construction: beams predicted by one trained network per"
                    + " station on its local channels (dmtssl; parameter model=DIR, or the bundled B=4 M=4 I=8 N=8 model);"
                    + " minimum rates not guaranteed";
        }
    }

    /** {@code datl}: a dmtssl system with a fifth station added by transfer learning (bundled: B=5, M=4, I=8, N=8). */
    public static final class Datl extends LearnedBeamformer {
        public Datl() {
            super(Method.DATL, bundle("beamforming-datl-b5-m4-i8-n8"));
        }

        @Override
        public String guarantee() {
            return "feasible power and users per subcarrier by construction: a dmtssl system extended by one station whose"
                    + " network started from the nearest station's (datl; parameter model=DIR, or the bundled B=5 M=4 I=8"
                    + " N=8 model); minimum rates not guaranteed";
        }
    }
}
