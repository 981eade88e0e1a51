package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;

/** The three learners of seed 002 (MODEL.md §5, our reconstruction). */
public enum Method {
    /** One central network from the whole channel to all beams and the allocation. */
    CMTSSL("cmtssl"),
    /** One network per station on its local channels; a coordinating step computes the global loss. */
    DMTSSL("dmtssl"),
    /** A dmtssl system with one more station, whose network starts from the nearest existing station's. */
    DATL("datl");

    private final String id;

    Method(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the model is one network per station. */
    public boolean perStation() {
        return this != CMTSSL;
    }

    public static Method parse(String text) {
        for (Method m : values()) {
            if (m.id.equalsIgnoreCase(text)) {
                return m;
            }
        }
        throw new InvalidInstanceException("--method", text, "must be cmtssl, dmtssl or datl");
    }
}
