package org.mecopt.models.learning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import java.util.List;

/**
 * A sum of named loss terms with weights: supervised terms (a head's error to its labels),
 * self-supervised ones (an objective computed from the inputs and a head's outputs), or both; a
 * multi-task learner gives each head its terms. Terms of weight 0 are left out.
 */
public record WeightedLoss(List<Term> terms) {
    /** One term: the batch mean of something computed from the outputs and the batch's context. */
    public interface Value {
        NDArray of(NDList outputs, Batch batch);
    }

    public record Term(String name, double weight, Value value) {
        public Term {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("loss weight of " + name + " must be finite and >= 0: " + weight);
            }
        }
    }

    public WeightedLoss {
        terms = terms.stream().filter(t -> t.weight() > 0).toList();
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a loss needs a term of positive weight");
        }
    }

    public NDArray value(NDList outputs, Batch batch) {
        NDArray sum = null;
        for (Term t : terms) {
            NDArray v = t.value().of(outputs, batch);
            v = t.weight() == 1 ? v : v.mul((float) t.weight()); // weight 1 adds no rounding
            sum = sum == null ? v : sum.add(v);
        }
        return sum;
    }
}
