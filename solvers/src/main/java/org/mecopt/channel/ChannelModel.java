package org.mecopt.channel;

import java.util.Arrays;

/** The network architectures of seed 001. */
public enum ChannelModel {
    /** M single-antenna (or L-antenna) APs spread uniformly over the disk with the users. */
    CELLFREE("cellfree"),
    /** One base station at the centre with M co-located antennas ("BS-centered mMIMO"). */
    BS_MMIMO("bs-mmimo");

    private final String label;

    ChannelModel(String label) {
        this.label = label;
    }

    /** The name used on the command line and in files. */
    public String label() {
        return label;
    }

    public static ChannelModel parse(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst()
                .orElseThrow(() -> new org.mecopt.api.InvalidInstanceException("channel", label,
                        "must be one of " + Arrays.stream(values()).map(ChannelModel::label).toList()));
    }

    @Override
    public String toString() {
        return label;
    }
}
