package dev.drove.models.docs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The differences between a JSON tree from the docs and what our types write back, one line per difference:
 * {@code "added <path> = <value>"}, {@code "missing <path>"} or {@code "changed <path>: <docs> -> <ours>"}.
 *
 * <p>Numbers compare by value (the docs' {@code 0} equals our {@code 0L} or {@code 0.0}); a field the docs give as
 * {@code null} equals an absent one, since nulls are omitted when we write.
 */
public final class TreeDifferences {
    private TreeDifferences() {
    }

    public static List<String> between(JsonNode docs, JsonNode ours) {
        var out = new ArrayList<String>();
        compare("", docs, ours, out);
        return out;
    }

    private static void compare(String path, JsonNode docs, JsonNode ours, List<String> out) {
        if (docs.isObject() && ours.isObject()) {
            docs.fieldNames().forEachRemaining(name -> {
                var mine = ours.get(name);
                var theirs = docs.get(name);
                if (mine == null || mine.isNull()) {
                    if (!theirs.isNull()) {
                        out.add("missing " + join(path, name));
                    }
                } else {
                    compare(join(path, name), theirs, mine, out);
                }
            });
            ours.fieldNames().forEachRemaining(name -> {
                if (!docs.has(name)) {
                    out.add("added " + join(path, name) + " = " + ours.get(name));
                }
            });
            return;
        }
        if (docs.isArray() && ours.isArray()) {
            if (docs.size() != ours.size()) {
                out.add("changed " + path + ": " + docs + " -> " + ours);
                return;
            }
            for (int i = 0; i < docs.size(); i++) {
                compare(path + "[" + i + "]", docs.get(i), ours.get(i), out);
            }
            return;
        }
        if (docs.isNumber() && ours.isNumber()) {
            if (docs.decimalValue().compareTo(ours.decimalValue()) != 0) {
                out.add("changed " + path + ": " + docs + " -> " + ours);
            }
            return;
        }
        if (!docs.equals(ours)) {
            out.add("changed " + path + ": " + docs + " -> " + ours);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
