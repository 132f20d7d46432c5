package dev.drove.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/** The chaos harness's summary: per fault kind, how often it was injected and how fast the cluster recovered. */
final class ChaosReport {
    private ChaosReport() {
    }

    /**
     * A plain-text table (also valid Markdown) of {@code outcomes}, with an overall row. Every outcome is a fault
     * the cluster recovered from: the harness fails at the first one it does not recover from within its bound.
     */
    static String table(long seed, List<ChaosIT.Outcome> outcomes) {
        var byFault = new EnumMap<ChaosIT.Fault, List<ChaosIT.Outcome>>(ChaosIT.Fault.class);
        outcomes.forEach(o -> byFault.computeIfAbsent(o.fault(), f -> new ArrayList<>()).add(o));
        var table = new StringBuilder("Chaos run, seed ").append(seed).append('\n')
                .append("| fault                      | count | median recovery s | worst recovery s | replaced | lost |\n")
                .append("|----------------------------|-------|-------------------|------------------|----------|------|\n");
        byFault.forEach((fault, list) -> table.append(row(fault.name(), list)));
        table.append(row("ALL", outcomes));
        byFault.keySet().forEach(fault -> table.append(String.format("  %s: %s%n", fault.name(),
                fault.description())));
        return table.append(String.format("Faults survived: %d of %d; containers lost: %d%n", outcomes.size(),
                outcomes.size(), outcomes.stream().mapToInt(ChaosIT.Outcome::lost).sum())).toString();
    }

    private static String row(String name, List<ChaosIT.Outcome> outcomes) {
        var seconds = outcomes.stream().map(ChaosIT.Outcome::recovery).map(Duration::toMillis).sorted().toList();
        return String.format("| %-26s | %5d | %17.1f | %16.1f | %8d | %4d |%n", name, outcomes.size(),
                median(seconds) / 1000.0, seconds.isEmpty() ? 0 : seconds.get(seconds.size() - 1) / 1000.0,
                outcomes.stream().mapToInt(ChaosIT.Outcome::replaced).sum(),
                outcomes.stream().mapToInt(ChaosIT.Outcome::lost).sum());
    }

    private static double median(List<Long> sorted) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }
}
