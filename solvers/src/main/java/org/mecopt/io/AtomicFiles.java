package org.mecopt.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers see either the old content or the complete new one, never a part,
 * also after a crash or a power loss.
 *
 * <p>A rename alone is atomic for running readers, but not durable: a file system may persist the
 * rename (a metadata change) before the renamed file's data, so a power loss right after it can leave
 * the new name on an empty or partial file, and a manifest pointing at it. Hence the order here: the
 * content is forced to disk ({@link FileChannel#force}) before the rename, and the directory is forced
 * after it, so that the rename itself survives. Forcing a directory works on Linux and macOS (a
 * directory opened for reading can be fsynced); where the platform cannot (Windows refuses to open a
 * directory as a file, and NTFS journals renames itself), that step is skipped.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} to a temporary file beside {@code target}, then renames it over the target. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** What writes a file's content, for {@link #write(Path, Writer)}. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Streams the content to a temporary file beside {@code target}, then renames it over the target. */
    public static void write(Path target, Writer writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.writeTo(out);
            }
            moveDurably(tmp, absolute);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Renames a complete file {@code from} over {@code to}, durably: forces {@code from}'s content to
     * disk, renames (atomically where the file system can), then forces the directory of {@code to}.
     * Both must be in the same directory for the rename to be atomic.
     */
    public static void moveDurably(Path from, Path to) throws IOException {
        try (FileChannel file = FileChannel.open(from, StandardOpenOption.WRITE)) {
            file.force(true);
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        forceDirectory(to.toAbsolutePath().getParent());
    }

    /** Persists a directory's entries (a rename into it); a no-op where the platform cannot open a directory. */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows: directories cannot be opened as channels; its file systems order renames themselves
        }
    }
}
