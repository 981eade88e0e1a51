package org.mecopt.models.learning;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.mecopt.io.AtomicFiles;

/**
 * Where a model's parameters live: {@code dir/prefix-0000.params}, one set, the best. A save replaces
 * it atomically: DJL writes the new set into an empty temporary directory beside it, whose file is
 * then renamed over the old one ({@link AtomicFiles#moveDurably}), so a kill
 * leaves the old set or the new one, never a part; then any other numbered set is removed.
 */
public record Checkpoint(Path dir, String prefix) {
    public static final String SUFFIX = "-0000.params";

    public void save(Model model) throws IOException {
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir, savingPrefix());
        try {
            model.save(tmp, prefix);
            Path saved;
            try (Stream<Path> files = Files.list(tmp)) { // one file; named 0000 unless the model sets an epoch
                saved = files.filter(f -> f.getFileName().toString().endsWith(".params")).findFirst()
                        .orElseThrow(() -> new IOException("DJL saved no parameters into " + tmp));
            }
            AtomicFiles.moveDurably(saved, dir.resolve(prefix + SUFFIX));
        } finally {
            deleteTree(tmp);
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix + "-") && name.endsWith(".params") && !name.equals(prefix + SUFFIX)) {
                    Files.delete(f);
                }
            }
        }
    }

    /**
     * Deletes the temporary directories of saves that a kill interrupted (a killed process runs no
     * {@code finally}): each may hold a whole parameter file. Not safe while another process saves here.
     */
    public void deleteUnfinishedSaves() throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(f) && f.getFileName().toString().startsWith(savingPrefix())) {
                    deleteTree(f);
                }
            }
        }
    }

    private String savingPrefix() {
        return "." + prefix + "-saving";
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> left = Files.walk(root)) {
            for (Path f : (Iterable<Path>) left.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    /**
     * What a resumed run records of a model directory it started from ({@code --init}): its path and the
     * SHA-256 of its {@code model.json} and parameter file, so that a directory retrained in place since
     * (other input standardization, other parameters) is refused rather than mixed into the run.
     */
    public static String fingerprint(Path modelDir, String prefix) {
        Path dir = modelDir.toAbsolutePath().normalize();
        StringBuilder b = new StringBuilder(dir.toString());
        for (Path f : new Path[] {dir.resolve(ModelManifest.FILE), dir.resolve(prefix + SUFFIX)}) {
            try {
                b.append(", ").append(f.getFileName()).append(' ')
                        .append(Files.isRegularFile(f) ? org.mecopt.datasets.Manifest.sha256(f).substring(0, 16) : "missing");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return b.toString();
    }
}
