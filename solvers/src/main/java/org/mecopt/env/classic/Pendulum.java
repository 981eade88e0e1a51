package org.mecopt.env.classic;

import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.env.Box;
import org.mecopt.env.EpisodicEnv;
import org.mecopt.env.Info;
import org.mecopt.env.Reset;
import org.mecopt.env.Space;
import org.mecopt.env.Step;

/**
 * Gymnasium's Pendulum-v1, the textbook continuous-control task, written here from its published
 * equations: a rigid pendulum of mass {@code m = 1} and length {@code l = 1} under gravity
 * {@code g = 10} must be swung up and held upright with a bounded torque {@code u ∈ [-2, 2]}. With
 * θ = 0 upright, one step of {@code dt = 0.05} is semi-implicit Euler:
 * <pre>
 *   θ̇' = clip(θ̇ + (3g / (2l) · sin θ + 3 / (m l²) · u) · dt, -8, 8)
 *   θ'  = θ + θ̇' · dt
 *   reward = −(normalize(θ)² + 0.1 θ̇² + 0.001 u²)      (the state before the step)
 * </pre>
 * where {@code normalize} maps an angle into {@code [-π, π)}. The observation is
 * {@code (cos θ, sin θ, θ̇)}. An episode starts at θ ~ U(−π, π), θ̇ ~ U(−1, 1), never terminates and
 * is truncated after 200 steps, so the best return is a little below 0; uniformly random torques
 * score about −1 200.
 *
 * <p>Unlike Gymnasium, which clips the torque silently, an action outside {@code [-2, 2]} is refused
 * (as by every {@link EpisodicEnv}): an agent clips its own actions.
 */
public final class Pendulum extends EpisodicEnv<double[]> {
    public static final int MAX_EPISODE_STEPS = 200;
    public static final double MAX_SPEED = 8;
    public static final double MAX_TORQUE = 2;
    public static final double GRAVITY = 10.0;
    public static final double MASS = 1.0;
    public static final double LENGTH = 1.0;
    public static final double DT = 0.05;

    private static final Box OBSERVATIONS = new Box(new double[] {-1, -1, -MAX_SPEED}, new double[] {1, 1, MAX_SPEED});
    private static final Box ACTIONS = Box.of(1, -MAX_TORQUE, MAX_TORQUE);

    private double theta;
    private double thetaDot;

    public Pendulum() {
        super(MAX_EPISODE_STEPS);
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    public Space<double[]> actionSpace() {
        return ACTIONS;
    }

    @Override
    protected Reset begin(UniformRandomProvider rng) {
        theta = uniform(rng, Math.PI);
        thetaDot = uniform(rng, 1);
        return new Reset(observation(), Info.EMPTY);
    }

    private static double uniform(UniformRandomProvider rng, double half) {
        return -half + 2 * half * rng.nextDouble();
    }

    @Override
    protected Step advance(double[] action, UniformRandomProvider rng) {
        double u = action[0];
        double cost = square(normalize(theta)) + 0.1 * square(thetaDot) + 0.001 * square(u);
        double acceleration = 3 * GRAVITY / (2 * LENGTH) * Math.sin(theta) + 3 / (MASS * LENGTH * LENGTH) * u;
        thetaDot = Math.max(-MAX_SPEED, Math.min(MAX_SPEED, thetaDot + acceleration * DT));
        theta += thetaDot * DT;
        return new Step(observation(), -cost, false, false, Info.EMPTY);
    }

    /** The angle {@code x} mapped into {@code [-π, π)}: 0 is upright whichever way the pendulum has turned. */
    static double normalize(double x) {
        double twoPi = 2 * Math.PI;
        double shifted = (x + Math.PI) % twoPi;
        // Java's remainder keeps the dividend's sign; the definition wants the non-negative one.
        return (shifted < 0 ? shifted + twoPi : shifted) - Math.PI;
    }

    private static double square(double x) {
        return x * x;
    }

    private double[] observation() {
        return new double[] {Math.cos(theta), Math.sin(theta), thetaDot};
    }

    /** The current angle θ (not normalized) and angular velocity θ̇, for tests. */
    double[] state() {
        return new double[] {theta, thetaDot};
    }

    /** Puts the running episode's pendulum at a chosen state, so tests can check a step by hand. */
    void place(double theta, double thetaDot) {
        this.theta = theta;
        this.thetaDot = thetaDot;
    }
}
