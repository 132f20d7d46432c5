package dev.drove.executor.instances;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.models.instance.InstanceInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.drove.models.instance.InstanceState.HEALTHY;
import static dev.drove.models.instance.InstanceState.STOPPED;
import static dev.drove.models.instance.InstanceState.STOPPING;
import static dev.drove.models.instance.InstanceState.UNHEALTHY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the container engine was unreachable, the executor brings its instances in line with the engine's list of
 * containers: a running container carries on untouched, a vanished one takes the normal stop path.
 */
class EngineResyncTest extends OnRealEngine {
    private static final Duration WITHIN = Duration.ofSeconds(30);


    @Test
    void anInstanceWhoseContainerStillRunsCarriesOnAndOneWhoseContainerVanishedStopsAndSaysSo() throws Exception {
        ApplicationInstanceSpec spec = new TestSpecs.App().build();
        instances.startService(spec);
        await().atMost(WITHIN).until(() -> heard.states(spec.instanceId()).contains(HEALTHY));
        Instant outageStart = Instant.now();

        var kept = instances.resynchronise(executor.engine().listManaged(), outageStart);

        assertThat(kept).isEqualTo(new Instances.Resync(1, 0));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> instances.findInstance(spec.instanceId()).map(InstanceInfo::state).orElseThrow()
                        == HEALTHY);

        var gone = instances.resynchronise(List.of(), outageStart);

        assertThat(gone).isEqualTo(new Instances.Resync(0, 1));
        await().atMost(WITHIN).until(() -> heard.states(spec.instanceId()).contains(STOPPED));
        assertThat(heard.states(spec.instanceId())).containsSubsequence(HEALTHY, UNHEALTHY, STOPPING, STOPPED);
        assertThat(heard.first(spec.instanceId(), UNHEALTHY).errorMessage())
                .contains("disappeared from the container engine");
        assertThat(instances.isRunning(spec.instanceId())).isFalse();
    }
}
