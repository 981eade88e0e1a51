package org.mecopt.examples;

import java.util.ArrayList;
import java.util.List;
import org.mecopt.offloading.Device;
import org.mecopt.offloading.OffloadingInstance;
import org.mecopt.offloading.Server;

/**
 * An offloading instance from the user's own measurements rather than from a generator: six devices,
 * three edge servers, one channel gain per device and server.
 */
final class MyNetwork {
    /** Per device: input size in bits, CPU cycles, transmit power in W. */
    private static final double[][] DEVICES = {
        {300e3, 1.2e9, 0.1},
        {450e3, 0.6e9, 0.1},
        {250e3, 1.9e9, 0.2},
        {500e3, 0.9e9, 0.1},
        {220e3, 1.5e9, 0.1},
        {380e3, 0.7e9, 0.2},
    };
    /** Per server: CPU in cycles/s, most tasks it takes. */
    private static final double[][] SERVERS = {{6e9, 2}, {8e9, 3}, {5e9, 2}};
    /** {@code GAIN[m][n]}: dimensionless power gain from device m to server n. */
    private static final double[][] GAIN = {
        {1.8, 0.6, 0.9},
        {0.7, 1.5, 0.8},
        {1.1, 0.9, 1.9},
        {0.5, 1.2, 1.6},
        {1.4, 1.3, 0.6},
        {0.9, 0.8, 1.7},
    };
    private static final double BANDWIDTH_HZ = 1e6;
    private static final double NOISE_W = 1e-9;

    private MyNetwork() {
    }

    static OffloadingInstance instance() {
        List<Device> devices = new ArrayList<>();
        for (double[] d : DEVICES) {
            devices.add(new Device(d[0], d[1], d[2]));
        }
        List<Server> servers = new ArrayList<>();
        for (double[] s : SERVERS) {
            servers.add(new Server(s[0], (int) s[1]));
        }
        return new OffloadingInstance(BANDWIDTH_HZ, NOISE_W, devices, servers, GAIN);
    }

    /** The same network with one device's cycles mistyped as negative: the constructor refuses it. */
    static OffloadingInstance withNegativeCycles() {
        OffloadingInstance ok = instance();
        List<Device> devices = new ArrayList<>(ok.devices());
        Device d = devices.get(3);
        devices.set(3, new Device(d.inputBits(), -d.cycles(), d.txPowerW()));
        return new OffloadingInstance(ok.bandwidthHz(), ok.noiseW(), devices, ok.servers(), ok.channelGain());
    }
}
