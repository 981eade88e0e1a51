package org.mecopt.offloading;

/**
 * Named readings of seed 004's parameters for its figures. {@link #PAPER} is MODEL.md §1's
 * literal reading; the README explains how each compares with the paper's reported numbers.
 */
public enum OffloadingPreset {
    /** The stated parameters read literally: σ² = 1e-9 W, S in kilobits, C in cycles. */
    PAPER("paper", OffloadingGenerator.Config.PAPER);

    private final String label;
    private final OffloadingGenerator.Config config;

    OffloadingPreset(String label, OffloadingGenerator.Config config) {
        this.label = label;
        this.config = config;
    }

    public String label() {
        return label;
    }

    public OffloadingGenerator.Config config() {
        return config;
    }

    @Override
    public String toString() {
        return label;
    }
}
