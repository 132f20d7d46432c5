package dev.drove.models.application.placement;

/** Only executors without tags (other than their hostname); mostly for internal use. */
public record NoTagPlacement() implements PlacementPolicy {
}
