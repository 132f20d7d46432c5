package dev.drove.controller.auth;

import dev.drove.common.errors.ApiException;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.validation.ContractReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an instance token reaches: only its own app's (or service's) things. */
class InstanceCallerTest {
    private static final InstanceCaller APP_INSTANCE = new InstanceCaller("AI-1", InstanceCaller.Kind.APPLICATION,
            "TEST_APP-1", "TEST_APP", "exec-1");
    private static final InstanceCaller SERVICE_INSTANCE = new InstanceCaller("SI-1",
            InstanceCaller.Kind.LOCAL_SERVICE, "LS-1", "LS", "exec-1");

    @ParameterizedTest(name = "{0} {1}={2}: {3}")
    @CsvSource({
            "app,     appId,         TEST_APP-1, true",
            "app,     appId,         OTHER_APP-1, false",
            "app,     serviceId,     TEST_APP-1, false",
            "app,     sourceAppName, TEST_APP,   true",
            "app,     sourceAppName, OTHER_APP,  false",
            "app,     instanceId,    AI-9,       true",
            "service, serviceId,     LS-1,       true",
            "service, serviceId,     LS-2,       false",
            "service, appId,         LS-1,       false",
    })
    void aPathParameterNamingAnOwnerMustNameTheCallersOwn(String who, String param, String value, boolean owns) {
        var caller = who.equals("app") ? APP_INSTANCE : SERVICE_INSTANCE;

        assertThat(caller.owns(param, value)).isEqualTo(owns);
    }

    /** A task spec as tasks/specification.md shows it, for {@code sourceAppName}. */
    private static String spec(String sourceAppName) {
        return """
                {"sourceAppName": "%s", "taskId": "T1",
                 "executable": {"type": "DOCKER", "url": "ghcr.io/appform-io/test-task",
                                "dockerPullTimeout": "100 seconds"},
                 "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
                 "placementPolicy": {"type": "ANY"}, "env": {}, "args": [], "tags": {},
                 "logging": {"type": "LOCAL", "maxSize": "100m", "maxFiles": 3, "compress": true}}"""
                .formatted(sourceAppName);
    }

    private static final String OP_SPEC = """
            {"timeout": "5m", "parallelism": 1, "failureStrategy": "STOP"}""";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "CREATE of its own app's name, CREATE, TEST_APP,  true",
            "CREATE for another app,       CREATE, OTHER_APP, false",
            "KILL of its own app's task,   KILL,   TEST_APP,  false",
    })
    void anInstanceMayOnlyCreateTasksOfItsOwnAppsName(String name, String type, String sourceAppName,
                                                      boolean allowed) {
        var json = type.equals("CREATE")
                ? "{\"type\": \"CREATE\", \"spec\": %s, \"opSpec\": %s}".formatted(spec(sourceAppName), OP_SPEC)
                : "{\"type\": \"KILL\", \"sourceAppName\": \"%s\", \"taskId\": \"T1\", \"opSpec\": %s}"
                .formatted(sourceAppName, OP_SPEC);
        var reading = ContractReader.standard().read(json, TaskOperation.class);
        assertThat(reading.report().errors()).isEmpty();
        var operation = reading.value().orElseThrow();

        if (allowed) {
            assertThatCode(() -> APP_INSTANCE.requireMayRun(operation)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> APP_INSTANCE.requireMayRun(operation)).isInstanceOf(ApiException.class)
                    .hasMessageContaining("may only CREATE tasks with sourceAppName TEST_APP")
                    .satisfies(e -> assertThat(((ApiException) e).status().getStatusCode()).isEqualTo(403));
        }
    }
}
