package org.mecopt.models.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.ScenarioGenerator;
import org.mecopt.deadline.Simulation;
import org.mecopt.deadline.TaskClass;
import org.mecopt.deadline.policy.DeadlinePolicies;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.models.rl.MaddpgPolicy;

/** The bundled maddpg actor: registered, loads, acts within the action box, refuses other user counts. */
class MaddpgDeadlinePoliciesTest {

    @Test
    void theBundledActorIsRegisteredLoadsAndActs() {
        assertTrue(DeadlinePolicies.names().contains("maddpg"), DeadlinePolicies.names().toString());
        DeadlineEnergyConfig config = DeadlineEnergyConfig.defaults();
        DeadlinePolicy policy = DeadlinePolicies.create("maddpg", config);
        assertEquals("maddpg", policy.name());
        MaddpgPolicy actors = MaddpgDeadlinePolicies.bundled();
        assertEquals(config.users(), actors.agents());
        var scenario = ScenarioGenerator.generate(config, 1_000_000L);
        Simulation.Episode run = Simulation.run(scenario, policy, true);
        for (double[][] step : run.trace().actions()) {
            for (double[] a : step) {
                assertTrue(a[0] >= 0 && a[0] <= 1 && a[1] >= 0 && a[1] <= 1, java.util.Arrays.toString(a));
            }
        }
        for (TaskClass c : TaskClass.values()) {
            double rate = run.metrics().successRate(c);
            assertTrue(Double.isNaN(rate) || rate >= 0 && rate <= 1, c + " " + rate);
        }
        // the same scenario gives the same episode: acting is deterministic
        assertEquals(run.teamReturn(), Simulation.run(scenario, DeadlinePolicies.create("maddpg", config), false)
                .teamReturn());
    }

    @Test
    void anotherUserCountIsRefusedNamingIt() {
        InvalidInstanceException e = assertThrows(InvalidInstanceException.class,
                () -> DeadlinePolicies.create("maddpg", DeadlineEnergyConfig.defaults().withUsers(4)));
        assertEquals("users", e.field());
    }

    @Test
    void theBundleIsSmall() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource(MaddpgDeadlinePolicies.BUNDLE).toURI());
        long bytes;
        try (var files = Files.list(dir)) {
            bytes = files.mapToLong(f -> f.toFile().length()).sum();
        }
        assertTrue(bytes < 3_000_000, bytes + " bytes");
    }
}
