package org.mecopt.toy;

/** A point of the toy problem's box. */
public record ToySolution(double[] x) {
}
