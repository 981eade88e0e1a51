package org.mecopt.beamforming;

import org.mecopt.api.ProblemSolver;

/** Base of the {@code subcarrier-beamforming} solvers: each returns beams that the instance re-checks. */
abstract class BeamformingSolver extends ProblemSolver<BeamformingInstance, BeamformingSolution> {

    BeamformingSolver() {
        super(BeamformingInstance.PROBLEM, BeamformingInstance.class);
    }

    /** Whether every value is finite (a solver's beams must be, else the result is a numerical error). */
    static boolean finite(double[] w) {
        for (double v : w) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
