package dev.drove.executor.metrics;

import com.codahale.metrics.MetricRegistry;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceStateTimersTest {
    private final MetricRegistry registry = new MetricRegistry();
    private final AtomicLong clock = new AtomicLong();
    private final InstanceStateTimers timers = new InstanceStateTimers(registry, clock::get);

    @Test
    void eachStateIsTimedFromEnteringItToLeavingIt() {
        at(0, "AI-1", InstanceState.PENDING);
        at(5, "AI-1", InstanceState.PROVISIONING);
        at(105, "AI-1", InstanceState.STARTING);
        at(405, "AI-1", InstanceState.UNREADY);
        at(1405, "AI-1", InstanceState.READY);

        assertThat(millis(InstanceState.PENDING)).containsExactly(5L);
        assertThat(millis(InstanceState.PROVISIONING)).containsExactly(100L);
        assertThat(millis(InstanceState.STARTING)).containsExactly(300L);
        assertThat(millis(InstanceState.UNREADY)).containsExactly(1000L);
        assertThat(registry.getTimers()).doesNotContainKey(InstanceStateTimers.PREFIX + ".READY");
    }

    @Test
    void aRepeatedReportOfTheSameStateKeepsTheTimeItWasEntered() {
        at(0, "AI-1", InstanceState.HEALTHY);
        at(1000, "AI-1", InstanceState.HEALTHY);
        at(3000, "AI-1", InstanceState.STOPPING);

        assertThat(millis(InstanceState.HEALTHY)).containsExactly(3000L);
    }

    @Test
    void instancesAreTimedApartAndATerminalStateEndsTheLastOne() {
        at(0, "AI-1", InstanceState.DEPROVISIONING);
        at(10, "AI-2", InstanceState.DEPROVISIONING);
        at(50, "AI-2", InstanceState.STOPPED);
        at(70, "AI-1", InstanceState.STOPPED);
        at(80, "AI-1", InstanceState.STOPPED);

        assertThat(millis(InstanceState.DEPROVISIONING)).containsExactlyInAnyOrder(40L, 70L);
        assertThat(registry.getTimers()).doesNotContainKey(InstanceStateTimers.PREFIX + ".STOPPED");
    }

    private void at(long millis, String instanceId, InstanceState state) {
        clock.set(TimeUnit.MILLISECONDS.toNanos(millis));
        var now = new Date();
        timers.instanceChanged(new InstanceInfo("app-1", "app", instanceId, "executor-1", null, List.of(), state,
                Map.of(), "", now, now));
    }

    private List<Long> millis(InstanceState state) {
        var timer = registry.getTimers().get(InstanceStateTimers.PREFIX + "." + state.name());
        assertThat(timer).as("timer of " + state).isNotNull();
        return java.util.Arrays.stream(timer.getSnapshot().getValues()).map(TimeUnit.NANOSECONDS::toMillis).boxed()
                .toList();
    }
}
