package dev.drove.executor.topology;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.Collections;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The {@code resources:} section of the executor's config file (docs: cluster/setup/executor-setup.md, "Resource
 * Configuration" and "Over provisioning configuration"). Keys are spelled as the docs spell them.
 *
 * <p>Every key may be left out; the compact constructors are the only place that defaults live. Ranges are checked
 * by Bean Validation, so Dropwizard refuses to start with a message such as
 * {@code resources.exposedMemPercentage must be between 50 and 100}.
 *
 * @param osCores              CPU ids kept for the operating system; never offered to containers (default: none)
 * @param exposedMemPercentage share of each node's memory offered to containers, 50..100 (default 100)
 * @param disableNUMAPinning   offer every core and all memory as one node 0 and never set {@code cpuset-mems}
 *                             (default false)
 * @param enableNvidiaGpu      give every container all Nvidia GPUs of this host (default false)
 * @param tags                 tags for {@code MATCH_TAG} placement; the hostname is always added on top (default: none)
 * @param overProvisioning     multiply cores and memory on clusters that do not need guaranteed performance
 *                             (default: disabled)
 */
public record ResourceConfig(
        Set<@NotNull(message = "must not contain empty entries")
            @Min(value = 0, message = "must contain CPU ids of 0 or more") Integer> osCores,
        @Min(value = 50, message = "must be between 50 and 100")
        @Max(value = 100, message = "must be between 50 and 100") Integer exposedMemPercentage,
        Boolean disableNUMAPinning,
        Boolean enableNvidiaGpu,
        Set<@NotBlank(message = "must not contain blank tags") String> tags,
        @Valid OverProvisioning overProvisioning) {

    /** What an executor uses when its config has no {@code resources:} section. */
    public static final ResourceConfig DEFAULTS = new ResourceConfig(null, null, null, null, null, null);

    public ResourceConfig {
        osCores = osCores == null ? Set.of() : sortedCopy(osCores);
        exposedMemPercentage = exposedMemPercentage == null ? 100 : exposedMemPercentage;
        disableNUMAPinning = disableNUMAPinning != null && disableNUMAPinning;
        enableNvidiaGpu = enableNvidiaGpu != null && enableNvidiaGpu;
        tags = tags == null ? Set.of() : sortedCopy(tags);
        overProvisioning = overProvisioning == null ? OverProvisioning.DISABLED : overProvisioning;
    }

    /**
     * The {@code overProvisioning:} block. The multipliers only count when {@code enabled} is true.
     *
     * @param enabled          turn over-provisioning on (default false)
     * @param cpuMultiplier    vcores offered per physical CPU, 1..20 (default 1)
     * @param memoryMultiplier factor applied to the offered memory, 1..20 (default 1)
     */
    public record OverProvisioning(
            Boolean enabled,
            @Min(value = 1, message = "must be between 1 and 20")
            @Max(value = 20, message = "must be between 1 and 20") Integer cpuMultiplier,
            @Min(value = 1, message = "must be between 1 and 20")
            @Max(value = 20, message = "must be between 1 and 20") Integer memoryMultiplier) {

        /** Over-provisioning switched off, as when the block is absent. */
        public static final OverProvisioning DISABLED = new OverProvisioning(null, null, null);

        public OverProvisioning {
            enabled = enabled != null && enabled;
            cpuMultiplier = cpuMultiplier == null ? 1 : cpuMultiplier;
            memoryMultiplier = memoryMultiplier == null ? 1 : memoryMultiplier;
        }
    }

    /**
     * Keeps the given order-free set sorted, so logs and serialised config read naturally. Null entries are kept
     * out of the sorted set and reported by Bean Validation instead of failing here with a bare exception.
     */
    private static <T extends Comparable<T>> Set<T> sortedCopy(Set<T> values) {
        if (values.stream().anyMatch(Objects::isNull)) {
            return Collections.unmodifiableSet(new HashSet<>(values));
        }
        SortedSet<T> sorted = new TreeSet<>(values);
        return Collections.unmodifiableSortedSet(sorted);
    }
}
