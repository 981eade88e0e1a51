package org.mecopt.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The idle-machine estimate's arithmetic, on profiles whose answer is known by hand. */
class CpuProfileTest {
    private static final long S = 1_000_000_000L;

    private static CpuProfile profile(long samples, long process, long gc, long writeSerial) {
        return new CpuProfile(samples, 0, 8 * S, 0, writeSerial, writeSerial, 9 * S, process, gc, 0, 20 * S);
    }

    @Test
    void cpuSpreadOverTheCoresGivesTheRate() {
        // 1 000 samples in 10 CPU-seconds: 100/s on one core, 200/s on two
        assertEquals(100, profile(1000, 10 * S, 0, S).idleEstimate(1), 1e-9);
        assertEquals(200, profile(1000, 10 * S, 0, S).idleEstimate(2), 1e-9);
    }

    @Test
    void garbageCollectionIsSerial() {
        // 9 s of parallel work over 2 cores + 1 s of collections = 5.5 s
        assertEquals(1000 / 5.5, profile(1000, 10 * S, S, S).idleEstimate(2), 1e-9);
    }

    @Test
    void theSerialWritingCapsTheRate() {
        // 8 s of writing on one thread at a time: never faster than 125/s, however many cores
        assertEquals(125, profile(1000, 10 * S, 0, 8 * S).idleEstimate(2), 1e-9);
        assertEquals(125, profile(1000, 10 * S, 0, 8 * S).idleEstimate(8), 1e-9);
    }

    @Test
    void perSampleMillisAndNothingMeasured() {
        CpuProfile p = profile(1000, 10 * S, 0, S);
        assertEquals(8.0, p.perSampleMillis(p.solveNanos()), 1e-12);
        assertEquals(0, p.otherThreadNanos()); // 9 s of threads = 8 s solving + 1 s writing
        assertTrue(Double.isNaN(profile(0, 0, 0, 0).idleEstimate(2)));
    }
}
