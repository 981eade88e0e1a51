package org.mecopt.models.learning;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A seeded split into training and validation examples. */
public record Split<X>(List<X> train, List<X> validation) {
    /**
     * Shuffles {@code examples} in place with {@code random} and takes the first {@code validationShare}
     * (at least one) for validation. The caller passes the same {@code random} on to the
     * {@link TrainingLoop}'s shuffles: one stream for both is what trained every model so far.
     */
    public static <X> Split<X> shuffled(List<X> examples, Random random, double validationShare) {
        Collections.shuffle(examples, random);
        int validation = Math.max(1, (int) Math.round(examples.size() * validationShare));
        return new Split<>(new ArrayList<>(examples.subList(validation, examples.size())),
                List.copyOf(examples.subList(0, validation)));
    }
}
