package org.mecopt.cli.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.AtomicFiles;

/**
 * Where experiments write: the {@code --out} directory is checked before any work and created only
 * when the results are ready, and every file is written atomically, so a failed run leaves nothing.
 */
public final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /** Rejects an {@code --out} that exists and is not a directory. */
    public static void checkDirectory(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInstanceException("--out", out, "is a file, not a directory");
        }
    }

    /** Writes {@code stem.csv} and {@code stem.png} into {@code out}, creating it if needed. */
    public static void write(Path out, String stem, CharSequence csv, byte[] png) throws IOException {
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(stem + ".csv"), csv.toString());
        AtomicFiles.write(out.resolve(stem + ".png"), png);
    }

    /** Deletes a scratch directory and everything in it (a run's intermediate files). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
