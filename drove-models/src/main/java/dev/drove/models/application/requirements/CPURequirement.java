package dev.drove.models.application.requirements;

import jakarta.validation.constraints.Min;

/** A number of whole CPU cores, pinned to the container by the executor. */
public record CPURequirement(@Min(1) int count) implements ResourceRequirement {
    @Override
    public ResourceType resourceType() {
        return ResourceType.CPU;
    }
}
