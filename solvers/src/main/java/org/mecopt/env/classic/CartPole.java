package org.mecopt.env.classic;

import org.apache.commons.rng.UniformRandomProvider;
import org.mecopt.env.Box;
import org.mecopt.env.Discrete;
import org.mecopt.env.EpisodicEnv;
import org.mecopt.env.Info;
import org.mecopt.env.Reset;
import org.mecopt.env.Space;
import org.mecopt.env.Step;

/**
 * Gymnasium's CartPole-v1, written here from its published equations (Barto, Sutton and Anderson
 * 1983, with Florian's corrected pole acceleration as Gymnasium uses it): a pole hinged on a cart
 * moving on a frictionless track; action 0 pushes the cart left, 1 right, with a force of 10 N.
 * Observation {@code (x, ẋ, θ, θ̇)}; reward +1 for every step, the failing one included; terminated
 * when {@code |x| > 2.4} or {@code |θ| > 12°}, truncated after 500 steps; the start state is drawn
 * uniformly from {@code [-0.05, 0.05]⁴}; explicit Euler integration with τ = 0.02 s. It exists to
 * prove the RL layer on a task whose solved score is known (a mean return ≥ 475).
 */
public final class CartPole extends EpisodicEnv<Integer> {
    public static final int MAX_EPISODE_STEPS = 500;

    static final double GRAVITY = 9.8;
    static final double MASS_CART = 1.0;
    static final double MASS_POLE = 0.1;
    static final double TOTAL_MASS = MASS_CART + MASS_POLE;
    /** Half the pole's length, as in the reference definition. */
    static final double LENGTH = 0.5;
    static final double POLE_MASS_LENGTH = MASS_POLE * LENGTH;
    static final double FORCE = 10.0;
    static final double TAU = 0.02;
    static final double X_THRESHOLD = 2.4;
    static final double THETA_THRESHOLD = 12 * 2 * Math.PI / 360;

    /** Gymnasium's bounds: twice the failure thresholds on the positions, the velocities unbounded. */
    private static final Box OBSERVATION_SPACE = new Box(
            new double[] {-2 * X_THRESHOLD, Double.NEGATIVE_INFINITY, -2 * THETA_THRESHOLD, Double.NEGATIVE_INFINITY},
            new double[] {2 * X_THRESHOLD, Double.POSITIVE_INFINITY, 2 * THETA_THRESHOLD, Double.POSITIVE_INFINITY});
    private static final Discrete ACTION_SPACE = new Discrete(2);

    private double[] state;

    /** CartPole-v1: truncated at 500 steps. */
    public CartPole() {
        this(MAX_EPISODE_STEPS);
    }

    /** @param maxEpisodeSteps the time limit, 0 for none (CartPole-v0 used 200) */
    public CartPole(int maxEpisodeSteps) {
        super(maxEpisodeSteps);
    }

    @Override
    public Box observationSpace() {
        return OBSERVATION_SPACE;
    }

    @Override
    public Space<Integer> actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected Reset begin(UniformRandomProvider rng) {
        state = new double[4];
        for (int i = 0; i < 4; i++) {
            state[i] = -0.05 + 0.1 * rng.nextDouble();
        }
        return new Reset(state.clone(), Info.EMPTY);
    }

    @Override
    protected Step advance(Integer action, UniformRandomProvider rng) {
        state = next(state, action);
        return new Step(state.clone(), 1.0, failed(state), false, Info.EMPTY);
    }

    /** One Euler step of the dynamics from {@code s = (x, ẋ, θ, θ̇)} under {@code action}. */
    static double[] next(double[] s, int action) {
        double x = s[0];
        double xDot = s[1];
        double theta = s[2];
        double thetaDot = s[3];
        double force = action == 1 ? FORCE : -FORCE;
        double cos = Math.cos(theta);
        double sin = Math.sin(theta);
        double temp = (force + POLE_MASS_LENGTH * thetaDot * thetaDot * sin) / TOTAL_MASS;
        double thetaAcc = (GRAVITY * sin - cos * temp)
                / (LENGTH * (4.0 / 3.0 - MASS_POLE * cos * cos / TOTAL_MASS));
        double xAcc = temp - POLE_MASS_LENGTH * thetaAcc * cos / TOTAL_MASS;
        // Explicit Euler: each position moves with the velocity from before this step.
        return new double[] {x + TAU * xDot, xDot + TAU * xAcc, theta + TAU * thetaDot, thetaDot + TAU * thetaAcc};
    }

    /** Whether the cart left the track or the pole fell past 12°. */
    static boolean failed(double[] s) {
        return s[0] < -X_THRESHOLD || s[0] > X_THRESHOLD || s[2] < -THETA_THRESHOLD || s[2] > THETA_THRESHOLD;
    }
}
