package dev.drove.models.application.requirements;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * An amount of memory in megabytes, the container's hard limit: 1 to {@value #MAX_SIZE_IN_MB} (1 PiB). The original
 * sets no upper bound; ours is far above any executor's memory even over-provisioned, and keeps sums of many
 * instances' memory far from overflowing.
 */
public record MemoryRequirement(@Min(1) @Max(MAX_SIZE_IN_MB) long sizeInMB) implements ResourceRequirement {
    public static final long MAX_SIZE_IN_MB = 1L << 30;

    @Override
    public ResourceType resourceType() {
        return ResourceType.MEMORY;
    }
}
