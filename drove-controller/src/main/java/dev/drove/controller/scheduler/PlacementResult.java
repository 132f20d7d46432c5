package dev.drove.controller.scheduler;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer of {@link Scheduler#place}: a placement, or a failure that says why no executor could take the
 * container ("No executor can take 2 cores and 512 MB for APP-1: 3 executors: 2 lack tag gpu, 1 has …").
 * Exactly one of the two is present.
 */
public record PlacementResult(Placement placement, String failure) {
    public PlacementResult {
        if ((placement == null) == (failure == null)) {
            throw new IllegalArgumentException("A placement result holds either a placement or a failure");
        }
    }

    static PlacementResult placed(Placement placement) {
        return new PlacementResult(Objects.requireNonNull(placement), null);
    }

    static PlacementResult failed(String failure) {
        return new PlacementResult(null, Objects.requireNonNull(failure));
    }

    public boolean isPlaced() {
        return placement != null;
    }

    public Optional<Placement> asOptional() {
        return Optional.ofNullable(placement);
    }

    /** The placement; throws IllegalStateException with the failure when there is none. */
    public Placement orElseThrow() {
        if (placement == null) {
            throw new IllegalStateException(failure);
        }
        return placement;
    }
}
