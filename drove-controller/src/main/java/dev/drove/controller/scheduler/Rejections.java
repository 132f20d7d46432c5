package dev.drove.controller.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every rejection of one placement, summed up for the operator: equal reasons are counted, most frequent first
 * (then alphabetically), and each reason's leading verb is put in the plural when it covers more than one executor
 * ("1 lacks tag gpu", "2 lack tag gpu").
 */
final class Rejections {
    private final List<Verdict> verdicts = new ArrayList<>();

    /** Keeps one executor's rejection; its reason is formatted only if the summary is asked for. */
    void add(Verdict verdict) {
        verdicts.add(verdict);
    }

    /** E.g. "No executor can take 2 cores and 512 MB for APP-1: 3 executors: 2 lack tag gpu, 1 has …". */
    String summary(PlacementRequest request) {
        var head = "No executor can take %s and %d MB for %s: ".formatted(
                request.cpus() == 1 ? "1 core" : request.cpus() + " cores", request.memoryMB(), request.groupKey());
        int executors = verdicts.size();
        if (executors == 0) {
            return head + "no executor is known";
        }
        var counts = new LinkedHashMap<String, Integer>();
        verdicts.forEach(verdict -> counts.merge(verdict.reason(), 1, Integer::sum));
        return head + executors + (executors == 1 ? " executor: " : " executors: ") + counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .map(entry -> entry.getValue() + " " + (entry.getValue() == 1
                        ? entry.getKey() : pluralVerb(entry.getKey())))
                .collect(Collectors.joining(", "));
    }

    /** "lacks tag gpu" → "lack tag gpu", "is X" → "are X", "has" → "have", "carries" → "carry", "matches" → "match". */
    static String pluralVerb(String reason) {
        var space = reason.indexOf(' ');
        var verb = space < 0 ? reason : reason.substring(0, space);
        var rest = space < 0 ? "" : reason.substring(space);
        return plural(verb) + rest;
    }

    private static String plural(String verb) {
        switch (verb) {
            case "is": return "are";
            case "has": return "have";
            case "does": return "do";
            case "was": return "were";
            default: break;
        }
        if (verb.endsWith("ies")) {
            return verb.substring(0, verb.length() - 3) + "y";
        }
        if (verb.endsWith("ches") || verb.endsWith("shes") || verb.endsWith("sses") || verb.endsWith("xes")) {
            return verb.substring(0, verb.length() - 2);
        }
        if (verb.endsWith("s") && !verb.endsWith("ss")) {
            return verb.substring(0, verb.length() - 1);
        }
        return verb;
    }
}
