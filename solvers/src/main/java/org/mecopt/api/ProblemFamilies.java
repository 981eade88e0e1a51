package org.mecopt.api;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The registered problem families, found once with {@link ServiceLoader}
 * ({@code META-INF/services/org.mecopt.api.ProblemFamily}), sorted by name.
 */
public final class ProblemFamilies {

    private static final List<ProblemFamily<?, ?, ?>> FAMILIES = load();

    private ProblemFamilies() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ProblemFamily<?, ?, ?>> load() {
        List<ProblemFamily<?, ?, ?>> found = (List) ServiceLoader.load(ProblemFamily.class,
                ProblemFamilies.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();
        return found.stream().sorted(Comparator.comparing(ProblemFamily::name)).toList();
    }

    /** Every registered family, sorted by name. */
    public static List<ProblemFamily<?, ?, ?>> all() {
        return FAMILIES;
    }

    /** The registered families' names, sorted. */
    public static List<String> names() {
        return FAMILIES.stream().map(ProblemFamily::name).toList();
    }

    public static Optional<ProblemFamily<?, ?, ?>> find(String name) {
        return FAMILIES.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * The family named {@code name}.
     *
     * @throws InvalidInstanceException naming the known families when there is none
     */
    public static ProblemFamily<?, ?, ?> get(String name) {
        return find(name).orElseThrow(() -> new InvalidInstanceException("problem", name,
                "is not a known problem family; known: " + names()));
    }
}
