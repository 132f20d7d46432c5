package dev.drove.controller.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortSpec;
import dev.drove.models.application.PortType;
import dev.drove.models.application.checks.CheckSpec;
import dev.drove.models.application.checks.HTTPCheckModeSpec;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.exposure.ExposureSpec;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.events.InstanceEventDataTag;
import dev.drove.models.events.TaskEventDataTag;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalInstanceInfo;
import dev.drove.models.json.Json;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;
import io.dropwizard.util.Duration;
import org.junit.jupiter.api.Test;

import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Events carry the metadata the docs' samples show (apis/cluster.md, "Drove Cluster Events"). */
class EventFactoryTest {
    private static final String EXECUTOR_ID = "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d";

    @Test
    void anAppStateChangeCarriesTheDocsSampleMetadata() throws Exception {
        var event = EventFactory.appStateChanged(new ApplicationInfo("TEST_APP-1", docsSpec(), 0, new Date(),
                new Date()), ApplicationState.RUNNING);

        assertThat(json(event).get("type").asText()).isEqualTo("APP_STATE_CHANGE");
        assertThat(json(event).get("metadata")).isEqualTo(Json.mapper().readTree("""
                {"CURRENT_INSTANCES": 0, "APP_ID": "TEST_APP-1", "PLACEMENT_POLICY": "ANY", "APP_VERSION": "1",
                 "CPU_COUNT": 1, "CURRENT_STATE": "RUNNING", "PORTS": "main:8000:http", "MEMORY": 128,
                 "EXECUTABLE": "ghcr.io/appform-io/perf-test-server-httplib", "VHOST": "testapp.local",
                 "APP_NAME": "TEST_APP"}"""));
    }

    @Test
    void anInstanceStateChangeCarriesTheDocsSampleMetadata() throws Exception {
        var event = EventFactory.instanceStateChanged(instance(InstanceState.HEALTHY, ""));

        var json = json(event);
        assertThat(json.get("type").asText()).isEqualTo("INSTANCE_STATE_CHANGE");
        assertThat(json.get("id").asText()).hasSize(36);
        assertThat(json.get("time").asLong()).isPositive();
        assertThat(json.get("metadata")).isEqualTo(Json.mapper().readTree("""
                {"APP_NAME": "TEST_APP", "APP_ID": "TEST_APP-1", "PORTS": "main:44315:http",
                 "EXECUTOR_ID": "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d", "EXECUTOR_HOST": "ppessdev",
                 "CREATED": 1719977629042, "INSTANCE_ID": "AI-5efbb94f-835c-4c62-a073-a68437e60339",
                 "CURRENT_STATE": "HEALTHY"}"""));
    }

    @Test
    void anInstanceThatFailedNamesTheErrorAndOneNotStartedYetHasNoPorts() {
        var failed = EventFactory.instanceStateChanged(instance(InstanceState.START_FAILED, "Image not found"));
        assertThat(failed.metadata()).containsEntry(InstanceEventDataTag.ERROR, "Image not found");

        var pending = EventFactory.instanceStateChanged(new InstanceInfo("TEST_APP-1", "TEST_APP", "AI-1",
                EXECUTOR_ID, null, List.of(), InstanceState.PENDING, Map.of(), "", new Date(1), new Date(1)));
        assertThat(pending.metadata()).containsOnlyKeys(InstanceEventDataTag.APP_ID, InstanceEventDataTag.APP_NAME,
                InstanceEventDataTag.INSTANCE_ID, InstanceEventDataTag.EXECUTOR_ID,
                InstanceEventDataTag.CURRENT_STATE, InstanceEventDataTag.CREATED);
    }

    @Test
    void aFinishedTaskCarriesItsResult() {
        var task = new TaskInfo("TEST_APP", "T0012", "TI-1", EXECUTOR_ID, "ppessdev",
                DockerCoordinates.of("ghcr.io/appform-io/test-task"), List.of(), List.of(), null, Map.of(),
                TaskState.STOPPED, Map.of(), new TaskResult(TaskResult.Status.FAILED, 3), "", new Date(5),
                new Date(6));

        var event = EventFactory.taskStateChanged(task);

        assertThat(event.metadata()).containsOnly(
                Map.entry(TaskEventDataTag.TASK_ID, "T0012"), Map.entry(TaskEventDataTag.INSTANCE_ID, "TI-1"),
                Map.entry(TaskEventDataTag.APP_NAME, "TEST_APP"), Map.entry(TaskEventDataTag.EXECUTOR_ID, EXECUTOR_ID),
                Map.entry(TaskEventDataTag.EXECUTOR_HOST, "ppessdev"),
                Map.entry(TaskEventDataTag.EXECUTABLE, "ghcr.io/appform-io/test-task"),
                Map.entry(TaskEventDataTag.CURRENT_STATE, "STOPPED"), Map.entry(TaskEventDataTag.CREATED, 5L),
                Map.entry(TaskEventDataTag.RESULT_STATUS, "FAILED"), Map.entry(TaskEventDataTag.RESULT_EXIT_CODE, 3L));
    }

    @Test
    void executorAndClusterEventsNameTheNodeAndReadBackAsTheyWereWritten() throws Exception {
        var executor = new ExecutorNodeData("ppessdev", 3000, NodeTransportType.HTTP, new Date(), null, null, null,
                null, null, null, ExecutorState.BLACKLISTED);
        var events = List.<DroveEvent>of(
                EventFactory.executorEvent(DroveEventType.EXECUTOR_REMOVED, executor),
                EventFactory.executorEvent(DroveEventType.EXECUTOR_BLACKLISTED, EXECUTOR_ID, "ppessdev", 3000, true),
                EventFactory.clusterEvent(DroveEventType.MAINTENANCE_MODE_SET, "controller-1"),
                EventFactory.instanceStateChanged(instance(InstanceState.HEALTHY, "")));

        assertThat(json(events.get(0)).get("metadata")).isEqualTo(Json.mapper().readTree("""
                {"HOSTNAME": "ppessdev", "PORT": 3000, "BLACKLISTED": true}"""));
        assertThat(json(events.get(2)).get("metadata")).isEqualTo(Json.mapper().readTree("""
                {"HOSTNAME": "controller-1"}"""));
        for (var event : events) {
            var read = Json.mapper().readValue(Json.mapper().writeValueAsString(event), DroveEvent.class);
            assertThat(json(read)).isEqualTo(json(event));
        }
    }

    private static InstanceInfo instance(InstanceState state, String error) {
        return new InstanceInfo("TEST_APP-1", "TEST_APP", "AI-5efbb94f-835c-4c62-a073-a68437e60339", EXECUTOR_ID,
                new LocalInstanceInfo("ppessdev", Map.of("main", new InstancePort(8000, 44315, PortType.HTTP))),
                List.of(), state, Map.of(), error, new Date(1719977629042L), new Date(1719977631534L));
    }

    /** The docs' TEST_APP: one core, 128 MB, port main 8000 exposed as testapp.local. */
    static ApplicationSpec docsSpec() {
        var check = new CheckSpec(HTTPCheckModeSpec.get("main", "/"), Duration.seconds(1), Duration.seconds(5), 3,
                null);
        return new ApplicationSpec("TEST_APP", "1", DockerCoordinates.of("ghcr.io/appform-io/perf-test-server-httplib"),
                List.of(new PortSpec("main", 8000, PortType.HTTP)), null, null, JobType.SERVICE, null,
                ResourceRequirement.of(1, 128), null, check, check, null, null, null, null,
                new ExposureSpec("testapp.local", "main", null), null, null);
    }

    /** The event as a client reads it: written to text and parsed back. */
    private static JsonNode json(DroveEvent event) throws Exception {
        return Json.mapper().readTree(Json.mapper().writeValueAsString(event));
    }
}
