package dev.drove.executor.instances;

import dev.drove.common.messages.InstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.instance.InstancePort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class InstanceEnvironmentTest {
    private static final InstanceEnvironment ENVIRONMENT = new InstanceEnvironment(
            name -> "EXECUTOR_SHELL".equals(name) ? "/bin/bash" : null);
    private static final List<InstancePort> PORTS = List.of(new InstancePort(8000, 31000, PortType.HTTP),
            new InstancePort(8001, 31001, PortType.TCP));

    static Stream<Arguments> kinds() {
        TestSpecs.App app = new TestSpecs.App();
        app.instanceId = "AI-1";
        app.env = Map.of("ZED", "last", "ALPHA", "first", "EXECUTOR_SHELL", "", "NOT_ON_EXECUTOR", "");
        TestSpecs.App service = new TestSpecs.App();
        service.instanceId = "LSI-1";
        service.env = Map.of();
        TaskInstanceSpec task = new TaskInstanceSpec("nightly", "TEST_APP", "TI-1", DockerCoordinates.of("img:1"),
                List.of(), List.of(), List.of(), null, Map.of("MODE", "full"), List.of(), List.of(), null, null);
        return Stream.of(
                Arguments.of("application", app.build(), List.of(
                        "HOST=exec-1", "ALPHA=first", "EXECUTOR_SHELL=/bin/bash", "ZED=last",
                        "DROVE_CONTAINER_ID=" + TestSpecs.APP_IMAGE, "PORT_8000=31000", "PORT_8001=31001",
                        "DROVE_EXECUTOR_HOST=exec-1", "DROVE_INSTANCE_ID=AI-1", "DROVE_APP_ID=TEST_APP-1",
                        "DROVE_APP_NAME=TEST_APP", "DROVE_APP_INSTANCE_AUTH_TOKEN=token-of-AI-1")),
                Arguments.of("local service", service.buildLocalService("SVC-1", false), List.of(
                        "HOST=exec-1", "DROVE_CONTAINER_ID=" + TestSpecs.APP_IMAGE, "PORT_8000=31000",
                        "PORT_8001=31001", "DROVE_EXECUTOR_HOST=exec-1", "DROVE_SERVICE_ID=SVC-1",
                        "DROVE_SERVICE_NAME=TEST_SERVICE", "DROVE_SERVICE_INSTANCE_ID=LSI-1",
                        "DROVE_APP_INSTANCE_AUTH_TOKEN=token-of-LSI-1")),
                Arguments.of("task without a token", task, List.of(
                        "HOST=exec-1", "MODE=full", "DROVE_CONTAINER_ID=img:1", "PORT_8000=31000", "PORT_8001=31001",
                        "DROVE_EXECUTOR_HOST=exec-1", "DROVE_TASK_ID=nightly", "DROVE_INSTANCE_ID=TI-1",
                        "DROVE_SOURCE_APP_NAME=TEST_APP")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void variablesAreInjectedInTheOriginalsOrder(String kind, InstanceSpec spec, List<String> expected) {
        String image = ((DockerCoordinates) spec.executable()).url();

        Map<String, String> env = ENVIRONMENT.of(spec, "exec-1", image, PORTS);

        assertThat(env.entrySet()).extracting(entry -> entry.getKey() + "=" + entry.getValue())
                .containsExactlyElementsOf(expected);
    }
}
