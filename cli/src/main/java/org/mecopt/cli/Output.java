package org.mecopt.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.mecopt.io.AtomicFiles;

/** Text to stdout, or atomically to a file when {@code --out} is given. */
final class Output {
    private Output() {
    }

    static void write(String text, Path out, PrintWriter stdout) throws IOException {
        if (out == null) {
            stdout.print(text);
            stdout.flush();
        } else {
            AtomicFiles.writeString(out, text);
        }
    }
}
