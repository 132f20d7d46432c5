package dev.drove.controller.scheduler;

import java.util.Objects;

/**
 * Room one local service holds on an executor: {@code instancesPerHost} containers of {@code cpus} cores and
 * {@code memoryMB} megabytes each. The containers of the service already on the executor count against it, so only
 * the part they do not fill yet is kept free.
 *
 * @param groupKey the local service id, as its placement requests name it
 */
public record Reservation(String groupKey, int instancesPerHost, int cpus, long memoryMB) {
    public Reservation {
        Objects.requireNonNull(groupKey, "groupKey");
        if (instancesPerHost < 0 || cpus < 0 || memoryMB < 0) {
            throw new IllegalArgumentException("A reservation cannot be negative: " + instancesPerHost + " x "
                    + cpus + " cores, " + memoryMB + " MB");
        }
    }

    /** The cores still to keep on an executor that runs {@code running} of the service's containers. */
    long missingCores(int running) {
        return (long) Math.max(0, instancesPerHost - running) * cpus;
    }

    /** The megabytes still to keep on an executor that runs {@code running} of the service's containers. */
    long missingMemoryMB(int running) {
        return Math.max(0, instancesPerHost - running) * memoryMB;
    }
}
