package dev.drove.executor.instances;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.RunningContainer;
import dev.drove.common.testkit.TestContainer;
import dev.drove.common.testkit.TestImage;
import dev.drove.executor.checks.CommandResult;
import dev.drove.executor.engine.ContainerEngine;
import dev.drove.executor.engine.DockerClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CMD checks and hooks run through the engine's exec, with and without the shell. */
@ExtendWith(DockerExtension.class)
class EngineCommandsTest {
    private static DockerClients docker;
    private static EngineCommands commands;
    private static RunningContainer app;

    @BeforeAll
    static void startApp(DockerClient kit) {
        docker = DockerClients.create(TestExecutor.OPTIONS);
        commands = new EngineCommands(new ContainerEngine(docker, TestExecutor.OPTIONS));
        app = TestContainer.of(TestImage.APP).memoryBytes(16 * TestContainer.MB).run(kit);
    }

    @AfterAll
    static void closeClients() {
        docker.close();
    }

    @Test
    void aShellCommandRunsThroughTheShellWithItsOutputAndExitCode() {
        CommandResult result = commands.exec(app.id(), List.of("sh", "-c", "echo \"$PORT\"; exit 3"),
                Duration.ofSeconds(10));

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).isEqualTo("8000\n");
    }

    @Test
    void wordsWithoutTheShellRunDirectly() {
        assertThat(commands.exec(app.id(), List.of("check", "ready"), Duration.ofSeconds(10)).exitCode()).isZero();
        assertThat(commands.exec(app.id(), List.of("echo", "$PORT"), Duration.ofSeconds(10)).output())
                .isEqualTo("$PORT\n");
    }

    @Test
    void aCommandThatOutlivesItsTimeoutFailsSayingSo() {
        assertThatThrownBy(() -> commands.exec(app.id(), List.of("sleep", "5"), Duration.ofMillis(300)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Command [sleep, 5] did not finish within 300 ms");
    }
}
