package org.mecopt.datasets;

/**
 * The seed of sample {@code i} of a dataset with seed {@code s}: the {@code i}-th output of a
 * SplitMix64 stream started at {@code s}, i.e. {@code mix64(s + (i + 1) * 0x9E3779B97F4A7C15)} with
 * Stafford's variant 13 finalizer (the one SplitMix64 and {@code java.util.SplittableRandom} use).
 *
 * <p>It is computed directly from {@code (s, i)}, so any sample can be produced alone, in any order
 * and on any thread, and neighbouring indices or seeds give unrelated seeds (the finalizer has full
 * avalanche). The generators then seed their own {@code XO_RO_SHI_RO_128_PP} from it through Commons
 * RNG, which expands a {@code long} seed with SplitMix64 as well.
 */
public final class SampleSeeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private SampleSeeds() {
    }

    public static long of(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index = " + index + " must be >= 0");
        }
        return mix64(seed + (index + 1) * GOLDEN_GAMMA);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
