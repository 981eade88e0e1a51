package org.mecopt.offloading;

import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Outcome;
import org.mecopt.api.SolveContext;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.Status;

/**
 * {@code kkt}: the optimal CPU split (seed 004 eq. 20) for an assignment the caller gives as
 * parameter {@code assignment}, a comma-separated list of 0-based servers, one per device. OPTIMAL
 * means optimal for that assignment; an assignment that breaks a capacity comes back INFEASIBLE_POINT
 * with the violation listed.
 */
public final class KktSolver extends AssignmentSolver {

    static final SolverParameter<String> ASSIGNMENT = SolverParameter.text("assignment",
            "required: the 0-based server of each device, comma-separated, e.g. 0,2,1");

    @Override
    public String name() {
        return "kkt";
    }

    @Override
    public String guarantee() {
        return "optimal CPU split for a given assignment (closed form, eq. 20)";
    }

    @Override
    public List<SolverParameter<?>> parameters() {
        return List.of(ASSIGNMENT);
    }

    @Override
    protected Outcome<OffloadingSolution> search(OffloadingInstance instance, SolveContext context) {
        int[] assignment = parseAssignment(context.value(ASSIGNMENT), instance);
        return claim(instance, assignment, Status.OPTIMAL, null).withMessage("CPU split optimal for the given assignment");
    }

    static int[] parseAssignment(String text, OffloadingInstance instance) {
        if (text == null || text.isBlank()) {
            throw new InvalidInstanceException("assignment", text,
                    "is required by solver kkt: one 0-based server per device, comma-separated");
        }
        String[] parts = text.split(",");
        if (parts.length != instance.deviceCount()) {
            throw new InvalidInstanceException("assignment", text,
                    "must list " + instance.deviceCount() + " servers (one per device), got " + parts.length);
        }
        int[] assignment = new int[parts.length];
        for (int m = 0; m < parts.length; m++) {
            try {
                assignment[m] = Integer.parseInt(parts[m].trim());
            } catch (NumberFormatException e) {
                throw new InvalidInstanceException("assignment[" + m + "]", parts[m], "must be an integer");
            }
            if (assignment[m] < 0 || assignment[m] >= instance.serverCount()) {
                throw new InvalidInstanceException("assignment[" + m + "]", assignment[m],
                        "must be in [0, " + instance.serverCount() + ")");
            }
        }
        return assignment;
    }
}
