package org.mecopt.beamforming;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import org.mecopt.api.Check;
import org.mecopt.api.InvalidInstanceException;

/**
 * An immutable complex number per subcarrier n, user i, station b and antenna m of that station: the
 * channel {@code h[n][i][b][m]} of a {@link BeamformingInstance} or the beams {@code w[n][i][b][m]} of a
 * {@link BeamformingSolution}. Stations may have different antenna counts {@code M_b}.
 *
 * <p><b>Flat storage</b> (what {@link #data()} returns and learners map to a tensor of shape
 * {@code [N, I, A, 2]}, {@code A = Σ_b M_b}): the stations' antennas are stacked into one network-wide
 * vector of length A, station b's antennas at {@code offset(b) … offset(b) + M_b − 1}, and
 * <pre>
 *   re(n, i, b, m) = data[((n·I + i)·A + offset(b) + m)·2]
 *   im(n, i, b, m) = data[((n·I + i)·A + offset(b) + m)·2 + 1]
 * </pre>
 * so {@code data[(n·I + i)·2A … (n·I + i + 1)·2A − 1]} is the stacked complex vector of user i on
 * subcarrier n, real and imaginary parts interleaved. In JSON the tensor is the nested array
 * {@code [n][i][b][m] = [re, im]}.
 */
public final class ComplexTensor {
    private final int subcarriers;
    private final int users;
    private final int[] antennas;
    private final int[] offsets;
    private final int totalAntennas;
    private final double[] data;

    private ComplexTensor(int subcarriers, int users, int[] antennas, double[] data) {
        this.subcarriers = subcarriers;
        this.users = users;
        this.antennas = antennas;
        this.offsets = new int[antennas.length + 1];
        for (int b = 0; b < antennas.length; b++) {
            offsets[b + 1] = offsets[b] + antennas[b];
        }
        this.totalAntennas = offsets[antennas.length];
        this.data = data;
    }

    /**
     * A tensor over flat data in the layout of the class comment (copied).
     *
     * @param field the name used in errors, e.g. {@code beams}
     * @throws InvalidInstanceException naming {@code field} when a size is not positive, the data
     *     has the wrong length or holds a non-finite value
     */
    public static ComplexTensor of(String field, int subcarriers, int users, int[] antennas, double[] data) {
        Check.atLeast(field + " subcarriers", subcarriers, 1);
        Check.atLeast(field + " users", users, 1);
        Check.present(field + " antennas", antennas);
        Check.atLeast(field + " stations", antennas.length, 1);
        long total = 0;
        for (int b = 0; b < antennas.length; b++) {
            Check.atLeast(field + " antennas[" + b + "]", antennas[b], 1);
            total += antennas[b];
        }
        long size = 2L * subcarriers * users * total;
        if (size > Integer.MAX_VALUE - 8) {
            throw new InvalidInstanceException(field, size + " values", "is too large for one array");
        }
        Check.present(field, data);
        if (data.length != size) {
            throw new InvalidInstanceException(field + ".length", data.length, "must equal 2·N·I·ΣM = " + size);
        }
        for (int k = 0; k < data.length; k++) {
            if (!Double.isFinite(data[k])) {
                ComplexTensor shape = new ComplexTensor(subcarriers, users, antennas.clone(), new double[0]);
                throw new InvalidInstanceException(field + shape.path(k), data[k], "must be finite");
            }
        }
        return new ComplexTensor(subcarriers, users, antennas.clone(), data.clone());
    }

    /** All zeros, with the shape of {@code like}. */
    public static ComplexTensor zeros(ComplexTensor like) {
        return new ComplexTensor(like.subcarriers, like.users, like.antennas, new double[like.data.length]);
    }

    /** Takes ownership of {@code data} (no copy, no check): for the package's solvers, which fill it once. */
    static ComplexTensor wrap(ComplexTensor like, double[] data) {
        return new ComplexTensor(like.subcarriers, like.users, like.antennas, data);
    }

    /**
     * Reads the nested form {@code nested[n][i][b][m] = {re, im}}: every {@code nested[n]} must hold the
     * same number of users, every {@code nested[n][i]} the same number of stations, and station b the
     * same number of antennas everywhere.
     *
     * @param field the JSON field, named in errors with the index at fault, e.g. {@code channel[0][3][1].length}
     */
    public static ComplexTensor fromNested(String field, double[][][][][] nested) {
        Check.present(field, nested);
        Check.atLeast(field + ".length", nested.length, 1);
        Check.present(field + "[0]", nested[0]);
        Check.atLeast(field + "[0].length", nested[0].length, 1);
        Check.present(field + "[0][0]", nested[0][0]);
        Check.atLeast(field + "[0][0].length", nested[0][0].length, 1);
        int n0 = nested.length;
        int i0 = nested[0].length;
        int b0 = nested[0][0].length;
        int[] antennas = new int[b0];
        for (int b = 0; b < b0; b++) {
            Check.present(field + "[0][0][" + b + "]", nested[0][0][b]);
            antennas[b] = Check.atLeast(field + "[0][0][" + b + "].length", nested[0][0][b].length, 1);
        }
        int total = Arrays.stream(antennas).sum();
        long size = 2L * n0 * i0 * total;
        if (size > Integer.MAX_VALUE - 8) {
            throw new InvalidInstanceException(field, size + " values", "is too large for one array");
        }
        double[] data = new double[(int) size];
        int k = 0;
        for (int n = 0; n < n0; n++) {
            length(field + "[" + n + "]", nested[n], i0, field + "[0].length");
            for (int i = 0; i < i0; i++) {
                String ni = field + "[" + n + "][" + i + "]";
                length(ni, nested[n][i], b0, field + "[0][0].length");
                for (int b = 0; b < b0; b++) {
                    String nib = ni + "[" + b + "]";
                    length(nib, nested[n][i][b], antennas[b], field + "[0][0][" + b + "].length");
                    for (int m = 0; m < antennas[b]; m++) {
                        String nibm = nib + "[" + m + "]";
                        double[] z = nested[n][i][b][m];
                        Check.present(nibm, z);
                        if (z.length != 2) {
                            throw new InvalidInstanceException(nibm + ".length", z.length, "must be 2: [re, im]");
                        }
                        for (int c = 0; c < 2; c++) {
                            if (!Double.isFinite(z[c])) {
                                throw new InvalidInstanceException(nibm + "[" + c + "]", z[c], "must be finite");
                            }
                            data[k++] = z[c];
                        }
                    }
                }
            }
        }
        return new ComplexTensor(n0, i0, antennas, data);
    }

    private static void length(String field, Object[] array, int expected, String reference) {
        Check.present(field, array);
        if (array.length != expected) {
            throw new InvalidInstanceException(field + ".length", array.length, "must equal " + reference + " = " + expected);
        }
    }

    /** The nested form {@code [n][i][b][m] = {re, im}}, as written to JSON. */
    @JsonValue
    public double[][][][][] nested() {
        double[][][][][] out = new double[subcarriers][users][antennas.length][][];
        int k = 0;
        for (int n = 0; n < subcarriers; n++) {
            for (int i = 0; i < users; i++) {
                for (int b = 0; b < antennas.length; b++) {
                    out[n][i][b] = new double[antennas[b]][2];
                    for (int m = 0; m < antennas[b]; m++) {
                        out[n][i][b][m][0] = data[k++];
                        out[n][i][b][m][1] = data[k++];
                    }
                }
            }
        }
        return out;
    }

    /** N. */
    public int subcarriers() {
        return subcarriers;
    }

    /** I. */
    public int users() {
        return users;
    }

    /** B. */
    public int stations() {
        return antennas.length;
    }

    /** {@code M_b}. */
    public int antennas(int b) {
        return antennas[b];
    }

    /** {@code M_0 … M_{B−1}} (a copy). */
    public int[] antennas() {
        return antennas.clone();
    }

    /** {@code A = Σ_b M_b}, the length of the stacked network-wide vector. */
    public int totalAntennas() {
        return totalAntennas;
    }

    /** Where station b's antennas start in the stacked vector: {@code Σ_{b' < b} M_b'}. */
    public int offset(int b) {
        return offsets[b];
    }

    /** The flat index of {@code re(n, i, b, m)}; the imaginary part follows it. */
    public int index(int n, int i, int b, int m) {
        return ((n * users + i) * totalAntennas + offsets[b] + m) * 2;
    }

    public double re(int n, int i, int b, int m) {
        return data[index(n, i, b, m)];
    }

    public double im(int n, int i, int b, int m) {
        return data[index(n, i, b, m) + 1];
    }

    /** The flat data (a copy; layout in the class comment). */
    public double[] data() {
        return data.clone();
    }

    /** The flat data without copying, for this package's solvers, which never write to it. */
    double[] raw() {
        return data;
    }

    /** The number of doubles: {@code 2·N·I·A}. */
    public int size() {
        return data.length;
    }

    /** Whether {@code other} has the same N, I and antennas per station. */
    public boolean sameShape(ComplexTensor other) {
        return subcarriers == other.subcarriers && users == other.users && Arrays.equals(antennas, other.antennas);
    }

    /** {@code [N, I, M_0, …, M_{B−1}]}, for messages. */
    public String shape() {
        return "[N=" + subcarriers + ", I=" + users + ", M=" + Arrays.toString(antennas) + "]";
    }

    /** The nested index of flat position k, e.g. {@code [0][3][1][2][1]}. */
    String path(int k) {
        int c = k % 2;
        int a = (k / 2) % totalAntennas;
        int ni = k / 2 / totalAntennas;
        int b = 0;
        while (offsets[b + 1] <= a) {
            b++;
        }
        return "[" + ni / users + "][" + ni % users + "][" + b + "][" + (a - offsets[b]) + "][" + c + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexTensor t && subcarriers == t.subcarriers && users == t.users
                && Arrays.equals(antennas, t.antennas) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * subcarriers + users) + 31 * Arrays.hashCode(antennas) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ComplexTensor" + shape();
    }
}
