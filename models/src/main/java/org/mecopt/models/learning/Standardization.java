package org.mecopt.models.learning;

/** One mean and deviation for all input values, fitted on the training split. */
public record Standardization(double mean, double std) {
    /** Over every value of every input; a constant input gets deviation 1. */
    public static Standardization fit(Iterable<double[]> inputs) {
        double sum = 0;
        double sq = 0;
        long count = 0;
        for (double[] input : inputs) {
            for (double v : input) {
                sum += v;
                sq += v * v;
                count++;
            }
        }
        double mean = sum / count;
        double std = Math.sqrt(Math.max(0, sq / count - mean * mean));
        return new Standardization(mean, std > 0 ? std : 1);
    }

    public float[] apply(double[] raw) {
        float[] out = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            out[i] = (float) ((raw[i] - mean) / std);
        }
        return out;
    }
}
