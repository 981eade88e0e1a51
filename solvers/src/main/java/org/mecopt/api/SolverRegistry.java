package org.mecopt.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds solvers by problem and name, so that the CLI, dataset generators and benchmarks never
 * name solver classes. Solvers are discovered once with {@link ServiceLoader}.
 */
public final class SolverRegistry {

    private static final List<Solver<?, ?>> SOLVERS = load();

    private SolverRegistry() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Solver<?, ?>> load() {
        List<Solver<?, ?>> found = (List) ServiceLoader.load(Solver.class, SolverRegistry.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
        found.sort(Comparator.comparing((Solver<?, ?> s) -> s.problemName()).thenComparing(Solver::name));
        return List.copyOf(found);
    }

    /** Every registered solver, sorted by problem then name. */
    public static List<Solver<?, ?>> all() {
        return SOLVERS;
    }

    /** The problem families that have at least one solver, sorted. */
    public static List<String> problems() {
        return SOLVERS.stream().map(Solver::problemName).distinct().toList();
    }

    /** The solvers of one problem family, sorted by name. */
    public static List<Solver<?, ?>> forProblem(String problem) {
        return SOLVERS.stream().filter(s -> s.problemName().equals(problem)).toList();
    }

    /** The named solver of a problem family, if registered. */
    public static Optional<Solver<?, ?>> find(String problem, String name) {
        return SOLVERS.stream().filter(s -> s.problemName().equals(problem) && s.name().equals(name)).findFirst();
    }

    /**
     * The named solver for a problem class, typed.
     *
     * @throws IllegalArgumentException naming the known solvers when there is no such solver
     */
    @SuppressWarnings("unchecked")
    public static <P extends Problem<S>, S> Solver<P, S> get(Class<P> problemType, String name) {
        return (Solver<P, S>) SOLVERS.stream()
                .filter(s -> s.problemType().equals(problemType) && s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown solver '" + name + "' for "
                        + problemType.getSimpleName() + "; known: " + SOLVERS.stream()
                        .filter(s -> s.problemType().equals(problemType)).map(Solver::name).toList()));
    }
}
