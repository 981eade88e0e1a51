package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import org.junit.jupiter.api.Test;

class DiscreteSacTemperatureTest {

    /**
     * Two Adam steps on log ω computed by hand: ω = 0.5, target 1, lr 0.1.
     * Step 1, entropy 1.5: g = 0.5, m = 0.05, v = 2.5e-4, m̂ = 0.5, v̂ = 0.25, Δ = −0.1·0.5/0.5 = −0.1.
     * Step 2, entropy 0.5: g = −0.5, m = 0.045 − 0.05 = −0.005, v = 2.49750e-4 + 2.5e-4 = 4.9975e-4,
     * m̂ = −0.005/0.19 = −0.0263158, v̂ = 4.9975e-4/0.001999 = 0.25000, Δ = +0.1·0.0263158/0.5 = +0.00526316.
     */
    @Test
    void adamStepsOnLogOmegaMatchTheHandComputation() {
        DiscreteSacTemperature t = new DiscreteSacTemperature(2, 0.5, 1.0, 0.1);
        t.update(new double[] {1.5, Double.NaN});
        assertEquals(Math.log(0.5) - 0.1, Math.log(t.omega(0)), 1e-7);
        assertEquals(0.5, t.omega(1), 1e-15, "an agent without decisions keeps its temperature");
        t.update(new double[] {0.5, Double.NaN});
        assertEquals(Math.log(0.5) - 0.1 + 0.00526316, Math.log(t.omega(0)), 1e-7);
        assertEquals(2, t.steps());
    }

    @Test
    void temperatureFallsAboveTheTargetAndRisesBelowIt() {
        DiscreteSacTemperature t = new DiscreteSacTemperature(2, 0.2, DiscreteSacTemperature.target(0.98, 7), 1e-3);
        for (int k = 0; k < 50; k++) {
            t.update(new double[] {Math.log(7), 0.1});
        }
        assertTrue(t.omega(0) < 0.2, "entropy above the target lowers omega");
        assertTrue(t.omega(1) > 0.2, "entropy below the target raises omega");
    }

    @Test
    void thePapersNegativeTargetIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DiscreteSacTemperature(7, 0.1, -1, 1e-3));
        assertTrue(e.getMessage().contains("targetEntropy = -1.0"), e.getMessage());
        assertEquals(0.98 * Math.log(7), DiscreteSacTemperature.target(0.98, 7), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> DiscreteSacTemperature.target(1.0, 7));
    }

    @Test
    void saveAndLoadContinueIdentically() throws Exception {
        DiscreteSacTemperature a = new DiscreteSacTemperature(3, 0.1, 1.0, 0.01);
        a.update(new double[] {1.2, 0.3, 1.9});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        a.save(new DataOutputStream(bytes));
        DiscreteSacTemperature b = new DiscreteSacTemperature(3, 0.7, 1.0, 0.01);
        b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        a.update(new double[] {0.2, 1.3, 0.9});
        b.update(new double[] {0.2, 1.3, 0.9});
        for (int i = 0; i < 3; i++) {
            assertEquals(a.omega(i), b.omega(i), 0.0);
        }
    }
}
