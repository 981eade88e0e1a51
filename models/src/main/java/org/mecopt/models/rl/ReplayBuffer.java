package org.mecopt.models.rl;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.apache.commons.rng.simple.RandomSource;
import org.mecopt.io.AtomicFiles;

/**
 * A fixed-capacity ring of transitions in primitive float arrays (the networks train in float32),
 * overwriting the oldest once full, with its own seeded sampler: the same seed and the same additions
 * give the same batches, and {@link #save}/{@link #load} keep the sampler's state so a resumed run
 * draws the batches the uninterrupted one would have.
 *
 * <p>A transition stores the {@code terminated} flag only, not {@code truncated}: a transition cut
 * by a time limit has a future, so its target must bootstrap from the next observation like any
 * other non-terminal one. Actions are float vectors of {@code actionSize} entries (a discrete action
 * is one entry holding its index), so DQN and DDPG share the buffer. The next state's action mask
 * is kept when {@code maskSize > 0}, for a target that maximizes over allowed actions only. A
 * transition holds {@code rewardSize} rewards (one per agent for multi-agent learners, else one).
 * Sampling is uniform with replacement, as SB3 and CleanRL sample.
 */
public final class ReplayBuffer {
    private static final String MAGIC = "mecopt-replay-1";
    // version 2 adds several rewards per transition; a one-reward buffer is still written as version 1
    private static final String MAGIC_2 = "mecopt-replay-2";

    private final int capacity;
    private final int observationSize;
    private final int actionSize;
    private final int maskSize;
    private final int rewardSize;
    private final float[] observations;
    private final float[] actions;
    private final float[] rewards;
    private final float[] nextObservations;
    private final boolean[] terminated;
    private final boolean[] nextMasks;
    private final RestorableUniformRandomProvider rng;
    private int size;
    private int next;
    private long added;

    /**
     * @param maskSize entries of the next state's action mask to keep (the number of discrete
     *                 actions), 0 to keep none
     * @param seed     the sampler's seed
     */
    public ReplayBuffer(int capacity, int observationSize, int actionSize, int maskSize, long seed) {
        this(capacity, observationSize, actionSize, maskSize, 1, seed);
    }

    /** A buffer of transitions with {@code rewardSize} rewards each (e.g. one per agent). */
    public ReplayBuffer(int capacity, int observationSize, int actionSize, int maskSize, int rewardSize, long seed) {
        this(capacity, observationSize, actionSize, maskSize, rewardSize,
                RandomSource.XO_RO_SHI_RO_128_PP.create(seed));
    }

    private ReplayBuffer(int capacity, int observationSize, int actionSize, int maskSize, int rewardSize,
                         RestorableUniformRandomProvider rng) {
        positive("capacity", capacity);
        positive("observationSize", observationSize);
        positive("actionSize", actionSize);
        positive("rewardSize", rewardSize);
        if (maskSize < 0) {
            throw new IllegalArgumentException("maskSize = " + maskSize + " must be >= 0 (0 = no masks)");
        }
        long floats = (long) capacity * (2L * observationSize + actionSize + rewardSize);
        if (floats > Integer.MAX_VALUE || (long) capacity * maskSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("capacity = " + capacity + " is too large for arrays of "
                    + observationSize + "-entry observations");
        }
        this.capacity = capacity;
        this.observationSize = observationSize;
        this.actionSize = actionSize;
        this.maskSize = maskSize;
        this.rewardSize = rewardSize;
        this.observations = new float[capacity * observationSize];
        this.actions = new float[capacity * actionSize];
        this.rewards = new float[capacity * rewardSize];
        this.nextObservations = new float[capacity * observationSize];
        this.terminated = new boolean[capacity];
        this.nextMasks = new boolean[capacity * maskSize];
        this.rng = rng;
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + " must be >= 1");
        }
    }

    /**
     * Adds a transition, overwriting the oldest when full.
     *
     * @param nextMask the next state's action mask, {@code null} when every action is allowed (ignored
     *                 when the buffer keeps no masks)
     */
    public void add(double[] observation, double[] action, double reward, double[] nextObservation,
                    boolean terminated, boolean[] nextMask) {
        add(observation, action, new double[] {reward}, nextObservation, terminated, nextMask);
    }

    /** Adds a transition with {@code rewardSize} rewards. */
    public void add(double[] observation, double[] action, double[] reward, double[] nextObservation,
                    boolean terminated, boolean[] nextMask) {
        length("reward", reward.length, rewardSize);
        length("observation", observation.length, observationSize);
        length("action", action.length, actionSize);
        length("nextObservation", nextObservation.length, observationSize);
        if (maskSize > 0 && nextMask != null) {
            length("nextMask", nextMask.length, maskSize);
        }
        int i = next;
        copy(observation, observations, i * observationSize);
        copy(action, actions, i * actionSize);
        copy(reward, rewards, i * rewardSize);
        copy(nextObservation, nextObservations, i * observationSize);
        this.terminated[i] = terminated;
        if (maskSize > 0) {
            if (nextMask == null) {
                Arrays.fill(nextMasks, i * maskSize, (i + 1) * maskSize, true);
            } else {
                System.arraycopy(nextMask, 0, nextMasks, i * maskSize, maskSize);
            }
        }
        next = (next + 1) % capacity;
        size = Math.min(size + 1, capacity);
        added++;
    }

    /** Adds a transition of a discrete action. */
    public void add(double[] observation, int action, double reward, double[] nextObservation, boolean terminated,
                    boolean[] nextMask) {
        add(observation, new double[] {action}, reward, nextObservation, terminated, nextMask);
    }

    private static void length(String name, int actual, int expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " has " + actual + " entries, the buffer stores " + expected);
        }
    }

    private static void copy(double[] from, float[] to, int offset) {
        for (int j = 0; j < from.length; j++) {
            to[offset + j] = (float) from[j];
        }
    }

    /** {@code batchSize} transitions drawn uniformly with replacement. */
    public ReplayBatch sample(int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize = " + batchSize + " must be >= 1");
        }
        if (size == 0) {
            throw new IllegalStateException("the replay buffer is empty");
        }
        float[] obs = new float[batchSize * observationSize];
        float[] act = new float[batchSize * actionSize];
        float[] rew = new float[batchSize * rewardSize];
        float[] nextObs = new float[batchSize * observationSize];
        boolean[] term = new boolean[batchSize];
        boolean[] masks = new boolean[batchSize * maskSize];
        for (int b = 0; b < batchSize; b++) {
            int i = rng.nextInt(size);
            System.arraycopy(observations, i * observationSize, obs, b * observationSize, observationSize);
            System.arraycopy(actions, i * actionSize, act, b * actionSize, actionSize);
            System.arraycopy(rewards, i * rewardSize, rew, b * rewardSize, rewardSize);
            System.arraycopy(nextObservations, i * observationSize, nextObs, b * observationSize, observationSize);
            term[b] = terminated[i];
            System.arraycopy(nextMasks, i * maskSize, masks, b * maskSize, maskSize);
        }
        return new ReplayBatch(batchSize, observationSize, actionSize, maskSize, obs, act, rew, nextObs, term, masks);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Transitions added since creation, overwritten ones included. */
    public long added() {
        return added;
    }

    public int observationSize() {
        return observationSize;
    }

    public int actionSize() {
        return actionSize;
    }

    public int maskSize() {
        return maskSize;
    }

    public int rewardSize() {
        return rewardSize;
    }

    /** Writes the stored transitions, the ring's position and the sampler's state (atomically). */
    public void save(Path file) throws IOException {
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeUTF(rewardSize == 1 ? MAGIC : MAGIC_2);
            out.writeInt(capacity);
            out.writeInt(observationSize);
            out.writeInt(actionSize);
            out.writeInt(maskSize);
            if (rewardSize != 1) {
                out.writeInt(rewardSize);
            }
            out.writeInt(size);
            out.writeInt(next);
            out.writeLong(added);
            writeFloats(out, observations, size * observationSize);
            writeFloats(out, actions, size * actionSize);
            writeFloats(out, rewards, size * rewardSize);
            writeFloats(out, nextObservations, size * observationSize);
            for (int i = 0; i < size; i++) {
                out.writeBoolean(terminated[i]);
            }
            for (int i = 0; i < size * maskSize; i++) {
                out.writeBoolean(nextMasks[i]);
            }
            byte[] state = ((RandomProviderDefaultState) rng.saveState()).getState();
            out.writeInt(state.length);
            out.write(state);
            out.flush();
        });
    }

    /** Reads a buffer written by {@link #save}, the sampler where it stood. */
    public static ReplayBuffer load(Path file) throws IOException {
        try (InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(stream);
            String magic = in.readUTF();
            if (!MAGIC.equals(magic) && !MAGIC_2.equals(magic)) {
                throw new IOException(file + " is not a replay buffer (header " + magic + ")");
            }
            int capacity = in.readInt();
            int observationSize = in.readInt();
            int actionSize = in.readInt();
            int maskSize = in.readInt();
            int rewardSize = MAGIC_2.equals(magic) ? in.readInt() : 1;
            ReplayBuffer b = new ReplayBuffer(capacity, observationSize, actionSize, maskSize, rewardSize,
                    RandomSource.XO_RO_SHI_RO_128_PP.create(0L));
            b.size = in.readInt();
            b.next = in.readInt();
            b.added = in.readLong();
            readFloats(in, b.observations, b.size * b.observationSize);
            readFloats(in, b.actions, b.size * b.actionSize);
            readFloats(in, b.rewards, b.size * b.rewardSize);
            readFloats(in, b.nextObservations, b.size * b.observationSize);
            for (int i = 0; i < b.size; i++) {
                b.terminated[i] = in.readBoolean();
            }
            for (int i = 0; i < b.size * b.maskSize; i++) {
                b.nextMasks[i] = in.readBoolean();
            }
            byte[] state = new byte[in.readInt()];
            in.readFully(state);
            b.rng.restoreState(new RandomProviderDefaultState(state));
            return b;
        }
    }

    static void writeFloats(DataOutputStream out, float[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeFloat(values[i]);
        }
    }

    static void readFloats(DataInputStream in, float[] values, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            values[i] = in.readFloat();
        }
    }
}
