package org.mecopt.env;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Checks that an environment keeps the contract learners rely on, as Gymnasium's {@code check_env}
 * and PettingZoo's parallel test do. Every environment's tests run it. It plays random allowed
 * actions over several episodes on two fresh instances and checks: stepping before a reset throws;
 * the same seed and actions give the same trajectory, bit for bit, and reseeding a used instance
 * reproduces it; every observation (and state) lies in its space; rewards are finite; an action
 * mask has one entry per action, allows at least one and follows the seed too; truncation happens
 * exactly at the time limit and termination never does; stepping after the end throws; an action
 * outside the space, or masked (at the reset and at the first step whose mask forbids one), is
 * refused with {@link IllegalArgumentException} and changes nothing.
 */
public final class EnvChecker {

    /** What the check saw, so a test can also require that termination or truncation occurred. */
    public record Report(int episodes, int steps, int terminated, int truncated) {
    }

    private EnvChecker() {
    }

    /**
     * @param factory a new, identically configured environment per call
     * @param seed    the environment seed (and the action seed)
     * @param steps   how many steps to play in all (episodes restart with {@code reset()})
     * @throws IllegalStateException naming the first broken rule
     */
    public static <A> Report check(Supplier<? extends Env<A>> factory, long seed, int steps) {
        Env<A> first = factory.get();
        expectThrows(IllegalStateException.class, () -> first.step(first.actionSpace().sample(rng(seed))),
                "step before reset");
        List<Object> a = new ArrayList<>();
        Report report = play(first, seed, steps, a);
        List<Object> b = new ArrayList<>();
        play(factory.get(), seed, steps, b);
        compare(a, b, "two instances with the same seed");
        List<Object> again = new ArrayList<>();
        play(first, seed, steps, again);
        compare(a, again, "a reseeded, already used instance");
        refusesInvalidActions(factory.get(), seed);
        return report;
    }

    private static <A> Report play(Env<A> env, long seed, int steps, List<Object> trace) {
        UniformRandomProvider actions = rng(seed);
        Reset reset = env.reset(seed);
        observation(env.observationSpace(), reset.observation(), "reset");
        mask(env.actionSpace(), reset.info(), "reset");
        trace.add(reset.observation());
        Info info = reset.info();
        int episodes = 1;
        int terminated = 0;
        int truncated = 0;
        int length = 0;
        boolean probedMask = false;
        for (int t = 0; t < steps; t++) {
            A action = Actions.sample(env.actionSpace(), info, actions);
            Step step = env.step(action);
            length++;
            String where = "step " + t;
            observation(env.observationSpace(), step.observation(), where);
            finite(step.reward(), where);
            timeLimit(env.maxEpisodeSteps().orElse(0), length, step.terminated(), step.truncated(), where);
            trace.add(step.observation());
            trace.add(new double[] {step.reward(), step.terminated() ? 1 : 0, step.truncated() ? 1 : 0});
            trace.add(maskTrace(step.info()));
            info = step.info();
            if (step.done()) {
                terminated += step.terminated() ? 1 : 0;
                truncated += step.truncated() ? 1 : 0;
                A next = Actions.sample(env.actionSpace(), Info.EMPTY, actions);
                expectThrows(IllegalStateException.class, () -> env.step(next), "step after the end of an episode");
                Reset r = env.reset();
                observation(env.observationSpace(), r.observation(), "reset after " + where);
                trace.add(r.observation());
                info = r.info();
                episodes++;
                length = 0;
            } else {
                mask(env.actionSpace(), info, where);
                if (!probedMask) {
                    probedMask = refusesMaskedAction(env, info, where);
                }
            }
        }
        return new Report(episodes, steps, terminated, truncated);
    }

    /** The first time a mask forbids something, stepping the forbidden action must be refused (and change nothing). */
    @SuppressWarnings("unchecked")
    private static <A> boolean refusesMaskedAction(Env<A> env, Info info, String where) {
        boolean[] mask = info.actionMask();
        if (mask == null) {
            return false;
        }
        for (int a = 0; a < mask.length; a++) {
            if (!mask[a]) {
                Integer masked = a;
                expectThrows(IllegalArgumentException.class, () -> ((Env<Integer>) env).step(masked),
                        where + ": masked action " + a);
                return true;
            }
        }
        return false;
    }

    private static double[] maskTrace(Info info) {
        boolean[] mask = info.actionMask();
        double[] out = new double[mask == null ? 0 : mask.length];
        for (int a = 0; a < out.length; a++) {
            out[a] = mask[a] ? 1 : 0;
        }
        return out;
    }

    private static <A> void refusesInvalidActions(Env<A> env, long seed) {
        Reset reset = env.reset(seed);
        if (env.actionSpace() instanceof Discrete d) {
            @SuppressWarnings("unchecked")
            Env<Integer> discrete = (Env<Integer>) env;
            expectThrows(IllegalArgumentException.class, () -> discrete.step(d.n()), "action n outside Discrete(n)");
            expectThrows(IllegalArgumentException.class, () -> discrete.step(-1), "action -1");
            boolean[] mask = reset.info().actionMask();
            if (mask != null) {
                for (int i = 0; i < mask.length; i++) {
                    if (!mask[i]) {
                        int masked = i;
                        expectThrows(IllegalArgumentException.class, () -> discrete.step(masked), "a masked action");
                        break;
                    }
                }
            }
        } else if (env.actionSpace() instanceof Box box) {
            @SuppressWarnings("unchecked")
            Env<double[]> continuous = (Env<double[]>) env;
            expectThrows(IllegalArgumentException.class, () -> continuous.step(new double[box.dimension() + 1]),
                    "an action of the wrong length");
            double[] nan = new double[box.dimension()];
            Arrays.fill(nan, Double.NaN);
            expectThrows(IllegalArgumentException.class, () -> continuous.step(nan), "a NaN action");
        }
    }

    /**
     * The parallel variant: as {@link #check}, per agent, plus {@link ParallelEnv#state()} inside
     * {@link ParallelEnv#stateSpace()} and all agents ending an episode together.
     */
    public static <A> Report checkParallel(Supplier<? extends ParallelEnv<A>> factory, long seed, int steps) {
        ParallelEnv<A> first = factory.get();
        expectThrows(IllegalStateException.class, () -> first.step(randomActions(first, null, rng(seed))),
                "step before reset");
        List<Object> a = new ArrayList<>();
        Report report = playParallel(first, seed, steps, a);
        List<Object> b = new ArrayList<>();
        playParallel(factory.get(), seed, steps, b);
        compare(a, b, "two instances with the same seed");
        List<Object> again = new ArrayList<>();
        playParallel(first, seed, steps, again);
        compare(a, again, "a reseeded, already used instance");
        ParallelEnv<A> env = factory.get();
        env.reset(seed);
        List<A> tooFew = randomActions(env, null, rng(seed)).subList(0, env.agentCount() - 1);
        expectThrows(IllegalArgumentException.class, () -> env.step(tooFew), "one action too few");
        return report;
    }

    private static <A> Report playParallel(ParallelEnv<A> env, long seed, int steps, List<Object> trace) {
        UniformRandomProvider actions = rng(seed);
        ParallelReset reset = env.reset(seed);
        List<Info> infos = reset.infos();
        agents(env, reset.observations(), infos, "reset", trace);
        int episodes = 1;
        int terminated = 0;
        int truncated = 0;
        int length = 0;
        for (int t = 0; t < steps; t++) {
            ParallelStep step = env.step(randomActions(env, infos, actions));
            length++;
            String where = "step " + t;
            infos = step.infos();
            agents(env, step.observations(), infos, where, trace);
            trace.add(step.rewards());
            boolean done = step.done();
            for (int i = 0; i < env.agentCount(); i++) {
                finite(step.reward(i), where + ", agent " + i);
                timeLimit(env.maxEpisodeSteps().orElse(0), length, step.terminated(i), step.truncated(i), where);
                if ((step.terminated(i) || step.truncated(i)) != done) {
                    throw new IllegalStateException(where + ": agent " + i + " ends the episode alone");
                }
            }
            if (done) {
                terminated += step.terminated(0) ? 1 : 0;
                truncated += step.truncated(0) ? 1 : 0;
                List<A> next = randomActions(env, null, actions);
                expectThrows(IllegalStateException.class, () -> env.step(next), "step after the end of an episode");
                ParallelReset r = env.reset();
                infos = r.infos();
                agents(env, r.observations(), infos, "reset after " + where, trace);
                episodes++;
                length = 0;
            }
        }
        return new Report(episodes, steps, terminated, truncated);
    }

    private static <A> void agents(ParallelEnv<A> env, List<double[]> observations, List<Info> infos, String where,
            List<Object> trace) {
        if (observations.size() != env.agentCount()) {
            throw new IllegalStateException(where + ": " + observations.size() + " observations for "
                    + env.agentCount() + " agents");
        }
        for (int i = 0; i < env.agentCount(); i++) {
            observation(env.observationSpace(i), observations.get(i), where + ", agent " + env.agentName(i));
            mask(env.actionSpace(i), infos.get(i), where + ", agent " + env.agentName(i));
            trace.add(observations.get(i));
        }
        double[] state = env.state();
        if (!env.stateSpace().contains(state)) {
            throw new IllegalStateException(where + ": state " + Arrays.toString(state) + " is outside " + env.stateSpace());
        }
        trace.add(state);
    }

    private static <A> List<A> randomActions(ParallelEnv<A> env, List<Info> infos, UniformRandomProvider rng) {
        List<A> actions = new ArrayList<>(env.agentCount());
        for (int i = 0; i < env.agentCount(); i++) {
            actions.add(Actions.sample(env.actionSpace(i), infos == null ? Info.EMPTY : infos.get(i), rng));
        }
        return actions;
    }

    private static void observation(Box space, double[] observation, String where) {
        if (!space.contains(observation)) {
            throw new IllegalStateException(where + ": observation " + Arrays.toString(observation)
                    + " is outside " + space);
        }
    }

    private static void mask(Space<?> space, Info info, String where) {
        boolean[] mask = info.actionMask();
        if (mask == null) {
            return;
        }
        if (!(space instanceof Discrete d) || mask.length != d.n()) {
            throw new IllegalStateException(where + ": an action mask of " + mask.length + " entries for " + space);
        }
        for (boolean allowed : mask) {
            if (allowed) {
                return;
            }
        }
        throw new IllegalStateException(where + ": the action mask allows no action");
    }

    private static void finite(double reward, String where) {
        if (!Double.isFinite(reward)) {
            throw new IllegalStateException(where + ": reward " + reward + " is not finite");
        }
    }

    private static void timeLimit(int limit, int length, boolean terminated, boolean truncated, String where) {
        if (truncated && (limit == 0 || length != limit)) {
            throw new IllegalStateException(where + ": truncated after " + length + " steps, time limit "
                    + (limit == 0 ? "none" : limit));
        }
        if (limit > 0 && length >= limit && !terminated && !truncated) {
            throw new IllegalStateException(where + ": the episode ran past its time limit " + limit);
        }
    }

    private static void compare(List<Object> a, List<Object> b, String what) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            if (!Arrays.equals((double[]) a.get(i), (double[]) b.get(i))) {
                throw new IllegalStateException(what + " diverge at trace entry " + i + ": "
                        + Arrays.toString((double[]) a.get(i)) + " vs " + Arrays.toString((double[]) b.get(i)));
            }
        }
        if (a.size() != b.size()) {
            throw new IllegalStateException(what + " produce traces of different lengths");
        }
    }

    private static void expectThrows(Class<? extends RuntimeException> type, Runnable call, String what) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (type.isInstance(e)) {
                return;
            }
            throw new IllegalStateException(what + " threw " + e + " instead of " + type.getSimpleName(), e);
        }
        throw new IllegalStateException(what + " did not throw " + type.getSimpleName());
    }

    private static UniformRandomProvider rng(long seed) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(Objects.hash(seed, "actions"));
    }
}
