package org.mecopt.channel;

/** Decibel conversions used by the channel models. */
public final class Units {
    private Units() {
    }

    public static double dbToLinear(double db) {
        return Math.pow(10, db / 10);
    }

    public static double dbmToWatt(double dbm) {
        return Math.pow(10, (dbm - 30) / 10);
    }

    /** Thermal noise power in W over {@code bandwidthHz}: {@code −174 dBm/Hz} density plus the noise figure. */
    public static double noisePowerW(double densityDbmPerHz, double noiseFigureDb, double bandwidthHz) {
        return dbmToWatt(densityDbmPerHz + noiseFigureDb + 10 * Math.log10(bandwidthHz));
    }
}
