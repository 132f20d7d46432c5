package dev.drove.controller.api;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.errors.ApiException;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.cluster.ClusterStateData;
import dev.drove.models.operation.ApplicationCreateOperation;
import dev.drove.models.operation.ApplicationScaleOperation;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static dev.drove.controller.api.SampleCluster.APP_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** Spec validation, operation submission and cancellation: bad documents never reach the engine. */
@ExtendWith(ZookeeperExtension.class)
class ApplicationCommandsTest {
    private static final String SCALE = """
            {"type": "SCALE", "appId": "TEST_APP-1", "requiredInstances": 1,
             "opSpec": {"timeout": "1m", "parallelism": 20, "failureStrategy": "STOP"}}""";

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
    void aValidSpecIsValidWithoutWarnings() {
        var answer = api.post("/apis/v1/applications/validate/spec", SampleCluster.SPEC);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(ApplicationResourceTest.fieldNames(answer.json().get("data"))).containsExactly("valid");
        assertThat(answer.json().at("/data/valid").asBoolean()).isTrue();
    }

    @Test
    void unknownFieldsAreWarnedAboutButTheSpecIsValid() {
        var spec = SampleCluster.SPEC.replace("\"env\":", "\"colour\": \"blue\", \"env\":");

        var answer = api.post("/apis/v1/applications/validate/spec", spec);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().at("/data/valid").asBoolean()).isTrue();
        assertThat(answer.json().at("/data/warnings/0").asText()).contains("colour");
    }

    @Test
    void anInvalidSpecIsA400ListingEveryError() {
        var spec = SampleCluster.SPEC.replace("\"name\": \"TEST_APP\", ", "")
                .replace("\"port\": 8000", "\"port\": 70000")
                .replace("\"sizeInMB\": 128}", "\"sizeInMB\": 128}, {\"type\": \"CPU\", \"count\": 2}");

        var answer = api.post("/apis/v1/applications/validate/spec", spec);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.json().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(errors(answer)).hasSize(3)
                .anySatisfy(error -> assertThat(error).startsWith("name "))
                .anySatisfy(error -> assertThat(error).startsWith("exposedPorts[0].port "))
                .anySatisfy(error -> assertThat(error).contains("exactly one CPU requirement"));
    }

    @Test
    void argumentsLongerThan2048CharactersJoinedAreRefused() {
        var longArg = "x".repeat(1500);
        var args = "\"args\": [\"" + longArg + "\", \"" + longArg + "\"], ";
        var spec = SampleCluster.SPEC.replace("\"env\":", args + "\"env\":");

        var validation = api.post("/apis/v1/applications/validate/spec", spec);
        var create = api.post("/apis/v1/applications/operations", createOf(spec));

        assertThat(errors(validation)).containsExactly(
                "args must be at most 2048 characters when joined with spaces, not 3001");
        assertThat(errors(create)).containsExactly(
                "spec.args must be at most 2048 characters when joined with spaces, not 3001");
        assertThat(api.operations.submitted).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/apis/v1/applications/operations", "/apis/v1/operations"})
    void aValidOperationGoesToTheEngineAndAnswersTheAppId(String path) {
        var answer = api.post(path, SCALE);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("status").asText()).isEqualTo("SUCCESS");
        assertThat(answer.json().at("/data/appId").asText()).isEqualTo(APP_ID);
        assertThat(ApplicationResourceTest.fieldNames(answer.json().get("data"))).containsExactly("appId");
        assertThat(answer.json().get("message").asText()).isEqualTo("success");
        assertThat(api.operations.submitted).singleElement().isInstanceOfSatisfying(ApplicationScaleOperation.class,
                scale -> {
                    assertThat(scale.appId()).isEqualTo(APP_ID);
                    assertThat(scale.requiredInstances()).isEqualTo(1);
                    assertThat(scale.opSpec().parallelism()).isEqualTo(20);
                });
    }

    @Test
    void aCreateOperationCarriesItsSpecToTheEngine() {
        var answer = api.post("/apis/v1/applications/operations",
                createOf(SampleCluster.SPEC.replace("\"version\": \"1\"", "\"version\": \"2\"")));

        assertThat(answer.json().at("/data/appId").asText()).isEqualTo("TEST_APP-2");
        assertThat(api.operations.submitted).singleElement().isInstanceOfSatisfying(
                ApplicationCreateOperation.class, create -> assertThat(create.instances()).isEqualTo(2));
    }

    @Test
    void anInvalidOperationIsA400ListingEveryErrorAndNeverReachesTheEngine() {
        var answer = api.post("/apis/v1/applications/operations",
                "{\"type\": \"SCALE\", \"appId\": \"\", \"requiredInstances\": 5000}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer)).hasSize(3)
                .anySatisfy(error -> assertThat(error).startsWith("appId "))
                .anySatisfy(error -> assertThat(error).startsWith("requiredInstances "))
                .anySatisfy(error -> assertThat(error).startsWith("opSpec "));
        assertThat(api.operations.submitted).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown type | {\"type\": \"EXPLODE\", \"appId\": \"TEST_APP-1\"}",
            "not JSON     | {not json",
            "empty body   | ''"})
    void unreadableOperationsAreA400AndNeverReachTheEngine(String row, String body) {
        var answer = api.post("/apis/v1/applications/operations", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("message").asText()).isEqualTo("Command validation failure");
        assertThat(errors(answer)).hasSize(1);
        assertThat(api.operations.submitted).isEmpty();
    }

    @Test
    void theEnginesRefusalIsAnsweredWithItsStatusAndSentence() {
        api.operations.refusal = ApiException.conflict("App %s is being scaled; cancel that operation first", APP_ID);

        var answer = api.post("/apis/v1/applications/operations", SCALE);

        assertThat(answer.status()).isEqualTo(409);
        assertThat(answer.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(answer.json().get("message").asText())
                .isEqualTo("App TEST_APP-1 is being scaled; cancel that operation first");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/apis/v1/applications/operations/TEST_APP-1/cancel",
            "/apis/v1/operations/TEST_APP-1/cancel"})
    void cancellingAnswersSuccessWithoutData(String path) {
        var answer = api.call("POST", path, "", java.util.Map.of());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(ApplicationResourceTest.fieldNames(answer.json())).containsExactlyInAnyOrder("status", "message");
        assertThat(answer.json().get("message").asText()).isEqualTo("success");
        assertThat(api.operations.cancelled).containsExactly(APP_ID);
    }

    @Test
    void cancellingWhenNothingRunsIsAConflictAndAnUnknownAppIsNotFound() {
        api.operations.cancels = false;

        var nothingRunning = api.post("/apis/v1/applications/operations/TEST_APP-1/cancel", "");
        var unknown = api.post("/apis/v1/applications/operations/NOPE-1/cancel", "");

        assertThat(nothingRunning.status()).isEqualTo(409);
        assertThat(nothingRunning.json().get("message").asText())
                .isEqualTo("App TEST_APP-1 has no running operation to cancel");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("App NOPE-1 not found");
        assertThat(api.operations.cancelled).containsExactly(APP_ID);
    }

    @Test
    void inMaintenanceModeOperationsAndValidationsAreRefused() {
        api.get(ClusterStateStore.class).save(new ClusterStateData(ClusterState.MAINTENANCE, new Date()));

        var submit = api.post("/apis/v1/applications/operations", SCALE);
        var validate = api.post("/apis/v1/applications/validate/spec", SampleCluster.SPEC);

        assertThat(submit.status()).isEqualTo(400);
        assertThat(submit.json().get("message").asText()).startsWith("Cluster is in maintenance mode");
        assertThat(validate.status()).isEqualTo(400);
        assertThat(api.operations.submitted).isEmpty();
    }

    @Test
    void aRuleDryRunAnswersTheCheckAndTheEvaluation() {
        var answer = api.post("/apis/v1/applications/placementpolicy/rule/dryrun", """
                {"ruleBasedPlacementPolicy": {"type": "RULE_BASED", "rule": "metadata.rack == 'r1'",
                                              "ruleType": "MVEL"},
                 "schedulingInfo": {"executorNodeId": "exec-1", "allocatedExecutorNodeMetadata": {"rack": "r1"},
                                    "allExecutorMetadata": {"exec-1": {"rack": "r1"}},
                                    "applicationEnvironment": {}}}""");

        assertThat(answer.status()).isEqualTo(200);
        var data = answer.json().get("data");
        assertThat(ApplicationResourceTest.fieldNames(data)).containsExactly("status", "checkResult", "evalResult");
        assertThat(data.get("status").asBoolean()).isTrue();
        assertThat(data.at("/checkResult/status").asText()).isEqualTo("SUCCESS");
        assertThat(data.at("/evalResult/status").asText()).isEqualTo("SUCCESS");
        assertThat(data.at("/evalResult/result").asBoolean()).isTrue();
    }

    @Test
    void aDryRunWithoutAPolicyIsA400() {
        var answer = api.post("/apis/v1/applications/placementpolicy/rule/dryrun",
                "{\"schedulingInfo\": {\"executorNodeId\": \"exec-1\"}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(errors(answer)).singleElement().asString().startsWith("ruleBasedPlacementPolicy ");
    }

    private static String createOf(String spec) {
        return "{\"type\": \"CREATE\", \"spec\": " + spec + ", \"instances\": 2, "
                + "\"opSpec\": {\"timeout\": \"5m\", \"parallelism\": 1, \"failureStrategy\": \"STOP\"}}";
    }

    private static List<String> errors(ApiServer.Answer answer) {
        var errors = new ArrayList<String>();
        answer.json().at("/data/validationErrors").forEach(error -> errors.add(error.asText()));
        return errors;
    }
}
