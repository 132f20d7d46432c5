package dev.drove.executor.instances;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.executor.engine.HostPorts;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CmdCheckModeSpec;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import static dev.drove.models.instance.LocalServiceInstanceState.DEPROVISIONING;
import static dev.drove.models.instance.LocalServiceInstanceState.HEALTHY;
import static dev.drove.models.instance.LocalServiceInstanceState.PENDING;
import static dev.drove.models.instance.LocalServiceInstanceState.PROVISIONING;
import static dev.drove.models.instance.LocalServiceInstanceState.READY;
import static dev.drove.models.instance.LocalServiceInstanceState.STARTING;
import static dev.drove.models.instance.LocalServiceInstanceState.STOPPED;
import static dev.drove.models.instance.LocalServiceInstanceState.STOPPING;
import static dev.drove.models.instance.LocalServiceInstanceState.UNREADY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Local service instances run the application machine with their own ids, env and names. */
class LocalServiceInstancesTest extends OnRealEngine {
    private static final String SERVICE_ID = "TEST_SERVICE-1";


    @Test
    void aHostLevelInstanceListensOnItsDeclaredPortAndGetsTheServiceVariables(DockerClient docker)
            throws Exception {
        int port = HostPorts.allocate(1).get(0);
        TestSpecs.App app = new TestSpecs.App();
        app.ports = List.of(new PortSpec("main", port, PortType.HTTP));
        app.env.put("PORT", Integer.toString(port));
        app.readiness = TestSpecs.check(new CmdCheckModeSpec("check ready", false));
        LocalServiceInstanceSpec spec = app.buildLocalService(SERVICE_ID, true);

        executor.instances().startService(spec);

        await().atMost(Duration.ofSeconds(30)).until(() -> heard.serviceStates(spec.instanceId()).contains(HEALTHY));
        assertThat(heard.serviceStates(spec.instanceId()))
                .containsExactly(PENDING, PROVISIONING, STARTING, UNREADY, READY, HEALTHY);
        LocalServiceInstanceInfo healthy = heard.lastService(spec.instanceId());
        assertThat(healthy.serviceId()).isEqualTo(SERVICE_ID);
        assertThat(healthy.serviceName()).isEqualTo("TEST_SERVICE");
        assertThat(healthy.localInfo().ports()).containsEntry("main", new InstancePort(port, port, PortType.HTTP));
        assertThat(executor.instances().serviceInstances()).extracting(LocalServiceInstanceInfo::instanceId)
                .containsExactly(spec.instanceId());
        assertThat(executor.instances().instances()).isEmpty();

        InspectContainerResponse container = docker.inspectContainerCmd(SERVICE_ID + "-" + spec.instanceId()).exec();
        assertThat(container.getConfig().getLabels()).containsEntry(ContainerLabels.JOB_TYPE, "LOCAL_SERVICE");
        HttpResponse<String> env = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/cgi-bin/env")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(env.body().lines()).contains("DROVE_SERVICE_ID=" + SERVICE_ID, "DROVE_SERVICE_NAME=TEST_SERVICE",
                "DROVE_SERVICE_INSTANCE_ID=" + spec.instanceId(), "PORT_" + port + "=" + port,
                "DROVE_APP_INSTANCE_AUTH_TOKEN=token-of-" + spec.instanceId());

        executor.instances().stop(spec.instanceId());

        await().atMost(Duration.ofSeconds(30)).until(() -> heard.serviceStates(spec.instanceId()).contains(STOPPED));
        assertThat(heard.serviceStates(spec.instanceId())).endsWith(HEALTHY, STOPPING, DEPROVISIONING, STOPPED);
        assertThat(executor.instances().findServiceInstance(spec.instanceId()))
                .map(LocalServiceInstanceInfo::state).contains(STOPPED);
    }
}
