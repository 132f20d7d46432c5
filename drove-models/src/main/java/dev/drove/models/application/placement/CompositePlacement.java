package dev.drove.models.application.placement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;

import java.util.List;

/**
 * Several policies combined: an executor must satisfy all of them ({@code AND}, the default) or any ({@code OR}).
 */
public record CompositePlacement(@NotEmpty List<@Valid PlacementPolicy> policies, Combiner combiner)
        implements PlacementPolicy {

    /** How the verdicts of the combined policies are joined. */
    public enum Combiner {
        AND,
        OR
    }

    public CompositePlacement {
        policies = policies == null ? null : List.copyOf(policies);
        combiner = combiner == null ? Combiner.AND : combiner;
    }
}
