package org.mecopt.examples;

import java.io.PrintStream;
import org.mecopt.api.Result;

/** Prints results side by side: status, objective, bound, gap, iterations and solve time. */
final class ComparisonTable {
    private static final String FORMAT = "%-11s %-13s %-16s %12s %12s %9s %6s %9s%n";
    private final PrintStream out;

    ComparisonTable(PrintStream out) {
        this.out = out;
        out.printf(FORMAT, "problem", "solver", "status", "objective", "bound", "gap", "iter", "time ms");
    }

    void add(Result<?> r) {
        out.printf(FORMAT, r.problem(), r.solver(), r.status(), number(r.objective()), number(r.bound()),
                r.gap() == null ? "-" : String.format("%.1e", r.gap()), r.iterations(),
                String.format("%.3f", r.solveTimeMillis()));
    }

    private static String number(Double x) {
        return x == null ? "-" : String.format("%.6g", x);
    }
}
