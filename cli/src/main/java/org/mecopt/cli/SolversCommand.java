package org.mecopt.cli;

import java.util.concurrent.Callable;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverParameter;
import org.mecopt.api.SolverRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "solvers", mixinStandardHelpOptions = true,
        description = "List problems and their solvers, each with its guarantee and its parameters (--param NAME=VALUE).")
final class SolversCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String problem : SolverRegistry.problems()) {
            spec.commandLine().getOut().println(problem);
            for (Solver<?, ?> solver : SolverRegistry.forProblem(problem)) {
                spec.commandLine().getOut().printf("  %-22s %s%n", solver.name(), solver.guarantee());
                for (SolverParameter<?> p : solver.parameters()) {
                    spec.commandLine().getOut().printf("      --param %s=%s  default %s%s  %s%n", p.name(),
                            p.typeName().toUpperCase(java.util.Locale.ROOT), p.defaultText(),
                            p.allowed().isEmpty() ? "" : ", " + (p.type() == String.class ? "one of " : "in ")
                                    + p.allowed(), p.description());
                }
            }
        }
        return 0;
    }
}
