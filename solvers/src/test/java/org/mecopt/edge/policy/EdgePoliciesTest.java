package org.mecopt.edge.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mecopt.edge.EdgeSystem;
import org.mecopt.edge.EdgeSystemGenerator;
import org.mecopt.edge.TaskAllocation;

class EdgePoliciesTest {

    private final EdgeSystem system = EdgeSystemGenerator.generate(EdgeSystemGenerator.Config.SEED_003.withUsers(30), 2);

    @Test
    void builtInPoliciesAreRegisteredFirst() {
        assertEquals(BuiltinEdgePolicies.NAMES, EdgePolicies.names().subList(0, 4));
        assertArrayEquals(TaskAllocation.daes(system), EdgePolicies.create("daes").allocate(system));
        assertArrayEquals(TaskAllocation.gaAware(system), EdgePolicies.create("ga-aware").allocate(system));
        assertEquals("local-search", EdgePolicies.create("local-search").name());
    }

    @Test
    void randomIsSeededAndStaysOnEdgeServers() {
        int[] a = EdgePolicies.create("random:5").allocate(system);
        assertArrayEquals(a, EdgePolicies.create("random:5").allocate(system));
        for (int h : a) {
            assertTrue(h >= 0 && h < 7);
        }
    }

    @Test
    void badSpecsNameTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgePolicies.create("nope"));
        assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("daes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EdgePolicies.create("random:x"));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> EdgePolicies.create("daes:1"));
    }
}
