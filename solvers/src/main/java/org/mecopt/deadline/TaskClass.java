package org.mecopt.deadline;

import java.util.Arrays;
import org.mecopt.api.InvalidInstanceException;

/** The application classes of seed 000 (Table I); a user keeps its class for the whole episode. */
public enum TaskClass {
    XR("XR"),
    IOT("IoT");

    private final String label;

    TaskClass(String label) {
        this.label = label;
    }

    /** The name used in files ({@code "XR"}, {@code "IoT"}), as in the trace format of issue 14. */
    public String label() {
        return label;
    }

    public static TaskClass parse(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst()
                .orElseThrow(() -> new InvalidInstanceException("class", label, "must be XR or IoT"));
    }

    @Override
    public String toString() {
        return label;
    }
}
