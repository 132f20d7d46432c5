package dev.drove.models.application.requirements;

import jakarta.validation.constraints.Min;

/** An amount of memory in megabytes; the container's hard limit. */
public record MemoryRequirement(@Min(1) long sizeInMB) implements ResourceRequirement {
    @Override
    public ResourceType resourceType() {
        return ResourceType.MEMORY;
    }
}
