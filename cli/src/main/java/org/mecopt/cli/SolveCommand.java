package org.mecopt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.Result;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.api.SolverRegistry;
import org.mecopt.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Solve an instance with a named solver; prints the result as JSON.",
                "Exit code 0 when the result has a feasible solution, 3 when it has none (the JSON says why).",
                "With --instances, solves a stream in one process: one compact JSON result per line, in input",
                "order, carrying each instance's \"id\"; a bad input gets an \"error\" line and does not stop the",
                "others (exit 2 at the end; else 3 if some result has no feasible solution; else 0)."})
final class SolveCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PROBLEM", description = "Problem family, e.g. offloading (see `mecopt solvers`).")
    String problem;

    @Option(names = "--instance", description = "Instance JSON file.")
    Path instance;

    @Option(names = "--instances", paramLabel = "FILE|DIR|-", description = {"Many instances instead: a JSON Lines file,",
            "a directory of *.json files (name order; the name is the default id), or - for JSON Lines on stdin.",
            "An instance may carry an \"id\" (string or number), copied to its result line."})
    String instances;

    @Option(names = "--threads", defaultValue = "1",
            description = "Solves in parallel with --instances; the output order and results do not depend on it (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--solver", required = true, description = "Solver name (see `mecopt solvers`).")
    String solverName;

    @Option(names = "--out", description = "Output file (default: stdout).")
    Path out;

    @Option(names = "--time-limit-ms", defaultValue = "60000", description = "Time limit per solve (default ${DEFAULT-VALUE}).")
    long timeLimitMillis;

    @Option(names = "--relative-gap", description = "Optimality tolerance (default: the solver's own, see its guarantee).")
    Double relativeGap;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of randomized solvers (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--assignment", description = "Server per device, comma-separated (solver kkt).")
    String assignment;

    @Option(names = "--model", description = "Model directory of a learned solver (cnn-lstm), same as --param model=DIR.")
    String model;

    @Option(names = "--param", description = "Solver-specific parameter NAME=VALUE (repeatable; `mecopt solvers` lists each solver's).")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        // A family may be registered before it has solvers, and a solver may exist for a problem without a family.
        if (ProblemFamilies.find(problem).isEmpty() && SolverRegistry.forProblem(problem).isEmpty()) {
            throw new InvalidInstanceException("PROBLEM", problem, "is not a known problem; known: " + knownProblems());
        }
        Solver<?, ?> solver = SolverRegistry.find(problem, solverName).orElseThrow(() -> new InvalidInstanceException(
                "--solver", solverName, "is not a solver of " + problem + "; known: "
                        + SolverRegistry.forProblem(problem).stream().map(Solver::name).toList()));
        Output.check(out);
        if ((instance == null) == (instances == null)) {
            throw new InvalidInstanceException("--instance/--instances", instance == null ? "neither" : "both",
                    "give exactly one of them");
        }
        SolverOptions options = new SolverOptions(timeLimitMillis, relativeGap, null, seed, parameters);
        if (assignment != null) {
            options = options.withParameter("assignment", assignment);
        }
        if (model != null) {
            options = options.withParameter("model", model);
        }
        if (instances != null) {
            if (threads < 1) {
                throw new InvalidInstanceException("--threads", threads, "must be >= 1");
            }
            StreamSolver.Counts counts = new StreamSolver(solver, options, threads).run(instances, out,
                    spec.commandLine().getOut());
            spec.commandLine().getErr().println(counts);
            spec.commandLine().getErr().flush();
            return counts.errors() > 0 ? Main.INVALID_INPUT : counts.infeasible() > 0 ? Main.NO_FEASIBLE_SOLUTION : 0;
        }
        Solved solved = solve(solver, readInstance(instance), options);
        Output.write(Json.toText(solved.json()), out, spec.commandLine().getOut());
        return solved.feasible() ? 0 : Main.NO_FEASIBLE_SOLUTION;
    }

    /** The file's text; a path that is not a readable UTF-8 file is the user's to fix (exit 2, naming the option). */
    private static String readInstance(Path file) {
        if (Files.isDirectory(file)) {
            throw new InvalidInstanceException("--instance", file, "is a directory, not a file");
        }
        try {
            return Files.readString(file); // decodes strictly: malformed UTF-8 throws
        } catch (NoSuchFileException e) {
            throw new InvalidInstanceException("--instance", file, "does not exist");
        } catch (CharacterCodingException e) {
            throw new InvalidInstanceException("--instance", file, "is not valid UTF-8 text (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new InvalidInstanceException("--instance", file, "cannot be read: " + e);
        }
    }

    /** The result's JSON and whether it has a feasible solution (the exit code). */
    record Solved(ObjectNode json, boolean feasible) {
    }

    private static List<String> knownProblems() {
        TreeSet<String> known = new TreeSet<>(ProblemFamilies.names());
        known.addAll(SolverRegistry.problems());
        return List.copyOf(known);
    }

    static <P extends Problem<S>, S> Solved solve(Solver<P, S> solver, String json, SolverOptions options) {
        return solved(solver, Json.readInstance(json, solver.problemType(), solver.problemName()), options);
    }

    /** For an instance already parsed (a line of {@code --instances}), so it is not parsed twice. */
    static <P extends Problem<S>, S> Solved solve(Solver<P, S> solver, JsonNode tree, SolverOptions options) {
        return solved(solver, Json.readInstance(tree, solver.problemType(), solver.problemName()), options);
    }

    private static <P extends Problem<S>, S> Solved solved(Solver<P, S> solver, P problem, SolverOptions options) {
        Result<S> result = solver.solve(problem, options);
        return new Solved(Json.resultTree(result, problem.minimize()), result.hasFeasibleSolution());
    }
}
