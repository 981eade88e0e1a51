package org.mecopt.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link WarmStartedIca.GainForecast}: the geometric tail, and no forecast without a shrinking trend. */
class GainForecastTest {

    @Test
    void aGeometricSequenceForecastsItsOwnTail() {
        WarmStartedIca.GainForecast forecast = new WarmStartedIca.GainForecast();
        double gain = 1e-3;
        double ratio = 0.8;
        assertEquals(Double.POSITIVE_INFINITY, forecast.remaining(gain));
        assertEquals(Double.POSITIVE_INFINITY, forecast.remaining(gain * ratio));
        double third = gain * ratio * ratio;
        // the sum of third·r + third·r² + … is the tail after the third gain
        assertEquals(third * ratio / (1 - ratio), forecast.remaining(third), 1e-15);
    }

    @Test
    void theLargerOfTheLastTwoRatiosIsUsed() {
        WarmStartedIca.GainForecast forecast = new WarmStartedIca.GainForecast();
        forecast.remaining(1e-3);
        forecast.remaining(9e-4); // ratio 0.9
        double tail = forecast.remaining(9e-5); // ratio 0.1: a sudden drop
        assertEquals(9e-5 * 0.9 / 0.1, tail, 1e-15);
    }

    @Test
    void growingOrZeroGainsForecastNothing() {
        WarmStartedIca.GainForecast growing = new WarmStartedIca.GainForecast();
        growing.remaining(1e-4);
        growing.remaining(2e-4);
        assertEquals(Double.POSITIVE_INFINITY, growing.remaining(3e-4));
        WarmStartedIca.GainForecast stopped = new WarmStartedIca.GainForecast();
        stopped.remaining(1e-4);
        stopped.remaining(5e-5);
        double afterNothing = stopped.remaining(0);
        assertEquals(0, afterNothing, "no gain after shrinking gains: nothing more is forecast");
        assertTrue(stopped.remaining(1e-5) == Double.POSITIVE_INFINITY, "a gain after a zero has no ratio");
    }
}
