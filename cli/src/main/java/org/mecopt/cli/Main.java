package org.mecopt.cli;

import java.io.PrintWriter;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.ExperimentCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code mecopt} command. Exit codes: 0 ok, 2 invalid input (the message names the field), 3 a
 * solve whose result has no feasible solution ({@code mecopt solve}; the JSON says why), 1 anything else.
 */
@Command(name = "mecopt", mixinStandardHelpOptions = true, version = "mecopt 0.1.0",
        description = "Optimization solvers for resource allocation in mobile edge computing.",
        subcommands = {GenerateCommand.class, SolversCommand.class, InstanceCommand.class, SolveCommand.class, ExperimentCommand.class,
                TrainCommand.class, EvaluateCommand.class, SimulateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    public static final int INVALID_INPUT = 2;
    public static final int FAILURE = 1;
    /** {@code solve} ran, but its result has no feasible solution (infeasible point, limit, unsupported, …). */
    public static final int NO_FEASIBLE_SOLUTION = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with the given streams; returns the exit code (used by tests). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        FamilyCommands.register(cli.getSubcommands().get("instance"), cli.getSubcommands().get("generate"));
        FamilyCommands.addFamilyOptions(cli);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            while (cause.getCause() != null && !(cause instanceof InvalidInstanceException)) {
                cause = cause.getCause();
            }
            if (cause instanceof InvalidInstanceException || e instanceof IllegalArgumentException) {
                commandLine.getErr().println("mecopt: invalid input: " + (cause instanceof InvalidInstanceException
                        ? cause.getMessage() : e.getMessage()));
                return INVALID_INPUT;
            }
            commandLine.getErr().println("mecopt: error: " + e);
            return FAILURE;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
