package org.mecopt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What can be observed of durable writes without pulling the plug: content in place, nothing left over. */
class AtomicFilesTest {

    @Test
    void moveDurablyReplacesTheTargetAndLeavesNoSource(@TempDir Path dir) throws Exception {
        Path target = Files.writeString(dir.resolve("part-00000.parquet"), "old");
        Path temp = Files.writeString(dir.resolve(".part-00000.parquet.tmp"), "new content");
        AtomicFiles.moveDurably(temp, target);
        assertEquals("new content", Files.readString(target));
        assertFalse(Files.exists(temp));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writeCreatesDirectoriesAndReplacesWholeFiles(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("a/b/manifest.json");
        AtomicFiles.writeString(target, "a much longer first version");
        AtomicFiles.write(target, new byte[] {'o', 'k'});
        assertEquals("ok", Files.readString(target));
        try (var files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
