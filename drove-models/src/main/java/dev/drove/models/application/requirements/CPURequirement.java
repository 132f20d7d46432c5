package dev.drove.models.application.requirements;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A number of whole CPU cores, pinned to the container by the executor: 1 to {@value #MAX_COUNT}. The original sets
 * no upper bound; ours is above what any executor can offer (768 hardware threads on the largest two-socket hosts,
 * times the over-provisioning multiplier of at most 20, is 15,360), so only nonsense is refused, and at submission
 * rather than at placement.
 */
public record CPURequirement(@Min(1) @Max(MAX_COUNT) int count) implements ResourceRequirement {
    public static final int MAX_COUNT = 16_384;

    @Override
    public ResourceType resourceType() {
        return ResourceType.CPU;
    }
}
