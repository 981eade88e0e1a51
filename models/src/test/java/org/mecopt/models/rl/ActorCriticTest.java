package org.mecopt.models.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** DDPG's gradient step: its targets, what each half of the update touches, seeding and save/load. */
class ActorCriticTest {
    private static final int OBS = 3;
    private static final int ACT = 2;
    private static final DdpgConfig CONFIG = DdpgConfig.defaults().withHidden(List.of(16, 8)).withBatchSize(32)
            .withGamma(0.9).withTau(0.1);

    private static ReplayBuffer buffer(long seed) {
        ReplayBuffer buffer = new ReplayBuffer(500, OBS, ACT, 0, seed);
        Random r = new Random(seed);
        for (int i = 0; i < 500; i++) {
            buffer.add(gaussian(r, OBS), uniform(r, ACT), r.nextGaussian(), gaussian(r, OBS), r.nextInt(5) == 0, null);
        }
        return buffer;
    }

    private static double[] gaussian(Random r, int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> r.nextGaussian());
        return x;
    }

    private static double[] uniform(Random r, int n) {
        double[] x = new double[n];
        Arrays.setAll(x, i -> 2 * r.nextDouble() - 1);
        return x;
    }

    private static List<float[]> parameters(Block block) {
        List<float[]> out = new ArrayList<>();
        block.getParameters().forEach(p -> out.add(p.getValue().getArray().toFloatArray()));
        return out;
    }

    private static void assertSame(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int k = 0; k < expected.size(); k++) {
            assertArrayEquals(expected.get(k), actual.get(k), 0f, what + ", parameter " + k);
        }
    }

    private static boolean differ(List<float[]> a, List<float[]> b) {
        for (int k = 0; k < a.size(); k++) {
            if (!Arrays.equals(a.get(k), b.get(k))) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aTerminalTransitionDoesNotBootstrapAndATruncatedOneDoes() {
        float[] next = {0.3f, -0.2f, 0.9f};
        float[] nexts = new float[2 * OBS];
        System.arraycopy(next, 0, nexts, 0, OBS);
        System.arraycopy(next, 0, nexts, OBS, OBS);
        // row 0 terminated; row 1 the same transition cut by the time limit (the buffer keeps no truncated flag)
        ReplayBatch batch = new ReplayBatch(2, OBS, ACT, 0, new float[2 * OBS], new float[2 * ACT],
                new float[] {-1.5f, -1.5f}, nexts, new boolean[] {true, false}, new boolean[0]);
        try (ActorCritic ac = new ActorCritic(OBS, ACT, CONFIG); NDManager m = NDManager.newBaseManager()) {
            float[] y = ac.targets(batch, m).toFloatArray();
            assertEquals(-1.5f, y[0], 0f, "terminated: the reward alone");
            double[] nextAction = Mlp.of(ac.targetActor(), Mlp.Output.TANH).forward(toDouble(next));
            double[] criticInput = new double[OBS + ACT];
            System.arraycopy(toDouble(next), 0, criticInput, 0, OBS);
            System.arraycopy(nextAction, 0, criticInput, OBS, ACT);
            double nextQ = Mlp.of(ac.targetCritic(), Mlp.Output.IDENTITY).forward(criticInput)[0];
            assertTrue(Math.abs(nextQ) > 1e-3, "a bootstrap term the test can see: " + nextQ);
            assertEquals(-1.5 + 0.9 * nextQ, y[1], 1e-5, "truncated: r + γ Q'(s', μ'(s'))");
        }
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }

    @Test
    void theActorUpdateLeavesTheCriticAndNoGradientBehindForIt() {
        ReplayBatch batch = buffer(1).sample(32);
        try (ActorCritic a = new ActorCritic(OBS, ACT, CONFIG); ActorCritic b = new ActorCritic(OBS, ACT, CONFIG);
             NDManager m = NDManager.newBaseManager()) {
            NDArray observations = m.create(batch.observations(), new Shape(32, OBS));
            NDArray actions = m.create(batch.actions(), new Shape(32, ACT));
            List<float[]> critic = parameters(a.critic());
            List<float[]> actor = parameters(a.actor());
            a.updateActor(observations);
            assertSame(critic, parameters(a.critic()), "the critic after the actor's update");
            assertTrue(differ(actor, parameters(a.actor())), "the actor moved");
            // the actor's backward pass filled the critic's gradients; the critic step must not use them
            a.updateCritic(observations, actions, a.targets(batch, m));
            b.updateCritic(observations, actions, b.targets(batch, m));
            assertSame(parameters(b.critic()), parameters(a.critic()), "a critic step after an actor step");
        }
    }

    @Test
    void theActorStepClimbsTheCritic() {
        ReplayBatch batch = buffer(6).sample(32);
        try (ActorCritic ac = new ActorCritic(OBS, ACT, CONFIG); NDManager m = NDManager.newBaseManager()) {
            double before = meanQ(ac, batch);
            ac.updateActor(m.create(batch.observations(), new Shape(32, OBS)));
            double after = meanQ(ac, batch);
            assertTrue(after > before, "mean Q(s, μ(s)) by the plain-Java networks: " + before + " → " + after);
        }
    }

    /** Mean Q(s, μ(s)) over the batch's observations, computed by {@link Mlp} copies (not the engine). */
    private static double meanQ(ActorCritic ac, ReplayBatch batch) {
        Mlp actor = Mlp.of(ac.actor(), Mlp.Output.TANH);
        Mlp critic = Mlp.of(ac.critic(), Mlp.Output.IDENTITY);
        double sum = 0;
        for (int i = 0; i < batch.size(); i++) {
            double[] input = new double[OBS + ACT];
            for (int j = 0; j < OBS; j++) {
                input[j] = batch.observations()[i * OBS + j];
            }
            double[] s = java.util.Arrays.copyOf(input, OBS);
            System.arraycopy(actor.forward(s), 0, input, OBS, ACT);
            sum += critic.forward(input)[0];
        }
        return sum / batch.size();
    }

    @Test
    void theSameSeedGivesTheSameUpdatesAndAnotherSeedOthers() {
        List<List<float[]>> runs = new ArrayList<>();
        for (long seed : new long[] {4, 4, 5}) {
            ReplayBuffer buffer = buffer(9);
            try (ActorCritic ac = new ActorCritic(OBS, ACT, CONFIG.withSeed(seed))) {
                for (int i = 0; i < 3; i++) {
                    ac.update(buffer.sample(32));
                }
                List<float[]> all = parameters(ac.actor());
                all.addAll(parameters(ac.critic()));
                all.addAll(parameters(ac.targetActor()));
                all.addAll(parameters(ac.targetCritic()));
                runs.add(all);
            }
        }
        assertSame(runs.get(0), runs.get(1), "seed 4 twice");
        assertTrue(differ(runs.get(0), runs.get(2)), "seeds 4 and 5");
    }

    @Test
    void theTargetsFollowByTau() {
        try (ActorCritic ac = new ActorCritic(OBS, ACT, CONFIG)) {
            List<float[]> target = parameters(ac.targetCritic());
            assertSame(parameters(ac.critic()), target, "the target starts as a copy");
            ac.update(buffer(2).sample(32));
            List<float[]> online = parameters(ac.critic());
            List<float[]> moved = parameters(ac.targetCritic());
            for (int k = 0; k < target.size(); k++) {
                for (int i = 0; i < target.get(k).length; i++) {
                    assertEquals(0.9 * target.get(k)[i] + 0.1 * online.get(k)[i], moved.get(k)[i], 1e-6);
                }
            }
        }
    }

    @Test
    void aSavedLearnerContinuesAsTheOriginal() throws IOException {
        ReplayBuffer data = buffer(3);
        try (ActorCritic a = new ActorCritic(OBS, ACT, CONFIG); ActorCritic b = new ActorCritic(OBS, ACT,
                CONFIG.withSeed(77))) {
            for (int i = 0; i < 2; i++) {
                a.update(data.sample(32));
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            a.save(new DataOutputStream(bytes));
            b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            for (int i = 0; i < 2; i++) {
                ReplayBatch batch = data.sample(32);
                a.update(batch);
                b.update(batch);
            }
            assertSame(parameters(a.actor()), parameters(b.actor()), "actor");
            assertSame(parameters(a.targetCritic()), parameters(b.targetCritic()), "target critic");
            assertFalse(parameters(a.actor()).isEmpty());
        }
    }
}
