package org.mecopt.deadline;

/**
 * Sums over one class's users for one or more episodes. Bits balance:
 * {@code arrivedBits = localBits + offloadBits + droppedBits + bits of tasks still running}.
 *
 * @param arrivals       tasks generated (Fig. 1's task-generation opportunities)
 * @param successes      tasks finished within their deadline
 * @param failures       tasks expired with bits left
 * @param localEnergyJ   eq. (4) summed
 * @param offloadEnergyJ eq. (9) summed
 * @param arrivedBits    input bits of the arrived tasks
 * @param localBits      bits processed locally, eq. (3)
 * @param offloadBits    bits offloaded and executed, eq. (8)
 * @param droppedBits    remainders dropped at expiry
 */
public record ClassTotals(long arrivals, long successes, long failures, double localEnergyJ, double offloadEnergyJ,
                          double arrivedBits, double localBits, double offloadBits, double droppedBits) {

    public static final ClassTotals ZERO = new ClassTotals(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public double energyJ() {
        return localEnergyJ + offloadEnergyJ;
    }

    /** successes / arrivals (NaN without arrivals). */
    public double successRate() {
        return arrivals == 0 ? Double.NaN : (double) successes / arrivals;
    }

    /** Mean energy per arrival, in J (NaN without arrivals). */
    public double energyPerTaskJ() {
        return arrivals == 0 ? Double.NaN : energyJ() / arrivals;
    }

    /** Fig. 1(b): energy per task-generation opportunity divided by E_max. */
    public double normalizedEnergy(DeadlineEnergyConfig config) {
        return energyPerTaskJ() / config.maxStepEnergyJ();
    }

    public ClassTotals plus(ClassTotals o) {
        return new ClassTotals(arrivals + o.arrivals, successes + o.successes, failures + o.failures,
                localEnergyJ + o.localEnergyJ, offloadEnergyJ + o.offloadEnergyJ, arrivedBits + o.arrivedBits,
                localBits + o.localBits, offloadBits + o.offloadBits, droppedBits + o.droppedBits);
    }
}
