package dev.drove.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.AppRuntimeInfo;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static dev.drove.controller.api.SampleCluster.APP_ID;
import static dev.drove.controller.api.SampleCluster.INSTANCE_ID;
import static dev.drove.controller.api.SampleCluster.OLD_INSTANCE_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side of {@code /apis/v1/applications} over the docs' sample cluster, field by field as the docs show it. */
@ExtendWith(ZookeeperExtension.class)
class ApplicationResourceTest {
    private ApiServer api;
    private NodeDataStore executor;

    @BeforeEach
    void startTheLeaderWithTheSampleCluster(TestingServer zookeeper) throws Exception {
        api = ApiServer.leader(zookeeper.getConnectString());
        executor = new NodeDataStore(api.curator());
        SampleCluster.seed(api, executor);
    }

    @AfterEach
    void stop() {
        executor.close();
        api.close();
    }

    @Test
    void listingApplicationsAnswersAMapOfSummariesWithTheDocsFields() {
        var answer = api.get("/apis/v1/applications");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.json().get("message").asText()).isEqualTo("success");
        var summary = answer.json().at("/data/" + APP_ID);
        assertThat(fieldNames(summary)).containsExactlyInAnyOrder("id", "name", "requiredInstances",
                "healthyInstances", "totalCPUs", "totalMemory", "tags", "state", "created", "updated");
        assertThat(summary.get("id").asText()).isEqualTo(APP_ID);
        assertThat(summary.get("name").asText()).isEqualTo("TEST_APP");
        assertThat(summary.get("requiredInstances").asLong()).isEqualTo(1);
        assertThat(summary.get("healthyInstances").asLong()).isEqualTo(1);
        assertThat(summary.get("totalCPUs").asLong()).isEqualTo(1);
        assertThat(summary.get("totalMemory").asLong()).isEqualTo(128);
        assertThat(summary.at("/tags/say_my_name").asText()).isEqualTo("heisenberg");
        assertThat(summary.get("state").asText()).isEqualTo("RUNNING");
        assertThat(summary.get("created").asLong()).isEqualTo(1719826995764L);
        assertThat(summary.get("updated").asLong()).isEqualTo(1719892279019L);
    }

    @Test
    void totalsAreWhatTheRequiredInstancesReserve() {
        api.get(ApplicationStore.class).save(new ApplicationInfo("BIG-1", SampleCluster.spec("BIG", "1", false), 3,
                new Date(), new Date()));

        var summary = api.get("/apis/v1/applications/BIG-1").json().get("data");

        assertThat(summary.get("requiredInstances").asLong()).isEqualTo(3);
        assertThat(summary.get("healthyInstances").asLong()).isZero();
        assertThat(summary.get("totalCPUs").asLong()).isEqualTo(3);
        assertThat(summary.get("totalMemory").asLong()).isEqualTo(384);
        assertThat(summary.has("state")).as("no state known for BIG-1").isFalse();
    }

    @Test
    void theStoredStateIsShownWhenTheEngineDoesNotKnowTheApp() {
        api.get(ApplicationStore.class).save(new ApplicationInfo("BIG-1", SampleCluster.spec("BIG", "1", false), 0,
                new Date(), new Date()));
        api.get(ApplicationStore.class).saveRuntime(new AppRuntimeInfo("BIG-1", ApplicationState.MONITORING, 0, null,
                new Date()));

        assertThat(api.get("/apis/v1/applications/BIG-1").json().at("/data/state").asText()).isEqualTo("MONITORING");
    }

    @Test
    void applicationsArePagedByFromAndSizeInIdOrder() {
        for (var name : List.of("C_APP", "A_APP")) {
            api.get(ApplicationStore.class).save(new ApplicationInfo(name + "-1", SampleCluster.spec(name, "1", true),
                    0, new Date(), new Date()));
        }

        assertThat(fieldNames(api.get("/apis/v1/applications").json().get("data")))
                .containsExactly("A_APP-1", "C_APP-1", APP_ID);
        assertThat(fieldNames(api.get("/apis/v1/applications?from=1&size=1").json().get("data")))
                .containsExactly("C_APP-1");
        assertThat(fieldNames(api.get("/apis/v1/applications?from=3").json().get("data"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "size above 1024        | /apis/v1/applications?size=5000               | query param size must be between 0 and 1024, not 5000",
            "negative from          | /apis/v1/applications?from=-1                 | query param from must be 0 or more, not -1",
            "size not a number      | /apis/v1/applications?size=many               | query param size must be a whole number, not 'many'",
            "negative start         | /apis/v1/applications/TEST_APP-1/instances/old?start=-2 | query param start must be 0 or more, not -2",
            "unknown instance state | /apis/v1/applications/TEST_APP-1/instances?state=SLEEPING | query param state 'SLEEPING' is not one of"})
    void badQueryParametersAreA400NamingThem(String row, String path, String error) {
        var answer = api.get(path);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(answer.json().at("/data/validationErrors/0").asText()).startsWith(error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "summary            | /apis/v1/applications/NOPE-1                         | App NOPE-1 not found",
            "spec               | /apis/v1/applications/NOPE-1/spec                    | App NOPE-1 not found",
            "instances          | /apis/v1/applications/NOPE-1/instances               | App NOPE-1 not found",
            "old instances      | /apis/v1/applications/NOPE-1/instances/old           | App NOPE-1 not found",
            "instance           | /apis/v1/applications/NOPE-1/instances/AI-1          | App NOPE-1 not found",
            "unknown instance   | /apis/v1/applications/TEST_APP-1/instances/AI-nope   | Instance AI-nope of app TEST_APP-1 not found"})
    void unknownIdsAreA404WithASentence(String row, String path, String message) {
        var answer = api.get(path);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.json().get("message").asText()).isEqualTo(message);
    }

    @Test
    void oneApplicationIsItsSummary() {
        var data = api.get("/apis/v1/applications/" + APP_ID).json().get("data");

        assertThat(data.get("id").asText()).isEqualTo(APP_ID);
        assertThat(data.get("healthyInstances").asLong()).isEqualTo(1);
        assertThat(data.get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void theSpecComesBackAsSubmittedExceptInlineConfigContent() {
        var spec = api.get("/apis/v1/applications/" + APP_ID + "/spec").json().get("data");

        assertThat(spec.get("name").asText()).isEqualTo("TEST_APP");
        assertThat(spec.get("version").asText()).isEqualTo("1");
        assertThat(spec.at("/executable/url").asText()).isEqualTo("ghcr.io/appform-io/perf-test-server-httplib");
        assertThat(spec.at("/exposedPorts/0/port").asInt()).isEqualTo(8000);
        assertThat(spec.at("/resources/1/sizeInMB").asLong()).isEqualTo(128);
        assertThat(spec.at("/exposureSpec/vhost").asText()).isEqualTo("testapp.local");
        assertThat(spec.at("/healthcheck/mode/portName").asText()).isEqualTo("main");
        assertThat(spec.at("/configs/0/localFilename").asText()).isEqualTo("/testfiles/drove.txt");
        assertThat(spec.at("/configs/0/data").asText()).isEmpty();
        assertThat(spec.toString()).doesNotContain(SampleCluster.CONFIG_DATA);
    }

    @Test
    void instancesAreTheActiveOnesWithTheDocsFields() {
        var data = api.get("/apis/v1/applications/" + APP_ID + "/instances").json().get("data");

        assertThat(data).hasSize(1);
        var instance = data.get(0);
        assertThat(fieldNames(instance)).containsExactlyInAnyOrder("appId", "appName", "instanceId", "executorId",
                "localInfo", "resources", "state", "metadata", "errorMessage", "created", "updated");
        assertThat(instance.get("instanceId").asText()).isEqualTo(INSTANCE_ID);
        assertThat(instance.get("executorId").asText()).isEqualTo(SampleCluster.EXECUTOR_ID);
        assertThat(instance.at("/localInfo/hostname").asText()).isEqualTo("ppessdev");
        assertThat(fieldNames(instance.at("/localInfo/ports/main")))
                .containsExactlyInAnyOrder("containerPort", "hostPort", "portType");
        assertThat(instance.at("/localInfo/ports/main/hostPort").asInt()).isEqualTo(33857);
        assertThat(instance.at("/resources/0/type").asText()).isEqualTo("CPU");
        assertThat(instance.at("/resources/0/cores/0/0").asInt()).isEqualTo(2);
        assertThat(instance.at("/resources/1/memoryInMB/0").asLong()).isEqualTo(128);
        assertThat(instance.get("state").asText()).isEqualTo("HEALTHY");
        assertThat(instance.get("errorMessage").asText()).isEmpty();
        assertThat(instance.get("created").asLong()).isEqualTo(1719892354194L);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "only stopped            | state=STOPPED                 | " + OLD_INSTANCE_ID,
            "lower case is accepted  | state=healthy                 | " + INSTANCE_ID,
            "repeated                | state=HEALTHY&state=STOPPED   | " + OLD_INSTANCE_ID + " " + INSTANCE_ID,
            "a state nobody is in    | state=PENDING                 | ''"})
    void theStateFilterPicksInstancesByState(String row, String query, String expectedIds) {
        var data = api.get("/apis/v1/applications/" + APP_ID + "/instances?" + query).json().get("data");

        assertThat(ids(data)).containsExactlyElementsOf(expectedIds.isEmpty() ? List.of()
                : List.of(expectedIds.split(" ")));
    }

    @Test
    void oldInstancesAreTheFinishedOnesMostRecentFirstInPages() {
        api.get(InstanceStore.class).save(SampleCluster.instance(APP_ID, "TEST_APP", "AI-lost", 1,
                InstanceState.LOST));

        var all = api.get("/apis/v1/applications/" + APP_ID + "/instances/old").json().get("data");
        var second = api.get("/apis/v1/applications/" + APP_ID + "/instances/old?start=1&size=1").json().get("data");

        assertThat(ids(all)).containsExactly("AI-lost", OLD_INSTANCE_ID);
        assertThat(all.get(1).get("state").asText()).isEqualTo("STOPPED");
        assertThat(all.get(1).has("localInfo")).isFalse();
        assertThat(ids(second)).containsExactly(OLD_INSTANCE_ID);
    }

    @Test
    void oneInstanceIsFoundByAppAndInstanceId() {
        var data = api.get("/apis/v1/applications/" + APP_ID + "/instances/" + INSTANCE_ID).json().get("data");

        assertThat(data.get("instanceId").asText()).isEqualTo(INSTANCE_ID);
        assertThat(data.get("appName").asText()).isEqualTo("TEST_APP");
        assertThat(data.get("state").asText()).isEqualTo("HEALTHY");
    }

    static List<String> fieldNames(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> ids(JsonNode instances) {
        var ids = new ArrayList<String>();
        instances.forEach(instance -> ids.add(instance.get("instanceId").asText()));
        return ids;
    }
}
