package org.mecopt.api;

import java.util.Map;

/**
 * The one mapping between a family's objects and named tensors, used both ways: datasets write
 * {@link #features} and {@link #labels}; learned models rebuild the instance of a dataset row with
 * {@link #instance} and read labels back with {@link #solution}. Names and shapes are part of the
 * dataset format: insertion order is column order, and a name once written must keep its meaning.
 *
 * @param <P> the instance type
 * @param <S> its solution type
 */
public interface TensorCodec<P extends Problem<S>, S> {

    /** The instance's arrays by name, in column order. */
    Map<String, Tensor> features(P instance);

    /** The solution's variables by name, in column order. */
    Map<String, Tensor> labels(S solution);

    /**
     * The instance whose {@link #features} are {@code features}.
     *
     * @throws InvalidInstanceException naming the missing or malformed feature
     */
    P instance(Map<String, Tensor> features);

    /**
     * The solution of {@code instance} whose {@link #labels} are {@code labels}.
     *
     * @throws InvalidInstanceException naming the missing or malformed label
     */
    S solution(P instance, Map<String, Tensor> labels);

    /**
     * {@code tensors.get(name)}, for codecs reading a dataset row.
     *
     * @param kind {@code features} or {@code label}, for the message
     * @param family the family whose datasets hold it, for the message
     * @throws InvalidInstanceException naming {@code kind.name} when it is missing
     */
    static Tensor require(Map<String, Tensor> tensors, String kind, String name, String family) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new InvalidInstanceException(kind + "." + name, null, "is missing: not a " + family + " dataset");
        }
        return t;
    }
}
