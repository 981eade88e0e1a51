package org.mecopt.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sparse paths of the Newton step against the dense loops they replace, entry by entry with
 * {@code ==}: {@link KktSystem#addGramUpper(double[], int, int, double[], int[][])} with column
 * patterns (some groups dense) against the dense Gram, and {@link Iterate.Sparse}'s row sums and
 * products against the dense ones.
 */
class SparseGramTest {

    @Test
    void gramWithPatternsEqualsTheDenseGram() {
        Random random = new Random(41);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + random.nextInt(30);
            int cols = 1 + random.nextInt(25);
            double density = random.nextDouble();
            double[] w = new double[rows * cols];
            boolean[] denseRow = new boolean[rows];
            for (int i = 0; i < rows; i++) {
                denseRow[i] = random.nextInt(5) == 0;
                for (int j = 0; j < cols; j++) {
                    if (denseRow[i] || random.nextDouble() < density * 0.3) {
                        w[i * cols + j] = random.nextGaussian();
                    }
                }
            }
            int full = rows / 4 * 4;
            int[][] patterns = new int[rows / 4 + rows % 4][];
            int group = 0;
            for (int i = 0; i < rows; group++) {
                int size = i < full ? 4 : 1;
                boolean dense = false;
                boolean[] used = new boolean[cols];
                for (int r = i; r < i + size; r++) {
                    dense |= denseRow[r] && random.nextBoolean(); // a dense row may also be given its (full) pattern
                    for (int j = 0; j < cols; j++) {
                        used[j] |= w[r * cols + j] != 0;
                    }
                }
                if (!dense) {
                    patterns[group] = java.util.stream.IntStream.range(0, cols).filter(j -> used[j]).toArray();
                }
                i += size;
            }
            double[] expected = new double[cols * cols];
            KktSystem.addGramUpper(w, rows, cols, expected);
            double[] actual = new double[cols * cols];
            java.util.Arrays.fill(actual, 3.0); // overwritten, not added to
            KktSystem.addGramUpper(w, rows, cols, actual, patterns);
            for (int r = 0; r < cols; r++) {
                for (int c = r; c < cols; c++) {
                    double want = expected[r * cols + c];
                    assertTrue(want == actual[r * cols + c], "entry (" + r + ", " + c + ") of trial " + trial + ": "
                            + want + " vs " + actual[r * cols + c]);
                    double sum = 0;
                    for (int i = 0; i < rows; i++) {
                        sum += w[i * cols + r] * w[i * cols + c];
                    }
                    assertEquals(sum, actual[r * cols + c], 1e-12 * (1 + Math.abs(sum)));
                }
            }
        }
    }

    @Test
    void sparseRowsSumAsTheDenseRows() {
        Random random = new Random(5);
        for (int trial = 0; trial < 40; trial++) {
            int rows = random.nextInt(12);
            int cols = 1 + random.nextInt(15);
            double[] data = new double[rows * cols];
            for (int k = 0; k < data.length; k++) {
                data[k] = random.nextInt(3) == 0 ? random.nextGaussian() : 0;
            }
            Iterate.Sparse sparse = Iterate.Sparse.ofRows(data, rows, cols, trial % 2 == 0 ? null : Iterate.Sparse.ofRows(data, rows, cols, null));
            double[] x = random.doubles(cols).toArray();
            double[] outDense = random.doubles(cols).toArray();
            double[] outSparse = outDense.clone();
            for (int i = 0; i < rows; i++) {
                double start = random.nextGaussian();
                double dense = start;
                for (int j = 0; j < cols; j++) {
                    dense += data[i * cols + j] * x[j];
                }
                assertTrue(dense == sparse.dotRow(i, x, start), "row " + i + " of trial " + trial);
                double scale = random.nextGaussian();
                for (int j = 0; j < cols; j++) {
                    outDense[j] += data[i * cols + j] * scale;
                }
                sparse.addRow(i, scale, outSparse);
                for (int j = 0; j < cols; j++) {
                    assertTrue(outDense[j] == outSparse[j], "entry " + j + " after row " + i + " of trial " + trial);
                }
            }
        }
    }
}
