package dev.drove.models.validation;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drove.models.json.Json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile variants of valid JSON documents for fuzzing the spec parser: a seed document, up to {@value #MAX_CHANGES}
 * changes to its tree, then at most one change to its text. Everything generated is bounded (strings of at most 64
 * characters, nesting of at most 1,200 levels, documents of at most a few hundred kB), so a reader that hangs on one
 * is at fault.
 *
 * <pre>
 * tree:  DROP a field or element · DUPLICATE a field (same key twice) or element · RETYPE a value · RENAME a field
 *        · ADD an unknown field · NEST a value in arrays/objects · set a random STRING, NUMBER or known NAME
 * text:  TRUNCATE · DELETE a span · INSERT a character · WRAP it all in deep nesting · none
 * </pre>
 */
final class JsonMutations {
    static final int MAX_CHANGES = 8;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Names the contract uses as types and enum values, so changes reach the polymorphic and enum paths. */
    private static final List<String> NAMES = List.of("CPU", "MEMORY", "DOCKER", "HTTP", "HTTPS", "TCP", "CMD", "ANY",
            "ONE_PER_HOST", "MAX_N_PER_HOST", "MATCH_TAG", "NO_TAG", "RULE_BASED", "COMPOSITE", "LOCAL", "SERVICE",
            "COMPUTATION", "LOCAL_SERVICE", "INLINE", "EXECUTOR_LOCAL_FILE", "CONTROLLER_HTTP_FETCH", "RSYSLOG",
            "CREATE", "SCALE", "DESTROY", "START_INSTANCES", "STOP_INSTANCES", "REPLACE_INSTANCES", "SUSPEND",
            "RECOVER", "KILL", "STOP", "IGNORE", "GET", "POST", "READ_ONLY", "READ_WRITE", "DIRECT", "DETAILED", "ALL",
            "SUBDOMAIN", "cpu", "Scale", "", " ", "null", "1 second", "-1 s", "5 fortnights", "0 s", "P1D",
            "9999999 days");
    private static final List<String> NUMBERS = List.of("0", "-1", "1", "2147483647", "2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "1e30", "-1e30", "1.5", "-0", "1e-400", "1e400",
            "0.000000001", "65536", "100000", "9".repeat(1_100));

    /** Characters a text change inserts: JSON's own punctuation, NUL, half a surrogate pair, a non-ASCII letter. */
    private static final String INSERTED = "{}[]\",:\\ \u0000\uD83D\u00e9-0e";

    enum TreeChange { DROP, DUPLICATE, RETYPE, RENAME, ADD, NEST, STRING, NUMBER, NAME }

    enum TextChange { NONE, TRUNCATE, DELETE, INSERT, WRAP }

    /** One change to the tree: what, where (an index into the document's nodes, wrapped) and a random choice. */
    record Change(TreeChange kind, int where, int choice, String text) {
    }

    /** A seed and the changes made to it. */
    record Variant(String seedName, JsonNode seed, List<Change> changes, TextChange textChange, int textWhere,
                   int textChoice) {
        @Override
        public String toString() {
            return seedName + " " + changes + " " + textChange + "@" + textWhere;
        }
    }

    private JsonMutations() {
    }

    /** A random variant of one of {@code seeds}: up to {@value #MAX_CHANGES} tree changes and one text change. */
    static Variant variant(Random random, Map<String, JsonNode> seeds) {
        var names = List.copyOf(seeds.keySet());
        var name = names.get(random.nextInt(names.size()));
        var changes = new ArrayList<Change>();
        for (int i = random.nextInt(MAX_CHANGES + 1); i > 0; i--) {
            changes.add(new Change(pick(random, TreeChange.values()), random.nextInt(10_001), random.nextInt(10_001),
                    randomString(random, 64)));
        }
        return new Variant(name, seeds.get(name), List.copyOf(changes), pick(random, TextChange.values()),
                random.nextInt(1_000_001), random.nextInt(10_001));
    }

    private static <E> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    /**
     * Up to {@code maxLength} chars, mostly printable ASCII with some of anything else: control characters, NUL,
     * letters of other scripts and lone surrogate halves.
     */
    private static String randomString(Random random, int maxLength) {
        var text = new StringBuilder();
        for (int i = random.nextInt(maxLength + 1); i > 0; i--) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(Character.MAX_VALUE + 1)
                    : (char) (' ' + random.nextInt(95)));
        }
        return text.toString();
    }

    /** The variant's text: the seed with every change applied. */
    static String apply(Variant variant) {
        var root = variant.seed().deepCopy();
        var duplicates = new IdentityHashMap<ObjectNode, List<Map.Entry<String, JsonNode>>>();
        for (var change : variant.changes()) {
            root = change(root, change, duplicates);
        }
        return changeText(write(root, duplicates), variant.textChange(), variant.textWhere(), variant.textChoice());
    }

    /** Where a node sits: its parent (null for the root) and its field name or index. */
    private record Place(JsonNode parent, String field, int index, JsonNode node) {
    }

    private static JsonNode change(JsonNode root, Change change, Map<ObjectNode, List<Map.Entry<String, JsonNode>>>
            duplicates) {
        var places = new ArrayList<Place>();
        collect(null, null, -1, root, places);
        var place = places.get(change.where() % places.size());
        var replacement = switch (change.kind()) {
            case DROP, DUPLICATE, RENAME, ADD -> null;
            case RETYPE -> randomValue(change.choice(), change.text());
            case NEST -> nest(place.node(), change.choice() % 50 + 1, change.choice() % 2 == 0);
            case STRING -> NODES.textNode(change.text());
            case NUMBER -> number(NUMBERS.get(change.choice() % NUMBERS.size()));
            case NAME -> NODES.textNode(NAMES.get(change.choice() % NAMES.size()));
        };
        if (replacement != null) {
            return replace(root, place, replacement);
        }
        var container = place.node().isContainerNode() ? place.node() : place.parent();
        if (container instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            var name = names.isEmpty() ? change.text() : names.get(change.choice() % names.size());
            switch (change.kind()) {
                case DROP -> object.remove(name);
                case DUPLICATE -> duplicates.computeIfAbsent(object, key -> new ArrayList<>())
                        .add(Map.entry(name, randomValue(change.choice(), change.text())));
                case RENAME -> {
                    var value = object.remove(name);
                    object.set(change.text(), value == null ? NODES.nullNode() : value);
                }
                default -> object.set(change.text(), randomValue(change.choice(), change.text()));
            }
        } else if (container instanceof ArrayNode array) {
            var index = array.isEmpty() ? 0 : change.choice() % array.size();
            switch (change.kind()) {
                case DROP -> array.remove(index);
                case DUPLICATE -> array.insert(index, array.isEmpty() ? NODES.nullNode() : array.get(index));
                default -> array.insert(index, randomValue(change.choice(), change.text()));
            }
        }
        return root;
    }

    private static void collect(JsonNode parent, String field, int index, JsonNode node, List<Place> places) {
        places.add(new Place(parent, field, index, node));
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(entry -> collect(object, entry.getKey(), -1, entry.getValue(), places));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                collect(array, null, i, array.get(i), places);
            }
        }
    }

    private static JsonNode replace(JsonNode root, Place place, JsonNode replacement) {
        if (place.parent() instanceof ObjectNode object) {
            object.set(place.field(), replacement);
        } else if (place.parent() instanceof ArrayNode array) {
            array.set(place.index(), replacement);
        } else {
            return replacement;
        }
        return root;
    }

    private static JsonNode randomValue(int choice, String text) {
        return switch (choice % 8) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(choice % 16 < 8);
            case 2 -> number(NUMBERS.get(choice % NUMBERS.size()));
            case 3 -> NODES.textNode(text);
            case 4 -> NODES.arrayNode().add(text).add(choice);
            case 5 -> NODES.objectNode().put(text, choice);
            case 6 -> NODES.textNode(NAMES.get(choice % NAMES.size()));
            default -> NODES.objectNode().put("type", NAMES.get(choice % NAMES.size()));
        };
    }

    private static JsonNode number(String text) {
        var decimal = new BigDecimal(text);
        return decimal.scale() <= 0 && text.matches("-?\\d+") ? NODES.numberNode(new BigInteger(text))
                : NODES.numberNode(decimal);
    }

    private static JsonNode nest(JsonNode value, int depth, boolean arrays) {
        var nested = value;
        for (int i = 0; i < depth; i++) {
            nested = arrays ? NODES.arrayNode().add(nested) : NODES.objectNode().set("n", nested);
        }
        return nested;
    }

    private static String changeText(String json, TextChange change, int where, int choice) {
        var at = json.isEmpty() ? 0 : where % json.length();
        return switch (change) {
            case NONE -> json;
            case TRUNCATE -> json.substring(0, at);
            case DELETE -> json.substring(0, at) + json.substring(Math.min(json.length(), at + choice % 64 + 1));
            case INSERT -> json.substring(0, at) + INSERTED.charAt(choice % INSERTED.length()) + json.substring(at);
            case WRAP -> "[".repeat(choice % 1_200) + json + "]".repeat(choice % 1_200);
        };
    }

    /** Writes the tree by hand, so an object can carry a key twice (Jackson's trees cannot). */
    private static String write(JsonNode root, Map<ObjectNode, List<Map.Entry<String, JsonNode>>> duplicates) {
        var out = new StringWriter();
        try (var generator = Json.mapper().getFactory().createGenerator(out)) {
            write(generator, root, duplicates);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, JsonNode node,
                              Map<ObjectNode, List<Map.Entry<String, JsonNode>>> duplicates) throws IOException {
        if (node instanceof ObjectNode object) {
            generator.writeStartObject();
            for (var entry : (Iterable<Map.Entry<String, JsonNode>>) object::fields) {
                generator.writeFieldName(entry.getKey());
                write(generator, entry.getValue(), duplicates);
            }
            for (var extra : duplicates.getOrDefault(object, List.of())) {
                generator.writeFieldName(extra.getKey());
                write(generator, extra.getValue(), duplicates);
            }
            generator.writeEndObject();
        } else if (node instanceof ArrayNode array) {
            generator.writeStartArray();
            for (var element : array) {
                write(generator, element, duplicates);
            }
            generator.writeEndArray();
        } else {
            generator.writeTree(node);
        }
    }
}
