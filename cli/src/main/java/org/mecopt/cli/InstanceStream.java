package org.mecopt.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.mecopt.api.InvalidInstanceException;

/**
 * The instances of {@code solve --instances}: a JSON Lines file (one instance per non-blank line), a
 * directory of instance files (every {@code *.json}, in name order; its name is the default id), or
 * {@code -} for JSON Lines on standard input. Read lazily, so a stream of any length runs in bounded
 * memory.
 */
final class InstanceStream implements Iterator<InstanceStream.Entry>, AutoCloseable {

    /**
     * One input: its position (1-based line, or file index), the id it defaults to (a file's name;
     * null for a line) and its text, or why it could not be read.
     */
    record Entry(int position, String defaultId, String text, String readError) {
    }

    private final BufferedReader lines;
    private final Iterator<Path> files;
    private int position;
    private Entry next;

    private InstanceStream(BufferedReader lines, Iterator<Path> files) {
        this.lines = lines;
        this.files = files;
    }

    static InstanceStream open(String source) {
        if (source.equals("-")) {
            return new InstanceStream(new BufferedReader(new InputStreamReader(System.in,
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT))), null);
        }
        Path path = Path.of(source);
        try {
            if (Files.isDirectory(path)) {
                List<Path> json;
                try (Stream<Path> listed = Files.list(path)) {
                    json = listed.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
                }
                return new InstanceStream(null, json.iterator());
            }
            return new InstanceStream(Files.newBufferedReader(path), null);
        } catch (NoSuchFileException e) {
            throw new InvalidInstanceException("--instances", source, "does not exist");
        } catch (IOException e) {
            throw new InvalidInstanceException("--instances", source, "cannot be read: " + e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = read();
        }
        return next != null;
    }

    @Override
    public Entry next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Entry e = next;
        next = null;
        return e;
    }

    private Entry read() {
        if (files != null) {
            if (!files.hasNext()) {
                return null;
            }
            Path file = files.next();
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ".json".length());
            try {
                return new Entry(++position, id, Files.readString(file), null);
            } catch (CharacterCodingException e) {
                return new Entry(++position, id, null, file + " is not valid UTF-8 text");
            } catch (IOException e) {
                return new Entry(++position, id, null, file + " cannot be read: " + e.getMessage());
            }
        }
        try {
            String line;
            do {
                line = lines.readLine();
                position++;
            } while (line != null && line.isBlank());
            return line == null ? null : new Entry(position, null, line, null);
        } catch (CharacterCodingException e) {
            return new Entry(position, null, null, "line " + position + " is not valid UTF-8 text");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        if (lines != null) {
            lines.close();
        }
    }
}
