package dev.drove.executor.metrics;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One gauge per state of an enum, {@code {prefix}.{STATE}}, each the number of items now in that state (0 included,
 * so a dashboard sees every state from the start). The items are counted at most once a second, whatever the number
 * of gauges read.
 */
final class StateGauges {
    private StateGauges() {
    }

    static <E extends Enum<E>> void register(MetricRegistry registry, String prefix, Class<E> states,
                                             Supplier<? extends Collection<E>> current) {
        var counts = new CachedGauge<Map<E, Long>>(1, TimeUnit.SECONDS) {
            @Override
            protected Map<E, Long> loadValue() {
                var byState = new EnumMap<E, Long>(states);
                current.get().forEach(state -> byState.merge(state, 1L, Long::sum));
                return byState;
            }
        };
        for (var state : states.getEnumConstants()) {
            Gauge<Long> gauge = () -> counts.getValue().getOrDefault(state, 0L);
            registry.gauge(MetricRegistry.name(prefix, state.name()), () -> gauge);
        }
    }
}
