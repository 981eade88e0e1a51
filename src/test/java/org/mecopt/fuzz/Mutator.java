package org.mecopt.fuzz;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.mecopt.io.Json;

/**
 * Seeded mutations of an instance's JSON: each mutant is the base instance with one change of one
 * {@link Kind} (value changes may come two or three at a time), so a failure names the change that
 * caused it. The same base, seed and index give the same mutant on any machine.
 */
final class Mutator {

    /** What a mutation does, and whether the result can still be a valid instance. */
    enum Kind {
        /** A number replaced by a special or extreme value, or scaled by a power of ten: may stay valid. */
        EXTREME_NUMBER(false),
        /** An array's last element dropped or duplicated: may stay valid (one user fewer or more). */
        RAGGED(false),
        /** Every element of an array made equal to its first (identical users, flat gains): may stay valid. */
        DEGENERATE(false),
        /** A value replaced by null. */
        NULL(true),
        /** A field removed. */
        MISSING(true),
        /** An unknown field added. */
        EXTRA(true),
        /** A key given twice, the second time with another value. */
        DUPLICATE(true),
        /** A value replaced by one of another JSON type. */
        WRONG_TYPE(true),
        /** A number sent as a string, an integer with a fraction, a boolean as a string or a number. */
        COERCIBLE(true);

        /** Whether a mutant of this kind is invalid whatever the base (optional fields aside). */
        final boolean invalid;

        Kind(boolean invalid) {
            this.invalid = invalid;
        }
    }

    /**
     * One mutated instance.
     *
     * @param kind the change
     * @param path where, as error messages spell paths ({@code devices[0].cycles})
     * @param change what was done, for reports
     * @param json the mutated text
     * @param mustBeRejected whether no valid instance can read from it (the path is not an optional field)
     */
    record Mutant(Kind kind, String path, String change, String json, boolean mustBeRejected) {
        @Override
        public String toString() {
            return kind + " at " + path + ": " + change;
        }
    }

    /** Special values no model field can take, and extreme ones some can. */
    private static final double[] SPECIAL = {0, -0.0, -1, 1, Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-30,
        1e30, 1e300, Double.MAX_VALUE, -Double.MAX_VALUE, Math.nextUp(1.0), 1e-20, 1e20, 1e15, 1e18, 1e-6, 1e6};
    private static final String[] NON_FINITE = {"NaN", "Infinity", "-Infinity"};

    private final ObjectNode base;
    private final List<Location> locations = new ArrayList<>();
    /** The locations grouped by field ({@code gain[][][]}), so each field is as likely as any other. */
    private final List<List<Location>> fields;
    private final Predicate<String> optional;

    /**
     * @param base the valid instance's tree
     * @param optional whether a path names a field the instance may omit
     */
    Mutator(ObjectNode base, Predicate<String> optional) {
        this.base = base.deepCopy();
        this.optional = optional;
        collect(this.base, JsonPointer.empty(), "", null);
        Map<String, List<Location>> byField = new TreeMap<>();
        for (Location at : locations) {
            byField.computeIfAbsent(at.path.replaceAll("\\[\\d+]", "[]"), f -> new ArrayList<>()).add(at);
        }
        fields = List.copyOf(byField.values());
    }

    private Location pick(SplittableRandom rng) {
        List<Location> field = fields.get(rng.nextInt(fields.size()));
        return field.get(rng.nextInt(field.size()));
    }

    /** The {@code index}-th mutant of the stream seeded by {@code seed}. */
    Mutant mutant(long seed, long index) {
        SplittableRandom rng = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        Kind kind = Kind.values()[rng.nextInt(Kind.values().length)];
        if (kind == Kind.EXTREME_NUMBER || kind == Kind.DEGENERATE) {
            return valueChanges(rng, kind);
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            Mutant m = structural(rng, kind, pick(rng));
            if (m != null) {
                return m;
            }
        }
        return valueChanges(rng, Kind.EXTREME_NUMBER);
    }

    /** One to three value changes of {@code kind}'s sort at random locations. */
    private Mutant valueChanges(SplittableRandom rng, Kind kind) {
        ObjectNode tree = base.deepCopy();
        List<String> paths = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        int count = rng.nextInt(10) < 7 ? 1 : 2 + rng.nextInt(2);
        for (int attempt = 0; attempt < 200 && paths.size() < count; attempt++) {
            Location at = pick(rng);
            JsonNode value = tree.at(at.pointer);
            if (kind == Kind.EXTREME_NUMBER && value.isNumber()) {
                JsonNode extreme = extreme(rng, value);
                at.set(tree, extreme);
                changes.add(at.path + " := " + extreme);
                paths.add(at.path);
            } else if (kind == Kind.DEGENERATE && value.isArray() && value.size() > 1) {
                ArrayNode array = (ArrayNode) value;
                for (int i = 1; i < array.size(); i++) {
                    array.set(i, array.get(0).deepCopy());
                }
                changes.add(at.path + "[*] := " + at.path + "[0]");
                paths.add(at.path);
            }
        }
        return new Mutant(kind, String.join(", ", paths), String.join("; ", changes), Json.toText(tree), false);
    }

    private static JsonNode extreme(SplittableRandom rng, JsonNode value) {
        switch (rng.nextInt(6)) {
            case 0:
                return TextNode.valueOf(NON_FINITE[rng.nextInt(NON_FINITE.length)]);
            case 1: // scaled by a power of ten: reaches every range's edges from a realistic value
                return DoubleNode.valueOf(value.asDouble() * Math.pow(10, rng.nextInt(-40, 41)));
            case 2:
                return value.isIntegralNumber()
                        ? LongNode.valueOf(rng.nextBoolean() ? Integer.MAX_VALUE + 1L : Integer.MIN_VALUE - 1L)
                        : BigIntegerNode.valueOf(BigInteger.TEN.pow(rng.nextInt(1, 400)));
            case 3:
                return value.isIntegralNumber() ? IntNode.valueOf(rng.nextInt(-2, 3))
                        : DoubleNode.valueOf(value.asDouble() * (1 + (rng.nextBoolean() ? 1 : -1) * 1e-16));
            default:
                double special = SPECIAL[rng.nextInt(SPECIAL.length)];
                return value.isIntegralNumber() && special == Math.rint(special) && Math.abs(special) < 1e9
                        ? IntNode.valueOf((int) special) : DoubleNode.valueOf(special);
        }
    }

    /** A structural change at {@code at}, or null when {@code kind} does not apply there. */
    private Mutant structural(SplittableRandom rng, Kind kind, Location at) {
        if (at.path.isEmpty() && kind != Kind.EXTRA) {
            return null; // the root is only ever given an extra field
        }
        ObjectNode tree = base.deepCopy();
        JsonNode value = tree.at(at.pointer);
        boolean inObject = at.key != null;
        boolean invalid = kind.invalid && !(optional.test(at.path) && (kind == Kind.NULL || kind == Kind.MISSING));
        switch (kind) {
            case NULL:
                at.set(tree, NullNode.getInstance());
                return new Mutant(kind, at.path, at.path + " := null", Json.toText(tree), invalid);
            case MISSING:
                if (!inObject) {
                    return null;
                }
                ((ObjectNode) tree.at(at.pointer.head())).remove(at.key);
                return new Mutant(kind, at.path, "removed " + at.path, Json.toText(tree), invalid);
            case EXTRA:
                if (!value.isObject()) {
                    return null;
                }
                ((ObjectNode) value).put("colour", 1);
                String extra = at.path.isEmpty() ? "colour" : at.path + ".colour";
                return new Mutant(kind, extra, "added " + extra, Json.toText(tree), true);
            case DUPLICATE:
                if (!inObject) {
                    return null;
                }
                ((ObjectNode) tree.at(at.pointer.head())).set("__duplicate__", value.isNumber()
                        ? DoubleNode.valueOf(-value.asDouble()) : value.deepCopy());
                String text = Json.toText(tree).replace("\"__duplicate__\"", "\"" + at.key + "\"");
                return new Mutant(kind, at.path, at.path + " given twice", text, true);
            case WRONG_TYPE:
                JsonNode wrong = value.isArray() ? JsonNodeFactory.instance.objectNode()
                        : value.isObject() ? JsonNodeFactory.instance.arrayNode()
                        : value.isTextual() ? IntNode.valueOf(1)
                        : value.isNumber() && rng.nextBoolean() ? BooleanNode.TRUE
                        : JsonNodeFactory.instance.arrayNode().add(value);
                at.set(tree, wrong);
                return new Mutant(kind, at.path, at.path + " := " + wrong, Json.toText(tree), invalid);
            case COERCIBLE:
                JsonNode coerced = value.isInt() ? (rng.nextBoolean() ? DoubleNode.valueOf(value.asInt() + 0.5)
                        : DoubleNode.valueOf(value.asInt()))
                        : value.isNumber() ? TextNode.valueOf(value.asText())
                        : value.isBoolean() ? (rng.nextBoolean() ? TextNode.valueOf(value.asText())
                        : IntNode.valueOf(value.asBoolean() ? 1 : 0)) : null;
                if (coerced == null) {
                    return null;
                }
                at.set(tree, coerced);
                return new Mutant(kind, at.path, at.path + " := " + coerced, Json.toText(tree), invalid);
            case RAGGED:
                if (!value.isArray() || value.isEmpty()) {
                    return null;
                }
                ArrayNode array = (ArrayNode) value;
                boolean drop = rng.nextBoolean();
                if (drop) {
                    array.remove(array.size() - 1);
                } else {
                    array.add(array.get(array.size() - 1).deepCopy());
                }
                return new Mutant(kind, at.path, (drop ? "dropped the last of " : "duplicated the last of ") + at.path,
                        Json.toText(tree), false);
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** Every value of the tree, as a pointer, the path error messages use, and its key in its object. */
    private record Location(JsonPointer pointer, String path, String key) {
        void set(ObjectNode tree, JsonNode value) {
            if (pointer.matches()) {
                throw new IllegalStateException("the root is not replaced");
            }
            ContainerNode<?> parent = (ContainerNode<?>) tree.at(pointer.head());
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(pointer.last().getMatchingIndex(), value);
            }
        }
    }

    private void collect(JsonNode node, JsonPointer pointer, String path, String key) {
        locations.add(new Location(pointer, path, key)); // the root too: an extra field at the top level
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                collect(node.get(k), pointer.appendProperty(k), path.isEmpty() ? k : path + "." + k, k);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer.appendIndex(i), path + "[" + i + "]", null);
            }
        }
    }
}
