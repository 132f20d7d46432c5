package dev.drove.executor.topology;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The kernel's CPU list format, as in {@code /sys/devices/system/node/node0/cpulist} or
 * {@code /sys/devices/system/cpu/online}: comma-separated ids and inclusive ranges, e.g. {@code 0-3,8-11}.
 */
final class CpuList {
    private CpuList() {
    }

    /**
     * Reads a CPU list. Blank text is an empty list (a memory-only NUMA node).
     *
     * @throws IllegalArgumentException if the text is not a CPU list; the message quotes it
     */
    static SortedSet<Integer> parse(String text) {
        SortedSet<Integer> cpus = new TreeSet<>();
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return Collections.unmodifiableSortedSet(cpus);
        }
        for (String part : trimmed.split(",")) {
            String[] bounds = part.strip().split("-", -1);
            try {
                int first = Integer.parseInt(bounds[0].strip());
                int last = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : first;
                if (bounds.length > 2 || first < 0 || last < first) {
                    throw new IllegalArgumentException("bad range " + part);
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a CPU list such as 0-3,8-11", e);
            }
        }
        return Collections.unmodifiableSortedSet(cpus);
    }

    /** Writes ids in the kernel's compact form, joining runs into ranges: {@code [0,1,2,3,8]} → {@code 0-3,8}. */
    static String format(Collection<Integer> ids) {
        List<String> parts = new ArrayList<>();
        Integer start = null;
        Integer previous = null;
        for (int id : new TreeSet<>(ids)) {
            if (previous != null && id == previous + 1) {
                previous = id;
                continue;
            }
            if (start != null) {
                parts.add(range(start, previous));
            }
            start = id;
            previous = id;
        }
        if (start != null) {
            parts.add(range(start, previous));
        }
        return String.join(",", parts);
    }

    private static String range(int start, int end) {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
