package dev.drove.controller.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.models.operation.ApplicationOperationType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationMetricsTest {

    @Test
    void everyTypeAndOutcomeHasAMeterFromTheStart() {
        var registry = new MetricRegistry();
        new OperationMetrics(registry);

        assertThat(registry.getMeters().keySet()).hasSize(ApplicationOperationType.values().length
                * OperationOutcome.values().length);
        assertThat(registry.getMeters()).containsKeys("drove.operations.SCALE_INSTANCES.SUCCESS",
                "drove.operations.CREATE.FAILED", "drove.operations.REPLACE_INSTANCES.CANCELLED");
        assertThat(registry.getMeters().values()).allSatisfy(meter -> assertThat(meter.getCount()).isZero());
    }

    @Test
    void anEndedOperationMovesOnlyItsOwnMeter() {
        var registry = new MetricRegistry();
        var metrics = new OperationMetrics(registry);

        metrics.ended(ApplicationOperationType.SCALE_INSTANCES, OperationOutcome.SUCCESS);
        metrics.ended(ApplicationOperationType.SCALE_INSTANCES, OperationOutcome.SUCCESS);
        metrics.ended(ApplicationOperationType.CREATE, OperationOutcome.CANCELLED);

        assertThat(registry.meter("drove.operations.SCALE_INSTANCES.SUCCESS").getCount()).isEqualTo(2);
        assertThat(registry.meter("drove.operations.CREATE.CANCELLED").getCount()).isEqualTo(1);
        assertThat(registry.meter("drove.operations.SCALE_INSTANCES.FAILED").getCount()).isZero();
    }
}
