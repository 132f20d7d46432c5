package dev.drove.models.application.placement;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** At most {@code max} (1..64) containers of the {@code {name, version}} per executor. */
public record MaxNPerHostPlacement(@Min(1) @Max(64) int max) implements PlacementPolicy {
}
