package org.mecopt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mecopt.api.InvalidInstanceException;
import org.mecopt.api.OptionalField;
import org.mecopt.api.Problem;
import org.mecopt.api.ProblemFamilies;
import org.mecopt.api.ProblemFamily;

/**
 * Every registered family's instance JSON, changed at each location (every field, and the first and
 * last element of every array): a null, a duplicate key, a number sent as a string, a fractional
 * integer, a boolean sent as a string or a number, a value of the wrong JSON type. Each is rejected
 * with an {@link InvalidInstanceException} whose field is exactly that location's path and whose
 * message starts with it; nothing is coerced, nothing reaches a constructor as a bare null. A number
 * as large as {@code 1e300} in any field is outside the family's range, and said to be.
 */
class StrictJsonTest {

    static Stream<String> families() {
        return ProblemFamilies.names().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void theUnchangedInstanceReadsBack(String name) {
        Family<?> f = Family.of(name);
        assertEquals(f.instance, f.read(Json.toText(f.tree)));
    }

    @ParameterizedTest
    @MethodSource("families")
    void aNullAnywhereIsRejectedNamingItsPath(String name) {
        Family<?> f = Family.of(name);
        for (Location at : f.locations) {
            String text = Json.toText(at.replaced(f.tree, NullNode.getInstance()));
            if (f.optional(at)) {
                f.read(text); // an optional field may be null: it is then absent
            } else {
                f.assertRejectedAt(at.path, text);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void aDuplicateKeyIsRejectedNamingItsPath(String name) {
        Family<?> f = Family.of(name);
        for (Location at : f.locations) {
            if (at.key == null) {
                continue;
            }
            // the same key again with a different value: the reader must not let the last one win
            ObjectNode tree = f.tree.deepCopy();
            ObjectNode parent = (ObjectNode) tree.at(at.pointer.head());
            parent.set("__duplicate__", IntNode.valueOf(-5));
            String text = Json.toText(tree).replace("\"__duplicate__\"", "\"" + at.key + "\"");
            f.assertRejectedAt(at.path, text);
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void aScalarIsNeverCoerced(String name) {
        Family<?> f = Family.of(name);
        int changed = 0;
        for (Location at : f.locations) {
            JsonNode value = f.tree.at(at.pointer);
            List<JsonNode> wrong = new ArrayList<>();
            if (value.isNumber()) {
                wrong.add(TextNode.valueOf(value.asText()));
            }
            if (value.isInt()) {
                wrong.add(DoubleNode.valueOf(value.asInt() + 0.5));
                wrong.add(DoubleNode.valueOf(value.asInt()));
            }
            if (value.isBoolean()) {
                wrong.add(TextNode.valueOf(value.asText()));
                wrong.add(IntNode.valueOf(value.asBoolean() ? 1 : 0));
            }
            if (value.isTextual() && !at.path.equals("problem")) {
                wrong.add(IntNode.valueOf(0));
            }
            for (JsonNode w : wrong) {
                f.assertRejectedAt(at.path, Json.toText(at.replaced(f.tree, w)));
                changed++;
            }
        }
        assertTrue(changed > 0, "no scalar to change in " + name);
    }

    @ParameterizedTest
    @MethodSource("families")
    void aValueOfTheWrongShapeIsRejectedNamingItsPath(String name) {
        Family<?> f = Family.of(name);
        for (Location at : f.locations) {
            JsonNode value = f.tree.at(at.pointer);
            JsonNode wrong = value.isContainerNode() ? BooleanNode.TRUE : JsonNodeFactory.instance.arrayNode().add(1);
            f.assertRejectedAt(at.path, Json.toText(at.replaced(f.tree, wrong)));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void aMagnitudeNoModelCanComputeIsRejectedNamingItsPath(String name) {
        Family<?> f = Family.of(name);
        for (Location at : f.locations) {
            if (f.tree.at(at.pointer).isDouble()) {
                for (double extreme : new double[] {Double.MAX_VALUE, -Double.MAX_VALUE, 1e300}) {
                    String text = Json.toText(at.replaced(f.tree, DoubleNode.valueOf(extreme)));
                    f.assertRejectedAt(at.path, text);
                    assertTrue(assertThrows(InvalidInstanceException.class, () -> f.read(text)).getMessage()
                            .startsWith(at.path + " = " + extreme + " is outside ["));
                }
            }
        }
    }

    /** A place in an instance tree: its pointer, its path as error messages spell it, its key if in an object. */
    private record Location(JsonPointer pointer, String path, String key) {

        ObjectNode replaced(ObjectNode tree, JsonNode value) {
            ObjectNode copy = tree.deepCopy();
            ContainerNode<?> parent = (ContainerNode<?>) copy.at(pointer.head());
            if (parent instanceof ObjectNode o) {
                o.set(key, value);
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(pointer.last().getMatchingProperty()), value);
            }
            return copy;
        }

        /** Every field, and the first and last element of every array, below {@code node}. */
        static void collect(JsonNode node, JsonPointer pointer, String path, List<Location> out) {
            if (node.isObject()) {
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    String key = it.next();
                    String child = path.isEmpty() ? key : path + "." + key;
                    out.add(new Location(pointer.appendProperty(key), child, key));
                    collect(node.get(key), pointer.appendProperty(key), child, out);
                }
            } else if (node.isArray()) {
                for (int i : node.size() > 1 ? new int[] {0, node.size() - 1} : new int[] {0}) {
                    if (i < node.size()) {
                        out.add(new Location(pointer.appendIndex(i), path + "[" + i + "]", null));
                        collect(node.get(i), pointer.appendIndex(i), path + "[" + i + "]", out);
                    }
                }
            }
        }
    }

    private record Family<P extends Problem<?>>(String name, Class<P> type, P instance, ObjectNode tree,
                                                List<Location> locations) {

        static Family<?> of(String name) {
            return of(ProblemFamilies.get(name), Function.identity());
        }

        private static <P extends Problem<?>, C extends Record> Family<P> of(ProblemFamily<P, ?, C> family,
                                                                           Function<C, C> config) {
            P instance = family.generate(config.apply(family.defaultConfig()), 3);
            ObjectNode tree = Json.instanceTree(instance);
            List<Location> locations = new ArrayList<>();
            Location.collect(tree, JsonPointer.empty(), "", locations);
            return new Family<>(family.name(), family.instanceType(), instance, tree, locations);
        }

        P read(String text) {
            return Json.readInstance(text, type, name);
        }

        boolean optional(Location at) {
            for (RecordComponent c : type.getRecordComponents()) {
                if (c.getName().equals(at.path) && c.isAnnotationPresent(OptionalField.class)) {
                    return true;
                }
            }
            return false;
        }

        void assertRejectedAt(String path, String text) {
            InvalidInstanceException e;
            try {
                e = assertThrows(InvalidInstanceException.class, () -> read(text));
            } catch (AssertionError accepted) {
                fail(name + ": accepted a change at " + path + ":\n" + text);
                return;
            }
            assertEquals(path, e.field(), name + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith(path + " = "), e.getMessage());
        }
    }
}
