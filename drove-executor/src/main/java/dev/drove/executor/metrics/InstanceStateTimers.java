package dev.drove.executor.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.executor.instances.InstanceListener;
import dev.drove.executor.instances.Instances;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Timers of how long application instances stay in each state on this executor: {@value #PREFIX}.{STATE}, recorded
 * when an instance leaves the state. PROVISIONING is the image pull, STARTING the container's create and start,
 * UNREADY the readiness wait, READY the wait for the first passing health check, STOPPING the pre-shutdown hooks and
 * the container's stop, DEPROVISIONING its removal. An instance adopted after a restart starts its first time in
 * UNKNOWN at adoption. Terminal states (STOPPED, LOST) are not timed.
 *
 * <p>Fed by every state change through {@link InstanceListener}, so the time in a state runs from the report of
 * entering it to the report of leaving it, both on the instance's own thread.
 */
public final class InstanceStateTimers implements InstanceListener {
    public static final String PREFIX = "drove.executor.instances.time";

    private final MetricRegistry registry;
    private final LongSupplier nanoClock;
    private final Map<String, Entered> current = new ConcurrentHashMap<>();

    /** @param nanoClock a monotonic clock in nanoseconds ({@code System::nanoTime} in service) */
    InstanceStateTimers(MetricRegistry registry, LongSupplier nanoClock) {
        this.registry = registry;
        this.nanoClock = nanoClock;
    }

    /** Times every later state change of {@code instances}' application instances into {@code registry}. */
    public static void register(MetricRegistry registry, Instances instances) {
        instances.addListener(new InstanceStateTimers(registry, System::nanoTime));
    }

    @Override
    public void instanceChanged(InstanceInfo info) {
        long now = nanoClock.getAsLong();
        InstanceState state = info.state();
        Entered[] left = new Entered[1];
        current.compute(info.instanceId(), (id, entered) -> {
            if (entered != null && entered.state() == state) {
                return entered; // a repeated report of the same state keeps the time it was entered
            }
            left[0] = entered;
            return state.isTerminal() ? null : new Entered(state, now);
        });
        if (left[0] != null) {
            registry.timer(MetricRegistry.name(PREFIX, left[0].state().name()))
                    .update(now - left[0].atNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** The state an instance entered, and when. */
    private record Entered(InstanceState state, long atNanos) {
    }
}
