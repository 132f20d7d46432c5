package dev.drove.models.api;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The answer to (un)blacklisting executors (docs: apis/cluster.md, cluster/maintenance.md): the executor ids acted
 * on and those that could not be (unknown or in the wrong state). {@code approxCompletionTimeMs} and {@code message}
 * are optional: an estimate of how long moving the applications away takes, and a note for the operator.
 */
public record BlacklistOperationResponse(Set<String> successful,
                                         Set<String> failed,
                                         Long approxCompletionTimeMs,
                                         String message) {
    public BlacklistOperationResponse {
        successful = successful == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(successful));
        failed = failed == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(failed));
    }
}
