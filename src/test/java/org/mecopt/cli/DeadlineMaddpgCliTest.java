package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train deadline-energy → (resume) → simulate with the trained actor; the bundled actor; refusals. */
class DeadlineMaddpgCliTest {
    private static final String[] TINY = {"train", "deadline-energy", "--steps", "400", "--learning-starts", "200",
        "--actor-hidden", "16,16", "--critic-hidden", "16,16", "--batch-size", "16", "--validation", "2", "--seed", "4"};

    private static String[] with(String... more) {
        String[] all = java.util.Arrays.copyOf(TINY, TINY.length + more.length);
        System.arraycopy(more, 0, all, TINY.length, more.length);
        return all;
    }

    @Test
    void trainsResumesAndRefusesOtherSettings(@TempDir Path dir) throws Exception {
        String model = dir.resolve("model").toString();
        CliRun train = CliRun.run(with("--out", model));
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("on 2 unseen episodes"), train.out());
        assertTrue(train.out().contains("maddpg ") && train.out().contains("heuristic "), train.out());
        assertTrue(train.err().contains("one shared critic, one shared actor with agent id"), train.err());
        for (String f : new String[] {"actor.mlp", "maddpg-policy.properties", "model.txt", "training/returns.png",
            "training/metrics.csv", "training/checkpoint/state.bin"}) {
            assertTrue(Files.exists(dir.resolve("model").resolve(f)), f);
        }
        byte[] first = Files.readAllBytes(dir.resolve("model/actor.mlp"));
        CliRun again = CliRun.run(with("--out", model));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("resuming"), again.err());
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("model/actor.mlp")));
        CliRun other = CliRun.run(with("--out", model, "--train-every", "3"));
        assertEquals(Main.INVALID_INPUT, other.code(), other.err());
        assertTrue(other.err().contains("--out"), other.err());
        CliRun otherUsers = CliRun.run(with("--out", model, "--users", "4"));
        assertEquals(Main.INVALID_INPUT, otherUsers.code(), otherUsers.err());
    }

    @Test
    void badOptionsExitTwoNamingThem(@TempDir Path dir) {
        CliRun preset = CliRun.run(with("--out", dir.resolve("a").toString(), "--preset", "huge"));
        assertEquals(Main.INVALID_INPUT, preset.code(), preset.err());
        assertTrue(preset.err().contains("--preset"), preset.err());
        CliRun tau = CliRun.run(with("--out", dir.resolve("b").toString(), "--tau", "2"));
        assertEquals(Main.INVALID_INPUT, tau.code(), tau.err());
        assertTrue(tau.err().contains("--tau = 2.0 must be in (0, 1]"), tau.err());
        CliRun buffer = CliRun.run(with("--out", dir.resolve("d").toString(), "--buffer", "0"));
        assertEquals(Main.INVALID_INPUT, buffer.code(), buffer.err());
        assertTrue(buffer.err().contains("--buffer = 0"), buffer.err());
        CliRun widths = CliRun.run(with("--out", dir.resolve("e").toString(), "--critic-hidden", "64,0"));
        assertEquals(Main.INVALID_INPUT, widths.code(), widths.err());
        assertTrue(widths.err().contains("--critic-hidden = [16, 16, 64, 0] must list"), widths.err()); // picocli appends to the tiny run's widths
        CliRun gradient = CliRun.run(with("--out", dir.resolve("c").toString(), "--actor-gradient", "sideways"));
        assertEquals(Main.INVALID_INPUT, gradient.code(), gradient.err());
        assertTrue(gradient.err().contains("--actor-gradient"), gradient.err());
    }

    @Test
    void simulateRunsTheBundledActor(@TempDir Path dir) throws Exception {
        CliRun sim = CliRun.run("simulate", "deadline-energy", "--policy", "maddpg", "--episodes", "2", "--out",
                dir.toString());
        assertEquals(0, sim.code(), sim.err());
        assertTrue(Files.readString(dir.resolve("metrics.json")).contains("successRate"));
    }
}
