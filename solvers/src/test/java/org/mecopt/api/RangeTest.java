package org.mecopt.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RangeTest {

    @Test
    void boundsAreIncludedAndEverythingElseIsRejectedByName() {
        Range r = new Range(1, 1e15);
        assertEquals(1, r.check("x", 1));
        assertEquals(1e15, r.check("x", 1e15));
        for (double bad : new double[] {Math.nextDown(1.0), Math.nextUp(1e15), Double.NaN, Double.POSITIVE_INFINITY,
                Double.MIN_VALUE, -1}) {
            InvalidInstanceException e = assertThrows(InvalidInstanceException.class, () -> r.check("servers[0].cpuHz", bad));
            assertEquals("servers[0].cpuHz", e.field());
            assertEquals("servers[0].cpuHz = " + bad + " is outside [1, 1e15]", e.getMessage());
        }
    }

    @Test
    void printsPowersOfTenShortAndOtherBoundsExactly() {
        assertEquals("[1e-20, 1e20]", new Range(1e-20, 1e20).toString());
        assertEquals("[-1e6, 1000]", new Range(-1e6, 1e3).toString());
        assertEquals("[0, 2.5]", new Range(0, 2.5).toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Range(2, 1)).getMessage().contains("[2.0, 1.0]"));
    }
}
