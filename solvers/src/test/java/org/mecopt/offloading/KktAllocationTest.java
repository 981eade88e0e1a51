package org.mecopt.offloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;

class KktAllocationTest {

    /**
     * An independent reference: projected gradient descent on the CPU shares of one server,
     * {@code min Σ C_m/f_m} over the simplex {@code Σ f_m = F}, in log-share coordinates.
     */
    static double numericalSplit(double[] cycles, double cpu) {
        int k = cycles.length;
        double[] z = new double[k];
        for (int it = 0; it < 5_000; it++) {
            double[] f = softmax(z, cpu);
            // g = Σ C_i/f_i with f = F softmax(z): dg/dz_j = u_j − s_j Σ u_i, u_i = −C_i/f_i
            double[] u = new double[k];
            double sumU = 0;
            double g = 0;
            for (int i = 0; i < k; i++) {
                u[i] = -cycles[i] / f[i];
                sumU += u[i];
                g += cycles[i] / f[i];
            }
            for (int j = 0; j < k; j++) {
                z[j] -= 0.5 * (u[j] - f[j] / cpu * sumU) / g;
            }
        }
        double[] f = softmax(z, cpu);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += cycles[i] / f[i];
        }
        return sum;
    }

    private static double[] softmax(double[] z, double total) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = Math.exp(z[i] - max);
            sum += out[i];
        }
        for (int i = 0; i < z.length; i++) {
            out[i] = out[i] / sum * total;
        }
        return out;
    }

    @Property(tries = 50)
    void closedFormMatchesNumericalOptimizer(@ForAll @Size(min = 1, max = 6) List<@DoubleRange(min = 1e8, max = 5e9) Double> cycles,
                                             @ForAll @DoubleRange(min = 1e9, max = 2e10) double cpu) {
        double[] c = cycles.stream().mapToDouble(Double::doubleValue).toArray();
        OffloadingInstance instance = singleServer(c, cpu);
        double[] f = KktAllocation.allocate(instance, new int[c.length]);
        double kkt = 0;
        double used = 0;
        for (int i = 0; i < c.length; i++) {
            kkt += c[i] / f[i];
            used += f[i];
        }
        assertEquals(cpu, used, 1e-9 * cpu);
        double reference = numericalSplit(c, cpu);
        assertTrue(kkt <= reference * (1 + 1e-9), "KKT " + kkt + " worse than numerical " + reference);
        assertEquals(reference, kkt, 1e-6 * reference);
        double sqrtSum = c.length == 0 ? 0 : java.util.Arrays.stream(c).map(Math::sqrt).sum();
        assertEquals(sqrtSum * sqrtSum / cpu, kkt, 1e-9 * kkt, "closed form (Σ√C)²/F");
    }

    @Test
    void rejectsMalformedAssignments() {
        OffloadingInstance instance = singleServer(new double[] {1e9, 2e9}, 5e9);
        assertThrows(InvalidInstanceException.class, () -> KktAllocation.allocate(instance, new int[] {0}));
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> KktAllocation.allocate(instance, new int[] {0, 1}));
        assertEquals("assignment[1]", e.field());
    }

    private static OffloadingInstance singleServer(double[] cycles, double cpu) {
        List<Device> devices = java.util.Arrays.stream(cycles).mapToObj(c -> new Device(1e5, c, 0.1)).toList();
        double[][] gain = new double[cycles.length][1];
        for (double[] row : gain) {
            row[0] = 1;
        }
        return new OffloadingInstance(1e6, 1e-9, devices, List.of(new Server(cpu, cycles.length)), gain);
    }
}
