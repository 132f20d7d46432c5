package dev.drove.models.application.placement;

/** At most one container of the {@code {name, version}} per executor. */
public record OnePerHostPlacement() implements PlacementPolicy {
}
