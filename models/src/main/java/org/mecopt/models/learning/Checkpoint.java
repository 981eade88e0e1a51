package org.mecopt.models.learning;

import ai.djl.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a model's parameters live: {@code dir/prefix-0000.params}. DJL numbers each save, so a save
 * first removes earlier ones: the directory holds one set, the best.
 */
public record Checkpoint(Path dir, String prefix) {
    public void save(Model model) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (name.startsWith(prefix + "-") && name.endsWith(".params")) {
                    Files.delete(f);
                }
            }
        }
        model.save(dir, prefix);
    }
}
