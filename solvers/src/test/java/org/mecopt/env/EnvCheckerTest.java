package org.mecopt.env;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/** The checker passes a well-behaved environment and names each way a broken one breaks the contract. */
class EnvCheckerTest {

    /**
     * A walk on {0..size}: action 0 steps left, 1 right, 2 jumps randomly; reaching {@code size}
     * terminates; the left move is masked at 0. {@code flaw} breaks it in one way.
     */
    static final class Walk extends EpisodicEnv<Integer> {
        enum Flaw { NONE, UNSEEDED, OUTSIDE, NO_ACTION_ALLOWED, NAN_REWARD, UNSEEDED_MASK }

        private final int size;
        private final Flaw flaw;
        private final Random unseeded = new Random();
        private int position;

        Walk(int size, int limit, Flaw flaw) {
            super(limit);
            this.size = size;
            this.flaw = flaw;
        }

        @Override
        public Box observationSpace() {
            return Box.of(1, 0, size);
        }

        @Override
        public Space<Integer> actionSpace() {
            return new Discrete(3);
        }

        @Override
        protected Reset begin(UniformRandomProvider rng) {
            position = flaw == Flaw.UNSEEDED ? unseeded.nextInt(size) : rng.nextInt(size);
            return new Reset(observe(), info());
        }

        @Override
        protected Step advance(Integer action, UniformRandomProvider rng) {
            position = switch (action) {
                case 0 -> position - 1;
                case 1 -> position + 1;
                default -> rng.nextInt(size + 1);
            };
            double reward = flaw == Flaw.NAN_REWARD && position == 1 ? Double.NaN : -1;
            return new Step(observe(), reward, position == size, false, info());
        }

        private double[] observe() {
            return new double[] {flaw == Flaw.OUTSIDE && position == 2 ? -1 : position};
        }

        private Info info() {
            return Info.masked(flaw == Flaw.NO_ACTION_ALLOWED ? new boolean[3]
                    : new boolean[] {position > 0, true, flaw != Flaw.UNSEEDED_MASK || unseeded.nextBoolean()});
        }
    }

    @Test
    void aWellBehavedEnvironmentPassesAndItsEpisodesEndBothWays() {
        EnvChecker.Report report = EnvChecker.check(() -> new Walk(6, 5, Walk.Flaw.NONE), 3, 400);
        assertTrue(report.terminated() > 0, "terminations seen: " + report);
        assertTrue(report.truncated() > 0, "truncations seen: " + report);
        assertEquals(400, report.steps());
    }

    @Test
    void eachBrokenRuleIsNamed() {
        assertFails(Walk.Flaw.UNSEEDED, "diverge");
        assertFails(Walk.Flaw.OUTSIDE, "outside");
        assertFails(Walk.Flaw.NO_ACTION_ALLOWED, "allows no action");
        assertFails(Walk.Flaw.NAN_REWARD, "not finite");
        assertFails(Walk.Flaw.UNSEEDED_MASK, "diverge");
    }

    private static void assertFails(Walk.Flaw flaw, String message) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EnvChecker.check(() -> new Walk(6, 5, flaw), 3, 400));
        assertTrue(e.getMessage().contains(message), flaw + ": " + e.getMessage());
    }

    @Test
    void theTimeLimitTruncatesAndTheEndIsFinal() {
        Walk walk = new Walk(1000, 3, Walk.Flaw.NONE);
        walk.reset(1);
        assertTrue(!walk.step(1).done() && !walk.step(1).done());
        Step last = walk.step(1);
        assertTrue(last.truncated() && !last.terminated());
        assertThrows(IllegalStateException.class, () -> walk.step(1));
    }

    @Test
    void aMaskedActionIsRefused() {
        Walk walk = new Walk(4, 0, Walk.Flaw.NONE);
        Reset r = walk.reset(1);
        while (r.observation()[0] != 0) {
            r = walk.reset();
        }
        assertThrows(IllegalArgumentException.class, () -> walk.step(0));
        assertEquals(1.0, walk.step(1).observation()[0], "a refused action leaves the state unchanged");
    }

    /** Two agents walking together; the episode ends when they meet. */
    static final class TwoWalkers extends ParallelEpisodicEnv<Integer> {
        private final boolean lonelyEnd;
        private final int[] position = new int[2];

        TwoWalkers(boolean lonelyEnd) {
            super(8);
            this.lonelyEnd = lonelyEnd;
        }

        @Override
        public int agentCount() {
            return 2;
        }

        @Override
        public String agentName(int agent) {
            return "walker_" + agent;
        }

        @Override
        public Box observationSpace(int agent) {
            return Box.of(1, 0, 9);
        }

        @Override
        public Space<Integer> actionSpace(int agent) {
            return new Discrete(2);
        }

        @Override
        public Box stateSpace() {
            return Box.of(2, 0, 9);
        }

        @Override
        protected ParallelReset begin(UniformRandomProvider rng) {
            position[0] = rng.nextInt(10);
            position[1] = rng.nextInt(10);
            return new ParallelReset(observations(), List.of(Info.EMPTY, Info.EMPTY));
        }

        @Override
        protected ParallelStep advance(List<Integer> actions, UniformRandomProvider rng) {
            for (int i = 0; i < 2; i++) {
                position[i] = Math.max(0, Math.min(9, position[i] + (actions.get(i) == 0 ? -1 : 1)));
            }
            boolean met = position[0] == position[1];
            if (lonelyEnd && position[0] == 0) {
                return new ParallelStep(observations(), new double[] {-1, -1}, new boolean[] {true, false},
                        new boolean[2], List.of(Info.EMPTY, Info.EMPTY));
            }
            return ParallelStep.shared(observations(), -1, met, List.of(Info.EMPTY, Info.EMPTY));
        }

        private List<double[]> observations() {
            List<double[]> obs = new ArrayList<>();
            obs.add(new double[] {position[0]});
            obs.add(new double[] {position[1]});
            return obs;
        }

        @Override
        public double[] state() {
            return new double[] {position[0], position[1]};
        }
    }

    /** At the time limit, an agent that terminates stays terminated and the others are truncated. */
    @Test
    void theParallelTimeLimitTruncatesOnlyTheAgentsStillRunning() {
        ParallelEpisodicEnv<Integer> env = new ParallelEpisodicEnv<>(2) {
            @Override
            public int agentCount() {
                return 2;
            }

            @Override
            public String agentName(int agent) {
                return "a" + agent;
            }

            @Override
            public Box observationSpace(int agent) {
                return Box.of(1, 0, 1);
            }

            @Override
            public Space<Integer> actionSpace(int agent) {
                return new Discrete(1);
            }

            @Override
            public Box stateSpace() {
                return Box.of(1, 0, 1);
            }

            @Override
            protected ParallelReset begin(UniformRandomProvider rng) {
                return new ParallelReset(List.of(new double[1], new double[1]), List.of(Info.EMPTY, Info.EMPTY));
            }

            @Override
            protected ParallelStep advance(List<Integer> actions, UniformRandomProvider rng) {
                boolean last = elapsedSteps() == 1; // agent 0 ends on the limit step by itself
                return new ParallelStep(List.of(new double[1], new double[1]), new double[2],
                        new boolean[] {last, false}, new boolean[2], List.of(Info.EMPTY, Info.EMPTY));
            }

            @Override
            public double[] state() {
                return new double[1];
            }
        };
        env.reset(1);
        assertTrue(!env.step(List.of(0, 0)).done());
        ParallelStep last = env.step(List.of(0, 0));
        assertTrue(last.terminated(0) && !last.truncated(0), "agent 0 terminated");
        assertTrue(!last.terminated(1) && last.truncated(1), "agent 1 cut by the limit");
        assertTrue(last.done());
        assertThrows(IllegalStateException.class, () -> env.step(List.of(0, 0)));
    }

    @Test
    void theParallelCheckerPassesATeamEpisodeAndRefusesAnAgentEndingAlone() {
        EnvChecker.Report report = EnvChecker.checkParallel(() -> new TwoWalkers(false), 5, 300);
        assertTrue(report.terminated() > 0 && report.truncated() > 0, report.toString());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EnvChecker.checkParallel(() -> new TwoWalkers(true), 5, 300));
        assertTrue(e.getMessage().contains("ends the episode alone"), e.getMessage());
    }
}
