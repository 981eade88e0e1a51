package org.mecopt.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train qoe-edge → rerun resumes → the model as a policy spec → experiment qoe-training-curves (Fig. 6). */
class QoeEdgeTrainCliTest {

    private static final String[] TINY = {"--users", "8", "--episodes", "30", "--warmup", "10", "--batch-size", "4",
        "--hidden", "8", "--eval-every", "10", "--eval-systems", "2", "--checkpoint-every", "10", "--compare", "2"};

    private static String[] train(String agent, Path out, String... more) {
        String[] head = {"train", "qoe-edge", "--agent", agent, "--out", out.toString()};
        String[] args = new String[head.length + TINY.length + more.length];
        System.arraycopy(head, 0, args, 0, head.length);
        System.arraycopy(TINY, 0, args, head.length, TINY.length);
        System.arraycopy(more, 0, args, head.length + TINY.length, more.length);
        return args;
    }

    @Test
    void trainsResumesActsAndDrawsFig6(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("vdn");
        CliRun r = CliRun.run(train("vdn", model));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trained vdn for 30 of 30 episodes"), r.out());
        assertTrue(Files.size(model.resolve("training/fig6.png")) > 1000);
        List<String> comparison = Files.readAllLines(model.resolve("comparison.csv"));
        assertEquals(4, comparison.size(), comparison.toString());
        assertTrue(comparison.get(1).startsWith("vdn,2,"), comparison.get(1));

        byte[] network = Files.readAllBytes(model.resolve("network-0.mlp"));
        CliRun again = CliRun.run(train("vdn", model));
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("resuming"), again.err());
        assertArrayEquals(network, Files.readAllBytes(model.resolve("network-0.mlp")));
        CliRun other = CliRun.run(train("vdn", model, "--hidden", "4"));
        assertEquals(Main.INVALID_INPUT, other.code(), other.err());
        assertArrayEquals(network, Files.readAllBytes(model.resolve("network-0.mlp")), "a refused run changes nothing");

        Path figures = dir.resolve("figures");
        CliRun policies = CliRun.run("experiment", "qoe-vs-users", "--out", figures.toString(), "--users", "8",
                "--seeds", "2", "--no-upper-bound", "--policies", "daes,vdn:" + model);
        assertEquals(0, policies.code(), policies.err());
        assertTrue(policies.out().contains("8,vdn,"), policies.out());

        CliRun curves = CliRun.run("experiment", "qoe-training-curves", "--runs", "vdn=" + model, "--users", "8",
                "--reference-systems", "2", "--out", figures.toString());
        assertEquals(0, curves.code(), curves.err());
        assertTrue(Files.size(figures.resolve("fig6.png")) > 1000);
        assertTrue(Files.readString(figures.resolve("fig6.csv")).contains("ga-aware,reference,"));
    }

    @Test
    void badOptionsExitTwoNamingThem(@TempDir Path dir) {
        CliRun agent = CliRun.run(train("ppo", dir.resolve("m")));
        assertEquals(Main.INVALID_INPUT, agent.code());
        assertTrue(agent.err().contains("--agent"), agent.err());
        CliRun minutes = CliRun.run(train("idqn", dir.resolve("m"), "--max-minutes", "0"));
        assertEquals(Main.INVALID_INPUT, minutes.code());
        assertTrue(minutes.err().contains("--max-minutes"), minutes.err());
        CliRun runs = CliRun.run("experiment", "qoe-training-curves", "--runs", "x=" + dir.resolve("none"), "--out",
                dir.resolve("f").toString());
        assertEquals(Main.INVALID_INPUT, runs.code());
        assertTrue(runs.err().contains("--runs"), runs.err());
    }
}
