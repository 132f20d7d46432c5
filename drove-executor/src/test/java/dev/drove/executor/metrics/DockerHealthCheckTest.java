package dev.drove.executor.metrics;

import dev.drove.common.testkit.DockerExtension;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.ExecutorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(DockerExtension.class)
class DockerHealthCheckTest {

    @Test
    void healthyWhileTheEngineAnswersAPing() {
        try (var docker = DockerClients.create(ExecutorOptions.DEFAULTS)) {
            var result = new DockerHealthCheck(docker).execute();

            assertThat(result.isHealthy()).isTrue();
            assertThat(result.getMessage()).isEqualTo("The container engine at unix:///var/run/docker.sock answers");
        }
    }

    @Test
    void unhealthyWhenNoEngineListensSayingWhere() {
        var options = ExecutorOptions.DEFAULTS.withDockerSocketPath("/tmp/drove-no-engine-here.sock");
        try (var docker = DockerClients.create(options)) {
            var result = new DockerHealthCheck(docker).execute();

            assertThat(result.isHealthy()).isFalse();
            assertThat(result.getMessage())
                    .startsWith("The container engine at unix:///tmp/drove-no-engine-here.sock does not answer: ");
        }
    }
}
