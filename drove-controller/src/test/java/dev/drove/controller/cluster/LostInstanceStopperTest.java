package dev.drove.controller.cluster;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.StopInstanceMessage;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.instance.InstanceState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.drove.controller.cluster.ClusterTestData.EXECUTOR_ID;
import static dev.drove.controller.cluster.ClusterTestData.instance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A LOST instance reported alive is stopped on its executor, once however often the executor repeats itself. */
class LostInstanceStopperTest {
    private final List<ExecutorMessage> sent = new CopyOnWriteArrayList<>();
    private final ExecutorMessenger messenger = new ExecutorMessenger(message -> {
        sent.add(message);
        return MessageResponse.accepted(message);
    }, id -> Optional.of(new ExecutorAddress(id, "127.0.0.1", 3000, NodeTransportType.HTTP)), Duration.ofMillis(10),
            Duration.ofSeconds(1));

    @Test
    void theExecutorIsToldToStopTheInstanceOnceWhileItKeepsReportingIt() {
        var stopper = new LostInstanceStopper("Instance", messenger::stopInstance);

        for (var state : List.of(InstanceState.UNKNOWN, InstanceState.HEALTHY, InstanceState.STOPPING)) {
            var alive = instance("AI-1", state, 9_000);
            stopper.reportedAlive(alive.instanceId(), alive.appId(), alive.executorId(), alive.state());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !sent.isEmpty());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
        assertThat(sent.get(0)).isInstanceOfSatisfying(StopInstanceMessage.class, stop -> {
            assertThat(stop.instanceId()).isEqualTo("AI-1");
            assertThat(stop.address().executorId()).isEqualTo(EXECUTOR_ID);
        });
    }
}
