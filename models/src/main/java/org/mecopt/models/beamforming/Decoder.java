package org.mecopt.models.beamforming;

import org.mecopt.api.InvalidInstanceException;

/** How a network's beam outputs become beams. */
public enum Decoder {
    /**
     * The network outputs every beam coefficient (2·N·I·K, or 2·N·I·M per station), in units of
     * {@code √P_b^max}; projected per station.
     */
    DIRECT("direct"),
    /**
     * The network outputs a power and a regularization per (n, i) and the beams are regularized
     * zero-forcing ({@link Rzf}). cmtssl: network-wide, over all K antennas, projected with one
     * common factor. dmtssl/datl: local, each station over its own M antennas and its own channels
     * only (it cannot null what it does not see; regularization is what makes M < I work),
     * projected per station.
     */
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
