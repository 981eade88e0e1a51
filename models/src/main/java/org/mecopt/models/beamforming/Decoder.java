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
    RZF("rzf"),
    /**
     * dmtssl/datl only: local regularized zero-forcing as {@link #RZF}, but each station transmits
     * only to the users it serves — on each subcarrier, the users for which it is the strongest
     * station ({@code ‖h_{n,i,b}‖} largest over b, what each user measures and reports, as in cell
     * selection) — with its power spread over its served pairs. Its regularized zero-forcing still
     * runs over all users it sees, so it leaks little toward the users the others serve.
     * Coordinated beamforming instead of joint transmission: with local channels only, a station
     * can neither co-phase with the others nor null their signals, so joint transmission to every
     * user only adds interference (measured on 30 default instances, no training: 41.6 % of
     * WMMSE's weighted sum rate with every station serving every user, 51.5 % served by the
     * strongest station; docs/subcarrier-beamforming-learning.md).
     */
    ASSOCIATED("associated-rzf");

    private final String id;

    Decoder(String id) {
        this.id = id;
    }

    /** Whether the network outputs a power and a regularization per (n, i) rather than coefficients. */
    public boolean structured() {
        return this != DIRECT;
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
        throw new InvalidInstanceException("--decoder", text, "must be direct, rzf or associated-rzf");
    }
}
