package org.mecopt.api;

/**
 * What a solver's search claims, before the check: the status it believes, the point, a bound,
 * how many iterations it took and a note. {@link ProblemSolver#solve} turns it into a
 * {@link Result} only after re-evaluating the point, so a search cannot publish an unchecked claim.
 *
 * @param status the claimed status
 * @param solution the point found (null only for {@link Status#UNSUPPORTED})
 * @param bound a proven bound on the optimum in the problem's objective, or null
 * @param iterations the search's iterations (its solver's Javadoc says which)
 * @param message a short note, or empty
 * @param <S> the solution type
 */
public record Outcome<S>(Status status, S solution, Double bound, long iterations, String message) {

    public Outcome {
        Check.present("status", status);
        if (status != Status.UNSUPPORTED) {
            Check.present("solution", solution);
        }
        message = message == null ? "" : message;
    }

    /** A claim about {@code solution}, with no bound, one iteration and no message. */
    public static <S> Outcome<S> of(Status status, S solution) {
        return new Outcome<>(status, solution, null, 1, "");
    }

    /** A valid instance outside the solver's domain; {@code reason} says which rule it breaks. */
    public static <S> Outcome<S> unsupported(String reason) {
        return new Outcome<>(Status.UNSUPPORTED, null, null, 0, reason);
    }

    public Outcome<S> withStatus(Status newStatus) {
        return new Outcome<>(newStatus, solution, bound, iterations, message);
    }

        public Outcome<S> withBound(Double newBound) {
        return new Outcome<>(status, solution, newBound, iterations, message);
    }

    public Outcome<S> withIterations(long newIterations) {
        return new Outcome<>(status, solution, bound, newIterations, message);
    }

    public Outcome<S> withMessage(String newMessage) {
        return new Outcome<>(status, solution, bound, iterations, newMessage);
    }
}
