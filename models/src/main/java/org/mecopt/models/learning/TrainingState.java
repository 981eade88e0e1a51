package org.mecopt.models.learning;

import ai.djl.nn.Block;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.io.AtomicFiles;
import org.mecopt.models.rl.BlockParameters;

/**
 * What a {@link TrainingLoop} writes after every epoch so that an interrupted run continues where it
 * stopped: {@code training-state.bin} beside the best checkpoint, replaced atomically (a temporary file
 * forced to disk, then renamed over the old one: a kill leaves the previous epoch's state or this one's,
 * never a part).
 *
 * <p>It holds the options the run was started with (by option name; a resumed run must repeat them),
 * the sizes of the training and validation sets, the epochs done with their {@link Epoch} rows, the
 * best validation loss, its epoch and the epochs since it (the patience counter), the training set's
 * order after the last shuffle (the shuffle stream is restored by replaying the shuffles, this order
 * checks the replay), every parameter of the network (the trained ones and batch norm's running
 * statistics), and the optimizer's rate, step count and moments ({@link ResumableAdam}). The best
 * parameters are not in it: they are the checkpoint file itself, saved (atomically too) before the state
 * of the epoch that improved on them.
 */
final class TrainingState {
    static final String FILE = "training-state.bin";
    private static final String MAGIC = "mecopt-training-state-1";
    private static final String END = "end";

    /**
     * Everything but the network and the optimizer.
     *
     * @param options the run's options by name, the loop's own included
     * @param order the training examples' indices in the order of the last epoch's shuffle
     */
    record Header(Map<String, String> options, int trainSize, int validationSize, List<Epoch> epochs,
                  double best, int bestEpoch, int sinceBest, int[] order) {
        Header {
            options = new LinkedHashMap<>(options);
            epochs = List.copyOf(epochs);
        }

        int epochsDone() {
            return epochs.size();
        }
    }

    private TrainingState() {
    }

    static Path file(Path dir) {
        return dir.resolve(FILE);
    }

    /**
     * Deletes the temporaries of writes that a kill interrupted ({@link AtomicFiles#write} names them
     * {@code .training-state.bin…tmp}; a killed process runs no {@code finally}), each as big as the state.
     */
    static void deleteUnfinishedWrites(Path dir) throws IOException {
        try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(dir, "." + FILE + "*.tmp")) {
            for (Path p : s) {
                Files.deleteIfExists(p);
            }
        }
    }

    static void write(Path dir, Header h, Block block, ResumableAdam adam) throws IOException {
        AtomicFiles.write(file(dir), stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(MAGIC);
            out.writeInt(h.options().size());
            for (Map.Entry<String, String> e : h.options().entrySet()) {
                out.writeUTF(e.getKey());
                out.writeUTF(e.getValue());
            }
            out.writeInt(h.trainSize());
            out.writeInt(h.validationSize());
            out.writeInt(h.epochs().size());
            for (Epoch e : h.epochs()) {
                out.writeInt(e.epoch());
                out.writeDouble(e.trainLoss());
                out.writeDouble(e.validationLoss());
                out.writeDouble(e.learningRate());
                out.writeBoolean(e.best());
                out.writeDouble(e.seconds());
            }
            out.writeDouble(h.best());
            out.writeInt(h.bestEpoch());
            out.writeInt(h.sinceBest());
            out.writeInt(h.order().length);
            for (int i : h.order()) {
                out.writeInt(i);
            }
            BlockParameters.save(block, out);
            adam.save(block, out);
            out.writeUTF(END);
            out.flush();
        });
    }

    /** The header of the state in {@code dir}, if there is one; refuses a file it cannot read. */
    static Optional<Header> read(Path dir) {
        Path file = file(dir);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (DataInputStream in = open(file)) {
            return Optional.of(header(in, file));
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    /** Loads the network's parameters and the optimizer's state of the state in {@code dir} into {@code block} and {@code adam}. */
    static void restore(Path dir, Block block, ResumableAdam adam) {
        Path file = file(dir);
        try (DataInputStream in = open(file)) {
            header(in, file);
            BlockParameters.load(block, in);
            adam.load(block, in);
            if (!END.equals(in.readUTF())) {
                throw new IOException("no end marker");
            }
        } catch (IOException e) {
            throw unreadable(dir, e);
        }
    }

    /**
     * Refuses to resume a run started with other options: names the first option (in name order) whose
     * value differs, with both values. Options present on one side only count as differing.
     */
    static void checkSameRun(Header saved, Map<String, String> options, Path dir) {
        TreeSet<String> names = new TreeSet<>(saved.options().keySet());
        names.addAll(options.keySet());
        for (String name : names) {
            String before = saved.options().get(name);
            String now = options.get(name);
            if (before == null ? now != null : !before.equals(now)) {
                throw new InvalidInstanceException(name, now, "differs from the interrupted run's (" + before + ") in "
                        + dir + ": rerun with its options to resume it (only --epochs may change), or train into another"
                        + " --out (or delete " + FILE + " there to start afresh)");
            }
        }
    }

    private static DataInputStream open(Path file) throws IOException {
        return new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
    }

    private static Header header(DataInputStream in, Path file) throws IOException {
        String magic = in.readUTF();
        if (!MAGIC.equals(magic)) {
            throw new IOException(file + " is not a training state (header " + magic + ")");
        }
        Map<String, String> options = new LinkedHashMap<>();
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            options.put(in.readUTF(), in.readUTF());
        }
        int trainSize = in.readInt();
        int validationSize = in.readInt();
        List<Epoch> epochs = new ArrayList<>();
        int count = in.readInt();
        for (int k = 0; k < count; k++) {
            epochs.add(new Epoch(in.readInt(), in.readDouble(), in.readDouble(), in.readDouble(), in.readBoolean(),
                    in.readDouble()));
        }
        double best = in.readDouble();
        int bestEpoch = in.readInt();
        int sinceBest = in.readInt();
        int[] order = new int[in.readInt()];
        for (int k = 0; k < order.length; k++) {
            order[k] = in.readInt();
        }
        return new Header(options, trainSize, validationSize, epochs, best, bestEpoch, sinceBest, order);
    }

    private static InvalidInstanceException unreadable(Path dir, IOException e) {
        return new InvalidInstanceException("--out", dir, "holds a " + FILE + " that cannot be resumed (" + e.getMessage()
                + "): delete it to start afresh, or train into another directory");
    }
}
