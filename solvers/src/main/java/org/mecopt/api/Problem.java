package org.mecopt.api;

import java.util.List;

/**
 * An immutable, validated problem instance that can judge any candidate solution. It knows
 * nothing of solvers: like an OR-Tools model it is data plus evaluation.
 *
 * @param <S> the solution type
 */
public interface Problem<S> {

    /** The problem family's name, as used by the CLI and the registry, e.g. {@code offloading}. */
    String problemName();

    /** The objective value of {@code solution}, also when it is infeasible. */
    double objective(S solution);

    /**
     * The constraints {@code solution} violates, each as a readable sentence; empty when the
     * solution is feasible. Shape errors (wrong lengths) are reported here too, never thrown.
     */
    List<String> violations(S solution);

    /** Whether the objective is minimized (true) or maximized. */
    default boolean minimize() {
        return true;
    }
}
