package dev.drove.common.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class StateGaugesTest {

    @Test
    void everyStateHasAGaugeCountingItsItemsZeroIncluded() {
        var registry = new MetricRegistry();
        StateGauges.register(registry, "drove.executor.instances", InstanceState.class, Duration.ofSeconds(1),
                () -> List.of(InstanceState.HEALTHY, InstanceState.HEALTHY, InstanceState.STARTING));

        assertThat(value(registry, "drove.executor.instances.HEALTHY")).isEqualTo(2L);
        assertThat(value(registry, "drove.executor.instances.STARTING")).isEqualTo(1L);
        assertThat(value(registry, "drove.executor.instances.STOPPED")).isEqualTo(0L);
        assertThat(registry.getGauges((name, metric) -> name.startsWith("drove.executor.instances.")))
                .hasSize(InstanceState.values().length);
    }

    @Test
    void registeringTwiceKeepsTheFirstGauges() {
        var registry = new MetricRegistry();
        StateGauges.register(registry, "x", InstanceState.class, Duration.ofSeconds(1),
                () -> List.of(InstanceState.HEALTHY));
        StateGauges.register(registry, "x", InstanceState.class, Duration.ofSeconds(1), List::of);

        assertThat(value(registry, "x.HEALTHY")).isEqualTo(1L);
    }

    @Test
    void aCountThatFailsReadsAsTheLastGoodOne() {
        var registry = new MetricRegistry();
        var failing = new AtomicBoolean();
        StateGauges.register(registry, "x", InstanceState.class, Duration.ZERO, () -> {
            if (failing.get()) {
                throw new IllegalStateException("ZooKeeper is unreachable");
            }
            return List.of(InstanceState.HEALTHY);
        });
        assertThat(value(registry, "x.HEALTHY")).isEqualTo(1L);

        failing.set(true);

        assertThat(value(registry, "x.HEALTHY")).isEqualTo(1L);
    }

    private static Object value(MetricRegistry registry, String name) {
        Gauge<?> gauge = registry.getGauges().get(name);
        assertThat(gauge).as(name).isNotNull();
        return gauge.getValue();
    }
}
