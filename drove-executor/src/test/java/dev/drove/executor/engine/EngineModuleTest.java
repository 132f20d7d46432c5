package dev.drove.executor.engine;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineModuleTest {

    @Test
    void theEngineTheEventsAndTheClientsAreOneEachPerExecutor() {
        ExecutorOptions options = ExecutorOptions.DEFAULTS.withDockerSocketPath("/run/test/docker.sock");
        Injector injector = Guice.createInjector(Stage.PRODUCTION, new EngineModule(options));

        assertThat(injector.getInstance(ExecutorOptions.class)).isSameAs(options);
        assertThat(injector.getInstance(ContainerEngine.class)).isSameAs(injector.getInstance(ContainerEngine.class));
        assertThat(injector.getInstance(ContainerEvents.class)).isSameAs(injector.getInstance(ContainerEvents.class));
        DockerClients clients = injector.getInstance(DockerClients.class);
        assertThat(clients).isSameAs(injector.getInstance(DockerClients.class));
        assertThat(clients.host()).isEqualTo("unix:///run/test/docker.sock");
        clients.close();
    }
}
