package dev.drove.executor.logs;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.ContainerRequest;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.ExecutorOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Container output lands in the instance's output.log of a drove appender configured from YAML. */
@ExtendWith(DockerExtension.class)
class ContainerLogFollowerTest {
    private static DockerClients docker;
    private static ContainerEngine engine;
    private final List<Logger> loggers = List.of(
            (Logger) LoggerFactory.getLogger(ContainerLogFollower.OUTPUT_LOGGER),
            (Logger) LoggerFactory.getLogger(ContainerLogFollower.class));
    private Appender<ILoggingEvent> appender;
    @TempDir
    Path logPath;

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
    void configureTheDroveAppender() throws Exception {
        DroveAppenderFactory factory = DroveAppenders.bind("""
                logging:
                  level: INFO
                  appenders:
                    - type: drove
                      logPath: "%s"
                      archivedLogFileSuffix: "%%d"
                      archivedFileCount: 3
                      threshold: TRACE
                      timeZone: UTC
                      logFormat: "%%(%%-5level) | %%-23date | %%-30logger{0} | %%message%%n"
                      archive: true
                """.formatted(logPath));
        appender = DroveAppenders.build(factory, (LoggerContext) LoggerFactory.getILoggerFactory());
        loggers.forEach(logger -> logger.addAppender(appender));
    }

    @AfterEach
    void removeTheAppender() {
        loggers.forEach(logger -> logger.detachAppender(appender));
        appender.stop();
    }

    @Test
    void aTasksOutputIsWrittenLineByLineToItsOutputLog() throws Exception {
        String taskId = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String id = engine.create(request(taskId, TestImage.TASK).env("ITERATIONS", "3").env("SLEEP_SECONDS", "0")
                .build());
        engine.start(id);

        try (ContainerLogFollower follower = ContainerLogFollower.follow(docker, id,
                new InstanceLogId("billing", taskId), ContainerLogFollower.Start.FROM_CONTAINER_START)) {
            assertThat(follower.awaitEnd(Duration.ofSeconds(10))).as("ends when the container stops").isTrue();
        }

        Path output = logPath.resolve("billing").resolve(taskId).resolve("output.log");
        await().untilAsserted(() -> assertThat(output).content().contains("Output of container " + id + " ended"));
        List<String> lines = java.nio.file.Files.readAllLines(output);
        assertThat(lines).filteredOn(line -> line.contains("iteration"))
                .hasSize(3)
                .allMatch(line -> line.matches("INFO  \\| \\S.{22} \\| stdout {24} \\| iteration \\d of 3"))
                .extracting(line -> line.substring(line.lastIndexOf("| ") + 2))
                .containsExactly("iteration 1 of 3", "iteration 2 of 3", "iteration 3 of 3");
        assertThat(lines).anyMatch(line -> line.endsWith("| drove-test-task done, exiting with 0"));
    }

    @Test
    void reAttachingFollowsOnlyNewLinesAndCloseStopsFollowing() throws Exception {
        String instanceId = "AI-" + UUID.randomUUID().toString().substring(0, 8);
        String id = engine.create(request(instanceId, TestImage.APP).build());
        engine.start(id);
        await().until(() -> engine.exec(id, "true", false, Duration.ofSeconds(5)).isSuccess());
        Path output = logPath.resolve("app1").resolve(instanceId).resolve("output.log");

        ContainerLogFollower follower = ContainerLogFollower.follow(docker, id, new InstanceLogId("app1", instanceId),
                ContainerLogFollower.Start.FROM_NOW);
        await().untilAsserted(() -> {
            writeToContainerOutput(id, "written after attaching");
            assertThat(output).content().contains("| written after attaching");
        });
        follower.close();
        assertThat(follower.awaitEnd(Duration.ofSeconds(5))).isTrue();
        writeToContainerOutput(id, "written after closing");

        assertThat(engine.isRunning(id)).as("closing does not touch the container").isTrue();
        assertThat(output).content().doesNotContain("listening on").doesNotContain("written after closing")
                .doesNotContain("ended");
    }

    private static void writeToContainerOutput(String id, String line) {
        engine.exec(id, "echo '" + line + "' > /proc/1/fd/1", false, Duration.ofSeconds(5));
    }

    private static ContainerRequest.Builder request(String instanceId, TestImage image) {
        String name = "drove-logs-test-" + instanceId;
        return ContainerRequest.builder(name, image.reference()).memoryMB(16)
                .label(ContainerEngine.INSTANCE_ID_LABEL, instanceId);
    }
}
