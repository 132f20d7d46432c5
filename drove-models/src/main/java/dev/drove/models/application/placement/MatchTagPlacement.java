package dev.drove.models.application.placement;

import jakarta.validation.constraints.NotBlank;

/**
 * Only executors carrying {@code tag}. Every executor is tagged with its own hostname, so this can also pin
 * containers to one host. Tagged executors run nothing that does not ask for their tag.
 */
public record MatchTagPlacement(@NotBlank String tag) implements PlacementPolicy {
}
