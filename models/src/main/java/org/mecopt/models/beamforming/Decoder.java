package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;

/** How a network's beam outputs become beams. */
public enum Decoder {
    /**
     * The network outputs every beam coefficient (2·N·I·K, or 2·N·I·M per station), in units of
     * {@code √P_b^max}; projected per station. The only choice for dmtssl/datl, whose stations see
     * only their own channels.
     */
    DIRECT("direct"),
    /** The network outputs a power and a regularization per (n, i) and the beams are regularized zero-forcing ({@link Rzf}); projected with one common factor. Central only. */
    RZF("rzf");

    private final String id;

    Decoder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Decoder parse(String text) {
        for (Decoder d : values()) {
            if (d.id.equalsIgnoreCase(text)) {
                return d;
            }
        }
        throw new InvalidInstanceException("--decoder", text, "must be direct or rzf");
    }
}
