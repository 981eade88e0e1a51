package org.mecopt.api;

import java.util.Arrays;

/**
 * A dense array of doubles in row-major (C) order with its shape, e.g. the gain tensor
 * {@code gain[n][k][j]} of shape {@code [N, K, K]}. Scalars have shape {@code [1]}.
 *
 * @param data the values, flattened row-major
 * @param shape the dimensions; their product is {@code data.length}
 */
public record Tensor(double[] data, int[] shape) {

    public Tensor {
        long size = 1;
        for (int d : shape) {
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + size
                    + " values, data has " + data.length);
        }
    }

    public static Tensor scalar(double value) {
        return new Tensor(new double[] {value}, new int[] {1});
    }

    public static Tensor of(double[] values) {
        return new Tensor(values.clone(), new int[] {values.length});
    }

    public static Tensor of(int[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return new Tensor(d, new int[] {values.length});
    }

    public static Tensor of(double[][] values) {
        int cols = values.length == 0 ? 0 : values[0].length;
        double[] d = new double[values.length * cols];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(values[i], 0, d, i * cols, cols);
        }
        return new Tensor(d, new int[] {values.length, cols});
    }

    public static Tensor of(double[][][] values) {
        int b = values.length == 0 ? 0 : values[0].length;
        int c = b == 0 ? 0 : values[0][0].length;
        double[] d = new double[values.length * b * c];
        int p = 0;
        for (double[][] plane : values) {
            for (double[] row : plane) {
                System.arraycopy(row, 0, d, p, c);
                p += c;
            }
        }
        return new Tensor(d, new int[] {values.length, b, c});
    }

    /** This two-dimensional tensor as {@code [rows][cols]} (a copy). */
    public double[][] matrix() {
        requireRank(2);
        double[][] out = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            System.arraycopy(data, i * shape[1], out[i], 0, shape[1]);
        }
        return out;
    }

    /** This three-dimensional tensor as {@code [a][b][c]} (a copy). */
    public double[][][] cube() {
        requireRank(3);
        double[][][] out = new double[shape[0]][shape[1]][shape[2]];
        int p = 0;
        for (int i = 0; i < shape[0]; i++) {
            for (int j = 0; j < shape[1]; j++) {
                System.arraycopy(data, p, out[i][j], 0, shape[2]);
                p += shape[2];
            }
        }
        return out;
    }

    private void requireRank(int rank) {
        if (shape.length != rank) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is not of rank " + rank);
        }
    }

    /** The value at a multi-index (row-major). */
    public double get(int... index) {
        int flat = 0;
        for (int i = 0; i < shape.length; i++) {
            flat = flat * shape[i] + index[i];
        }
        return data[flat];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor t && Arrays.equals(data, t.data) && Arrays.equals(shape, t.shape);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape) + Arrays.toString(data);
    }
}
