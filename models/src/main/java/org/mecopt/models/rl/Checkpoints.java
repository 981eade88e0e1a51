package org.mecopt.models.rl;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;

/** File helpers the learners' checkpoints share: buffered input, headers, random-stream states, due steps. */
final class Checkpoints {
    private Checkpoints() {
    }

    static DataInputStream open(Path file) throws IOException {
        InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new DataInputStream(stream);
    }

    /** Reads a header and refuses anything but {@code magic}; {@code what} names the expected content. */
    static void checkMagic(DataInputStream in, String magic, Path where, String what) throws IOException {
        String found = in.readUTF();
        if (!magic.equals(found)) {
            throw new IOException(where + " holds no " + what + " checkpoint (header " + found + ")");
        }
    }

    static void writeRng(DataOutputStream out, RestorableUniformRandomProvider rng) throws IOException {
        byte[] state = ((RandomProviderDefaultState) rng.saveState()).getState();
        out.writeInt(state.length);
        out.write(state);
    }

    static void readRng(DataInputStream in, RestorableUniformRandomProvider rng) throws IOException {
        byte[] state = new byte[in.readInt()];
        in.readFully(state);
        rng.restoreState(new RandomProviderDefaultState(state));
    }

    /** The next multiple-of-{@code every} due step after {@code due} once {@code step} has reached it. */
    static long nextDue(long due, long step, long every) {
        return due + every * ((step - due) / every + 1);
    }
}
