package org.mecopt.models.deadline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.deadline.DeadlineEnergyConfig;
import org.mecopt.deadline.policy.DeadlinePolicy;
import org.mecopt.deadline.policy.DeadlinePolicyProvider;
import org.mecopt.models.rl.MaddpgPolicy;

/**
 * Registers {@code maddpg} with the simulator's policy registry (ServiceLoader). By default it acts
 * with the actor bundled in the models jar ({@value #BUNDLE}, trained with
 * {@code mecopt train deadline-energy}, see docs/deadline-energy-maddpg.md); the system property
 * {@value #PROPERTY} (or the environment variable {@code MECOPT_MADDPG_POLICY}) names another
 * trained model directory, e.g. the {@code --out} of a training run.
 */
public final class MaddpgDeadlinePolicies implements DeadlinePolicyProvider {
    public static final String BUNDLE = "org/mecopt/models/pretrained/deadline-energy-maddpg/";
    public static final String PROPERTY = "mecopt.maddpg.policy";
    private static volatile MaddpgPolicy bundled;

    @Override
    public List<String> names() {
        return List.of(MaddpgDeadlinePolicy.NAME);
    }

    @Override
    public DeadlinePolicy create(String name, DeadlineEnergyConfig config) {
        if (!MaddpgDeadlinePolicy.NAME.equals(name)) {
            throw new InvalidInstanceException("policy", name, "is not provided by " + getClass().getSimpleName());
        }
        String dir = System.getProperty(PROPERTY, System.getenv("MECOPT_MADDPG_POLICY"));
        MaddpgPolicy actors;
        if (dir != null && !dir.isBlank()) {
            Path path = Path.of(dir);
            if (!Files.isRegularFile(path.resolve(MaddpgPolicy.PROPERTIES))) {
                throw new InvalidInstanceException(PROPERTY, dir, "is not a trained maddpg model directory (no "
                        + MaddpgPolicy.PROPERTIES + ")");
            }
            try {
                actors = MaddpgPolicy.load(path);
            } catch (IOException e) {
                throw new InvalidInstanceException(PROPERTY, dir, "cannot be read: " + e.getMessage());
            }
        } else {
            actors = bundled();
        }
        return new MaddpgDeadlinePolicy(actors, config);
    }

    /** The bundled actor, read once per JVM. */
    public static MaddpgPolicy bundled() {
        MaddpgPolicy p = bundled;
        if (p == null) {
            synchronized (MaddpgDeadlinePolicies.class) {
                if (bundled == null) {
                    ClassLoader loader = MaddpgDeadlinePolicies.class.getClassLoader();
                    try {
                        bundled = MaddpgPolicy.read(name -> {
                            InputStream in = loader.getResourceAsStream(BUNDLE + name);
                            if (in == null) {
                                throw new IOException("the models jar has no " + BUNDLE + name);
                            }
                            return in;
                        }, "classpath:" + BUNDLE);
                    } catch (IOException e) {
                        throw new UncheckedIOException("the bundled maddpg actor cannot be read", e);
                    }
                }
                p = bundled;
            }
        }
        return p;
    }
}
