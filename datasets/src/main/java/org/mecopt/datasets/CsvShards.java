package org.mecopt.datasets;

import org.mecopt.api.Tensor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * CSV shards (RFC 4180): a header, one line per sample; a tensor is a JSON array of its flattened
 * values in one quoted cell (shapes are in the manifest); a missing bound or gap is an empty cell.
 * Doubles are written with {@link Double#toString}, which reads back exactly.
 */
final class CsvShards {
    private CsvShards() {
    }

    static List<String> header(Schema schema) {
        List<String> h = new ArrayList<>(List.of("index", "sampleSeed"));
        h.addAll(schema.columns().keySet());
        h.addAll(List.of("objective", "bound", "gap", "status", "solveTimeMillis", "iterations", "message"));
        return h;
    }

    static final class Writer implements ShardWriter {
        private final BufferedWriter out;

        Writer(Path file, Schema schema) throws IOException {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(String.join(",", header(schema)));
            out.write("\n");
        }

        @Override
        public void write(Row row) throws IOException {
            StringBuilder b = new StringBuilder(256);
            b.append(row.index()).append(',').append(row.sampleSeed());
            for (Tensor t : row.features().values()) {
                array(b.append(','), t.data());
            }
            for (Tensor t : row.label().values()) {
                array(b.append(','), t.data());
            }
            b.append(',').append(row.objective());
            b.append(',').append(row.bound() == null ? "" : row.bound().toString());
            b.append(',').append(row.gap() == null ? "" : row.gap().toString());
            b.append(',').append(row.status());
            b.append(',').append(row.solveTimeMillis());
            b.append(',').append(row.iterations());
            b.append(',').append(quote(row.message()));
            out.write(b.append('\n').toString());
        }

        private static void array(StringBuilder b, double[] data) {
            b.append("\"[");
            for (int i = 0; i < data.length; i++) {
                b.append(i == 0 ? "" : ",").append(data[i]);
            }
            b.append("]\"");
        }

        private static String quote(String s) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static Iterator<Row> read(Path file, Schema schema) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        String first = in.readLine();
        if (first == null || !parse(first, in).equals(header(schema))) {
            in.close();
            throw new IOException(file + ": header does not match the manifest's schema");
        }
        return new Iterator<>() {
            private String line = advance();

            private String advance() {
                try {
                    String l = in.readLine();
                    if (l == null) {
                        in.close();
                    }
                    return l;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public Row next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                try {
                    List<String> cells = parse(line, in);
                    line = advance();
                    return toRow(cells, schema);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private static Row toRow(List<String> c, Schema schema) {
        int i = 0;
        long index = Long.parseLong(c.get(i++));
        long seed = Long.parseLong(c.get(i++));
        Map<String, Tensor> features = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : schema.features().entrySet()) {
            features.put(e.getKey(), new Tensor(doubles(c.get(i++)), e.getValue().clone()));
        }
        Map<String, Tensor> label = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : schema.label().entrySet()) {
            label.put(e.getKey(), new Tensor(doubles(c.get(i++)), e.getValue().clone()));
        }
        double objective = Double.parseDouble(c.get(i++));
        String bound = c.get(i++);
        String gap = c.get(i++);
        return new Row(index, seed, features, label, objective, bound.isEmpty() ? null : Double.valueOf(bound),
                gap.isEmpty() ? null : Double.valueOf(gap), c.get(i++), Double.parseDouble(c.get(i++)),
                Long.parseLong(c.get(i++)), c.get(i));
    }

    private static double[] doubles(String json) {
        String body = json.strip();
        body = body.substring(1, body.length() - 1).strip();
        if (body.isEmpty()) {
            return new double[0];
        }
        String[] parts = body.split(",");
        double[] d = new double[parts.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = Double.parseDouble(parts[i].strip());
        }
        return d;
    }

    /** One CSV record; a quoted cell may span lines, which are then read from {@code more}. */
    private static List<String> parse(String line, BufferedReader more) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        String l = line;
        for (int i = 0; ; i++) {
            if (i == l.length()) {
                if (!quoted) {
                    break;
                }
                String next = more.readLine();
                if (next == null) {
                    throw new IOException("unterminated quoted cell");
                }
                cell.append('\n');
                l = next;
                i = -1;
                continue;
            }
            char ch = l.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < l.length() && l.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
