package dev.drove.models.application.placement;

/** Any executor without tags (other than its hostname). The right choice for most services. */
public record AnyPlacement() implements PlacementPolicy {
}
