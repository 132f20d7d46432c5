package dev.drove.models.application.requirements;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.drove.models.validation.Problem;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Objects;

/**
 * Hardware reserved for one container (docs: snippets/common_configs.md, "Resource Requirements Specification").
 * Whole cores and memory are allocated from one NUMA node by the executor.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CPURequirement.class, name = "CPU"),
        @JsonSubTypes.Type(value = MemoryRequirement.class, name = "MEMORY")})
public sealed interface ResourceRequirement permits CPURequirement, MemoryRequirement {

    /** Which kind of resource this is; the same word as the JSON {@code type}. */
    ResourceType resourceType();

    /**
     * The rule every spec shares: its resources name exactly one CPU and one MEMORY requirement ("Both CPU and MEMORY
     * configurations are mandatory"). Reported at {@code path}; an absent or empty list is left to the field's own
     * constraint.
     */
    static List<Problem> exactlyOneOfEach(String path, List<ResourceRequirement> resources) {
        var problems = new ArrayList<Problem>();
        if (resources == null || resources.isEmpty()) {
            return problems;
        }
        var counts = new EnumMap<ResourceType, Integer>(ResourceType.class);
        resources.stream()
                .filter(Objects::nonNull)
                .forEach(r -> counts.merge(r.resourceType(), 1, Integer::sum));
        for (var type : ResourceType.values()) {
            var count = counts.getOrDefault(type, 0);
            if (count != 1) {
                problems.add(Problem.at(path, "must contain exactly one %s requirement, found %d", type, count));
            }
        }
        return problems;
    }

    /** The CPU count of a valid resource list (0 when there is none). */
    static int cpus(List<ResourceRequirement> resources) {
        return resources.stream().filter(CPURequirement.class::isInstance).map(CPURequirement.class::cast)
                .mapToInt(CPURequirement::count).sum();
    }

    /** The memory in MB of a valid resource list (0 when there is none). */
    static long memoryInMB(List<ResourceRequirement> resources) {
        return resources.stream().filter(MemoryRequirement.class::isInstance).map(MemoryRequirement.class::cast)
                .mapToLong(MemoryRequirement::sizeInMB).sum();
    }

    /** Convenience for tests and code: one CPU and one MEMORY requirement. */
    static List<ResourceRequirement> of(int cpus, long memoryInMB) {
        return List.of(new CPURequirement(cpus), new MemoryRequirement(memoryInMB));
    }
}
