package dev.drove.controller.metrics;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import dev.drove.models.operation.ApplicationOperationType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.EnumMap;
import java.util.Map;

/**
 * Application operations by type and outcome: one meter per pair, {@code drove.operations.<TYPE>.<OUTCOME>} (for
 * example {@code drove.operations.SCALE_INSTANCES.SUCCESS}; {@code SCALE} reports itself as SCALE_INSTANCES). Every
 * pair is registered at once with count 0, so a dashboard sees each series before it first moves. An operation that
 * stops because this controller lost leadership is not counted: the next leader finishes and counts it.
 */
@Singleton
public final class OperationMetrics {
    public static final String PREFIX = "drove.operations";

    private final Map<ApplicationOperationType, Map<OperationOutcome, Meter>> meters =
            new EnumMap<>(ApplicationOperationType.class);

    @Inject
    public OperationMetrics(MetricRegistry registry) {
        for (var type : ApplicationOperationType.values()) {
            var byOutcome = new EnumMap<OperationOutcome, Meter>(OperationOutcome.class);
            for (var outcome : OperationOutcome.values()) {
                byOutcome.put(outcome, registry.meter(MetricRegistry.name(PREFIX, type.name(), outcome.name())));
            }
            meters.put(type, byOutcome);
        }
    }

    /** Counts: not recorded anywhere, for code and tests that do not look at metrics. */
    public static OperationMetrics discarding() {
        return new OperationMetrics(new MetricRegistry());
    }

    /** Counts one ended operation. */
    public void ended(ApplicationOperationType type, OperationOutcome outcome) {
        meters.get(type).get(outcome).mark();
    }
}
