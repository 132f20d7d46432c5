package dev.drove.executor.engine;

import com.codahale.metrics.MetricRegistry;
import dev.drove.common.testkit.DockerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each engine call is timed as drove.docker.&lt;call&gt;, answered or failed, on the local Docker engine. */
@ExtendWith(DockerExtension.class)
class ContainerEngineTimersTest {
    private static final ExecutorOptions OPTIONS = new ExecutorOptions(null, false, null, null, 4096L, null, null,
            null);

    @Test
    void callsAreTimedUnderTheirNames() {
        var metrics = new MetricRegistry();
        try (var docker = DockerClients.create(OPTIONS)) {
            var engine = new ContainerEngine(docker, OPTIONS, metrics);

            assertThat(engine.inspect("drove-no-such-container-for-timers")).isEmpty();
            engine.listManaged();
            engine.kill("drove-no-such-container-for-timers");
        }

        assertThat(metrics.timer("drove.docker.inspect").getCount()).isEqualTo(1);
        assertThat(metrics.timer("drove.docker.list").getCount()).isEqualTo(1);
        assertThat(metrics.timer("drove.docker.kill").getCount()).isEqualTo(1);
        assertThat(metrics.timer("drove.docker.start").getCount()).isZero();
    }

    @Test
    void aFailedCallIsTimedToo() {
        var metrics = new MetricRegistry();
        var unreachable = OPTIONS.withDockerSocketPath("/tmp/drove-no-engine-here.sock");
        try (var docker = DockerClients.create(unreachable)) {
            var engine = new ContainerEngine(docker, unreachable, metrics);

            assertThatThrownBy(engine::listManaged).isInstanceOf(ContainerEngineException.class);
        }

        assertThat(metrics.timer("drove.docker.list").getCount()).isEqualTo(1);
    }
}
