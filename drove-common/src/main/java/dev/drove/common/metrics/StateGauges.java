package dev.drove.common.metrics;

import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One gauge per state of an enum, {@code {prefix}.{STATE}}, each the number of items in that state (0 included, so
 * a dashboard sees every state from the start). The items are counted at most once per {@code refresh}, whatever the
 * number of gauges read; a count that fails (ZooKeeper unreachable) is logged and reads as the last one.
 */
public final class StateGauges {
    private static final Logger log = LoggerFactory.getLogger(StateGauges.class);

    private StateGauges() {
    }

    public static <E extends Enum<E>> void register(MetricRegistry registry, String prefix, Class<E> states,
                                             Duration refresh, Supplier<? extends Collection<E>> current) {
        var counts = new CachedGauge<Map<E, Long>>(refresh.toMillis(), TimeUnit.MILLISECONDS) {
            private volatile Map<E, Long> last = new EnumMap<>(states);

            @Override
            protected Map<E, Long> loadValue() {
                try {
                    var byState = new EnumMap<E, Long>(states);
                    current.get().forEach(state -> byState.merge(state, 1L, Long::sum));
                    last = byState;
                } catch (RuntimeException e) {
                    log.warn("Could not count {} by state: {}", prefix, e.getMessage());
                }
                return last;
            }
        };
        for (var state : states.getEnumConstants()) {
            Gauge<Long> gauge = () -> counts.getValue().getOrDefault(state, 0L);
            registry.gauge(MetricRegistry.name(prefix, state.name()), () -> gauge);
        }
    }
}
