package dev.drove.models.operation;

import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.util.concurrent.TimeUnit;

/**
 * How an operation runs (docs: snippets/cluster_ops.md; contract §2.7).
 *
 * @param timeout         after which the operation counts as timed out
 * @param parallelism     how many instances it handles at once, 1..512 (the docs' table says 1..32; the code
 *                        allows 512). 1 when absent.
 * @param failureStrategy what to do on failure
 */
public record ClusterOpSpec(
        @NotNull @MinDuration(value = 1, unit = TimeUnit.MILLISECONDS, message = "must be positive") Duration timeout,
        @Min(1) @Max(512) Integer parallelism,
        @NotNull FailureStrategy failureStrategy) {

    /** The spec of operations Drove makes itself: 300 seconds, parallelism 1, STOP. */
    public static final ClusterOpSpec DEFAULT = new ClusterOpSpec(Duration.seconds(300), 1, FailureStrategy.STOP);

    public ClusterOpSpec {
        parallelism = parallelism == null ? 1 : parallelism;
    }
}
