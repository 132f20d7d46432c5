package dev.drove.executor.engine;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Container events from the real engine, including after the stream broke. */
@ExtendWith(DockerExtension.class)
class ContainerEventsTest {
    private static DockerClients docker;
    private static ContainerEngine engine;
    private final List<ContainerEvent> seen = new CopyOnWriteArrayList<>();
    private ContainerEvents events;

    @BeforeAll
    static void connect() {
        ExecutorOptions options = new ExecutorOptions(null, false, null, null, 4096L, null, null, null);
        docker = DockerClients.create(options);
        engine = new ContainerEngine(docker, options);
    }

    @AfterAll
    static void disconnect() {
        docker.close();
    }

    @BeforeEach
    void subscribe() throws InterruptedException {
        events = new ContainerEvents(docker);
        events.addListener(seen::add);
        events.start();
    }

    @AfterEach
    void unsubscribe() {
        events.stop();
    }

    @Test
    void aContainerKilledFromOutsideIsReportedWithinTwoSeconds(DockerClient outside) {
        String id = startApp();

        outside.killContainerCmd(id).exec();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(seen)
                .contains(new ContainerEvent(id, ContainerEvent.Type.DIE, OptionalInt.of(137))));
    }

    @Test
    void aTaskThatExitsIsReportedWithItsExitCodeAndItsRemovalAsDestroy() {
        String id = engine.create(request("task", TestImage.TASK).env("ITERATIONS", "1").env("SLEEP_SECONDS", "0")
                .env("EXIT_CODE", "5").build());
        engine.start(id);

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(seen)
                .contains(new ContainerEvent(id, ContainerEvent.Type.DIE, OptionalInt.of(5))));
        engine.remove(id);
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(seen)
                .contains(new ContainerEvent(id, ContainerEvent.Type.DESTROY, OptionalInt.empty())));
    }

    @Test
    void aDeathWhileTheStreamIsBrokenIsStillReportedOnceSubscribedAgain(DockerClient outside) {
        String first = startApp();
        String second = startApp();

        events.breakStream();
        outside.killContainerCmd(first).exec();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(seen)
                .contains(new ContainerEvent(first, ContainerEvent.Type.DIE, OptionalInt.of(137))));
        outside.killContainerCmd(second).exec();
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(seen)
                .contains(new ContainerEvent(second, ContainerEvent.Type.DIE, OptionalInt.of(137))));
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers(DockerClient outside) {
        events.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        List<ContainerEvent> later = new CopyOnWriteArrayList<>();
        events.addListener(later::add);
        String id = startApp();

        outside.killContainerCmd(id).exec();

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(later)
                .contains(new ContainerEvent(id, ContainerEvent.Type.DIE, OptionalInt.of(137))));
    }

    @Test
    void noEventsReachListenersOnceStopped(DockerClient outside) {
        String id = startApp();
        events.stop();

        outside.killContainerCmd(id).exec();

        await().atMost(Duration.ofSeconds(5)).until(() -> !engine.isRunning(id));
        assertThat(seen).noneMatch(event -> event.containerId().equals(id));
    }

    private String startApp() {
        String id = engine.create(request("app", TestImage.APP).build());
        engine.start(id);
        return id;
    }

    private static ContainerRequest.Builder request(String kind, TestImage image) {
        String name = "drove-events-test-" + kind + "-" + UUID.randomUUID().toString().substring(0, 8);
        return ContainerRequest.builder(name, image.reference()).memoryMB(16)
                .label(ContainerEngine.INSTANCE_ID_LABEL, name);
    }
}
