package org.mecopt.cli.experiments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.AtomicFiles;

/**
 * Where commands write: an {@code --out} is checked before any work (so a mistyped path costs no
 * solve or training and exits 2 naming {@code --out}), a directory is created only when the results
 * are ready, and every file is written atomically, so a failed run leaves nothing.
 */
public final class ExperimentFiles {
    private ExperimentFiles() {
    }

    /** Rejects an {@code --out} directory that exists as a file or cannot be created under an existing file. */
    public static void checkDirectory(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInstanceException("--out", out, "is a file, not a directory");
        }
        checkParents(out);
    }

    /** Rejects an {@code --out} file that is a directory or cannot be created under an existing file. */
    public static void checkFile(Path out) {
        if (Files.isDirectory(out)) {
            throw new InvalidInstanceException("--out", out, "is a directory, not a file");
        }
        checkParents(out);
    }

    /** The nearest existing ancestor must be a directory, or nothing can be created below it. */
    private static void checkParents(Path out) {
        for (Path p = out.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new InvalidInstanceException("--out", out, "cannot be created: " + p + " is a file");
                }
                return;
            }
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
