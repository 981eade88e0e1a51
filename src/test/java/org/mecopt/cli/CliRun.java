package org.mecopt.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the CLI, as a user would see it: exit code, stdout, stderr. */
record CliRun(int code, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
