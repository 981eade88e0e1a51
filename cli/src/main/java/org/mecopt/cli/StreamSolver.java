package org.mecopt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.Solver;
import org.mecopt.api.SolverOptions;
import org.mecopt.io.AtomicFiles;
import org.mecopt.io.Json;

/**
 * {@code solve --instances}: many instances through one JVM, so a Python or shell user pays the
 * start-up once. Results leave in input order whatever the thread count (a window of pending solves
 * is written from its head); the window is bounded, so an endless stdin stream runs in bounded memory.
 */
final class StreamSolver {
    /** Pending solves per thread: enough to keep every thread busy while the head finishes. */
    private static final int WINDOW_PER_THREAD = 4;
    private static final ObjectWriter COMPACT = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);

    /** What a run did, for the exit code and the summary line. */
    record Counts(int instances, int feasible, int infeasible, int errors) {
        @Override
        public String toString() {
            return instances + " instances: " + feasible + " with a feasible solution, " + infeasible + " without, "
                    + errors + " rejected";
        }
    }

    private record Line(String text, boolean feasible, boolean error) {
    }

    private final Solver<?, ?> solver;
    private final SolverOptions options;
    private final int threads;

    StreamSolver(Solver<?, ?> solver, SolverOptions options, int threads) {
        this.solver = solver;
        this.options = options;
        this.threads = threads;
    }

    /** Solves every instance of {@code source}; writes to {@code out} (atomically) or to {@code stdout}. */
    Counts run(String source, Path out, PrintWriter stdout) throws IOException {
        try (InstanceStream stream = InstanceStream.open(source)) {
            if (out == null) {
                return solveAll(stream, line -> {
                    stdout.println(line);
                    stdout.flush(); // a pipe's reader sees each result as it comes
                });
            }
            Counts[] counts = new Counts[1];
            AtomicFiles.write(out, o -> counts[0] = solveAll(stream, line -> writeLine(o, line)));
            return counts[0];
        }
    }

    private interface Sink {
        void accept(String line) throws IOException;
    }

    private static void writeLine(OutputStream o, String line) throws IOException {
        o.write(line.getBytes(StandardCharsets.UTF_8));
        o.write('\n');
    }

    private Counts solveAll(InstanceStream stream, Sink sink) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "mecopt-solve");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Line>> window = new ArrayDeque<>();
        int instances = 0;
        int feasible = 0;
        int infeasible = 0;
        int errors = 0;
        try {
            while (stream.hasNext() || !window.isEmpty()) {
                while (stream.hasNext() && window.size() < threads * WINDOW_PER_THREAD) {
                    InstanceStream.Entry entry = stream.next();
                    window.add(pool.submit(() -> solveOne(entry)));
                }
                Line line = window.removeFirst().get();
                sink.accept(line.text());
                instances++;
                if (line.error()) {
                    errors++;
                } else if (line.feasible()) {
                    feasible++;
                } else {
                    infeasible++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) { // solveOne catches the user's errors: this is ours
            throw new IllegalStateException("a solve failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Counts(instances, feasible, infeasible, errors);
    }

    /** One result line: the result with the instance's id first, or the reason the input was refused. */
    private Line solveOne(InstanceStream.Entry entry) {
        ObjectNode line = Json.mapper().createObjectNode();
        JsonNode id = entry.defaultId() == null ? null : Json.mapper().getNodeFactory().textNode(entry.defaultId());
        try {
            if (entry.readError() != null) {
                throw new InvalidInstanceException("--instances", entry.position(), entry.readError());
            }
            JsonNode tree = Json.readTree(entry.text());
            if (tree instanceof ObjectNode object && object.has("id")) {
                id = object.remove("id");
                if (!id.isTextual() && !id.isIntegralNumber()) {
                    throw new InvalidInstanceException("id", id, "must be a string or an integer");
                }
            }
            putId(line, id, entry.position());
            SolveCommand.Solved solved = SolveCommand.solve(solver, tree, options);
            line.setAll(solved.json());
            return new Line(compact(line), solved.feasible(), false);
        } catch (InvalidInstanceException e) {
            putId(line, id, entry.position());
            line.put("error", e.getMessage());
            return new Line(compact(line), false, true);
        }
    }

    private static void putId(ObjectNode line, JsonNode id, int position) {
        line.removeAll();
        if (id != null) {
            line.set("id", id);
        }
        line.put("input", position);
    }

    private static String compact(JsonNode node) {
        try {
            return COMPACT.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
