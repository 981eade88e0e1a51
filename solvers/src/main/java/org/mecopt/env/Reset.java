package org.mecopt.env;

/** The first observation of an episode and its info. */
public record Reset(double[] observation, Info info) {
}
