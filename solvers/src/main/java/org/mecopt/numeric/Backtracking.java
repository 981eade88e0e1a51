package org.mecopt.numeric;

/** The backtracking line search's constants, shared by the primal-dual and the barrier iteration. */
final class Backtracking {
    /** Sufficient decrease: the merit function must fall by at least this fraction of the step. */
    static final double ALPHA = 0.01;
    /** Step shrink factor. */
    static final double BETA = 0.5;
    /** A step below this counts as a stall. */
    static final double MIN_STEP = 1e-12;

    private Backtracking() {
    }
}
