package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayBufferTest {

    /** Transition {@code k}: observation (k, −k), discrete action k mod 3, reward k, terminated when k is odd. */
    private static void addTransition(ReplayBuffer b, int k) {
        boolean[] mask = {true, k % 2 == 0, k % 3 == 0};
        b.add(new double[] {k, -k}, k % 3, k, new double[] {k + 0.5, -k - 0.5}, k % 2 == 1, mask);
    }

    private static ReplayBuffer filled(int capacity, int count, long seed) {
        ReplayBuffer b = new ReplayBuffer(capacity, 2, 1, 3, seed);
        for (int k = 0; k < count; k++) {
            addTransition(b, k);
        }
        return b;
    }

    @Test
    void wrapsAroundKeepingTheNewestTransitionsIntact() {
        ReplayBuffer b = filled(5, 12, 1);
        assertEquals(5, b.size());
        assertEquals(12, b.added());
        Set<Integer> seen = new HashSet<>();
        ReplayBatch batch = b.sample(400);
        for (int i = 0; i < batch.size(); i++) {
            int k = (int) batch.rewards()[i];
            seen.add(k);
            // every field of a row belongs to the same transition
            assertEquals(k, batch.observations()[2 * i]);
            assertEquals(-k, batch.observations()[2 * i + 1]);
            assertEquals(k + 0.5f, batch.nextObservations()[2 * i]);
            assertEquals(k % 3, batch.discreteAction(i));
            assertEquals(k % 2 == 1, batch.terminated()[i]);
            assertTrue(batch.nextAllows(i, 0));
            assertEquals(k % 2 == 0, batch.nextAllows(i, 1));
            assertEquals(k % 3 == 0, batch.nextAllows(i, 2));
        }
        assertEquals(Set.of(7, 8, 9, 10, 11), seen, "only the five newest survive");
    }

    @Test
    void sameSeedSameBatchesDifferentSeedOthers() {
        ReplayBatch a = filled(100, 60, 42).sample(32);
        ReplayBatch b = filled(100, 60, 42).sample(32);
        ReplayBatch c = filled(100, 60, 43).sample(32);
        assertArrayEquals(a.rewards(), b.rewards());
        assertArrayEquals(a.observations(), b.observations());
        assertFalse(java.util.Arrays.equals(a.rewards(), c.rewards()));
    }

    @Test
    void saveAndLoadContinueTheSameBatches(@TempDir Path dir) throws Exception {
        ReplayBuffer original = filled(50, 80, 5);
        original.sample(16); // the sampler has moved
        Path file = dir.resolve("replay.bin");
        original.save(file);
        ReplayBuffer loaded = ReplayBuffer.load(file);
        assertEquals(original.size(), loaded.size());
        assertEquals(original.added(), loaded.added());
        for (int round = 0; round < 3; round++) {
            ReplayBatch x = original.sample(16);
            ReplayBatch y = loaded.sample(16);
            assertArrayEquals(x.observations(), y.observations());
            assertArrayEquals(x.actions(), y.actions());
            assertArrayEquals(x.rewards(), y.rewards());
            assertArrayEquals(x.nextObservations(), y.nextObservations());
            assertArrayEquals(x.terminated(), y.terminated());
            assertArrayEquals(x.nextMasks(), y.nextMasks());
        }
        // and the ring continues at the same position
        addTransition(original, 1000);
        addTransition(loaded, 1000);
        assertArrayEquals(original.sample(64).rewards(), loaded.sample(64).rewards());
    }

    @Test
    void continuousActionsAndNoMasks() {
        ReplayBuffer b = new ReplayBuffer(4, 3, 2, 0, 9);
        b.add(new double[] {1, 2, 3}, new double[] {0.25, -0.5}, -1.5, new double[] {4, 5, 6}, false, null);
        ReplayBatch batch = b.sample(2);
        assertArrayEquals(new float[] {0.25f, -0.5f, 0.25f, -0.5f}, batch.actions());
        assertEquals(0, batch.nextMasks().length);
        assertTrue(batch.nextAllows(0, 1));
    }

    @Test
    void refusesBadParametersNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReplayBuffer(0, 2, 1, 0, 1));
        assertTrue(e.getMessage().contains("capacity = 0"), e.getMessage());
        ReplayBuffer b = new ReplayBuffer(3, 2, 1, 0, 1);
        e = assertThrows(IllegalArgumentException.class,
                () -> b.add(new double[3], 0, 0, new double[2], false, null));
        assertTrue(e.getMessage().contains("observation has 3 entries"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> b.sample(1));
    }
}
