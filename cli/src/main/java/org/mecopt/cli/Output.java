package org.mecopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.cli.experiments.ExperimentFiles;
import org.mecopt.io.AtomicFiles;

/** Text to stdout, or atomically to a file when {@code --out} is given. */
final class Output {
    private Output() {
    }

    /** Rejects an {@code --out} that cannot be a file; call before the work whose result it receives. */
    static void check(Path out) {
        if (out != null) {
            ExperimentFiles.checkFile(out);
        }
    }

    /**
     * @throws InvalidInstanceException naming {@code --out} when the file cannot be written (a
     *     directory, a path under a file, no permission): the path is the user's to fix
     */
    static void write(String text, Path out, PrintWriter stdout) {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        check(out);
        try {
            AtomicFiles.writeString(out, text);
        } catch (IOException e) {
            throw new InvalidInstanceException("--out", out, "cannot be written: " + e);
        }
    }
}
