package dev.drove.controller.api;

import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.info.nodedata.ExecutorState;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static dev.drove.controller.api.ApplicationResourceTest.fieldNames;
import static dev.drove.controller.api.SampleCluster.EXECUTOR_ID;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /apis/v1/cluster} over the docs' sample cluster: the docs' numbers come back field by field. */
@ExtendWith(ZookeeperExtension.class)
class ClusterResourceTest {
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
    void theSummaryNamesTheLeaderAndSumsTheExecutorsAsTheDocsShow() {
        var answer = api.get("/apis/v1/cluster");

        assertThat(answer.status()).isEqualTo(200);
        var summary = answer.json().get("data");
        assertThat(fieldNames(summary)).containsExactlyInAnyOrder("leader", "state", "numExecutors",
                "numApplications", "numActiveApplications", "numActiveTasks", "numLocalServices",
                "numActiveLocalServices", "freeCores", "usedCores", "totalCores", "freeMemory", "usedMemory",
                "totalMemory");
        assertThat(summary.get("leader").asText()).isEqualTo("127.0.0.1:" + api.self.port());
        assertThat(summary.get("state").asText()).isEqualTo("NORMAL");
        assertThat(summary.get("numExecutors").asInt()).isEqualTo(1);
        assertThat(summary.get("numApplications").asInt()).isEqualTo(1);
        assertThat(summary.get("numActiveApplications").asInt()).isEqualTo(1);
        assertThat(summary.get("numActiveTasks").asInt()).isZero();
        assertThat(summary.get("numLocalServices").asInt()).isZero();
        assertThat(summary.get("freeCores").asInt()).isEqualTo(9);
        assertThat(summary.get("usedCores").asInt()).isEqualTo(1);
        assertThat(summary.get("totalCores").asInt()).isEqualTo(10);
        assertThat(summary.get("freeMemory").asLong()).isEqualTo(18898);
        assertThat(summary.get("usedMemory").asLong()).isEqualTo(128);
        assertThat(summary.get("totalMemory").asLong()).isEqualTo(19026);
    }

    @Test
    void executorsAreListedWithTheDocsFields() {
        var executors = api.get("/apis/v1/cluster/executors").json().get("data");

        assertThat(executors).hasSize(1);
        var summary = executors.get(0);
        assertThat(fieldNames(summary)).containsExactlyInAnyOrder("executorId", "hostname", "port",
                "transportType", "freeCores", "usedCores", "freeMemory", "usedMemory", "tags", "state");
        assertThat(summary.get("executorId").asText()).isEqualTo(EXECUTOR_ID);
        assertThat(summary.get("hostname").asText()).isEqualTo("ppessdev");
        assertThat(summary.get("port").asInt()).isEqualTo(3000);
        assertThat(summary.get("transportType").asText()).isEqualTo("HTTP");
        assertThat(summary.get("freeCores").asInt()).isEqualTo(9);
        assertThat(summary.get("usedCores").asInt()).isEqualTo(1);
        assertThat(summary.get("freeMemory").asLong()).isEqualTo(18898);
        assertThat(summary.get("usedMemory").asLong()).isEqualTo(128);
        assertThat(summary.at("/tags/0").asText()).isEqualTo("ppessdev");
        assertThat(summary.get("state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void anExecutorBeingBlacklistedShowsTheBooksStateBeforeItsOwn() {
        api.rotation.put(EXECUTOR_ID, ExecutorState.BLACKLIST_REQUESTED);

        assertThat(api.get("/apis/v1/cluster/executors").json().at("/data/0/state").asText())
                .as("the executor itself still publishes ACTIVE").isEqualTo("BLACKLIST_REQUESTED");

        api.rotation.put(EXECUTOR_ID, ExecutorState.ACTIVE);

        assertThat(api.get("/apis/v1/cluster/executors").json().at("/data/0/state").asText()).isEqualTo("ACTIVE");
    }

    @Test
    void oneExecutorIsEverythingItPublished() {
        var node = api.get("/apis/v1/cluster/executors/" + EXECUTOR_ID).json().get("data");

        assertThat(fieldNames(node)).contains("type", "hostname", "port", "transportType", "updated", "state",
                "instances", "tasks", "tags", "blacklisted");
        assertThat(node.get("type").asText()).isEqualTo("EXECUTOR");
        assertThat(node.get("updated").asLong()).isEqualTo(1719897100104L);
        assertThat(node.at("/state/executorId").asText()).isEqualTo(EXECUTOR_ID);
        assertThat(node.at("/state/cpus/type").asText()).isEqualTo("CPU");
        assertThat(node.at("/state/cpus/freeCores/0")).hasSize(9);
        assertThat(node.at("/state/cpus/usedCores/0/0").asInt()).isEqualTo(2);
        assertThat(node.at("/state/memory/type").asText()).isEqualTo("MEMORY");
        assertThat(node.at("/state/memory/freeMemory/0").asLong()).isEqualTo(18898);
        assertThat(node.at("/instances/0/instanceId").asText()).isEqualTo(SampleCluster.INSTANCE_ID);
        assertThat(node.get("tasks")).isEmpty();
        assertThat(node.get("blacklisted").asBoolean()).isFalse();
    }

    @Test
    void anUnknownExecutorIsA404() {
        var answer = api.get("/apis/v1/cluster/executors/no-such-executor");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().get("message").asText()).isEqualTo("Executor no-such-executor not found");
    }

    @Test
    void anExecutorThatHasNotAuthenticatedIsInNoListSumOrLookup() {
        api.unadmitted.add(EXECUTOR_ID);

        assertThat(api.get("/apis/v1/cluster/executors").json().get("data")).isEmpty();
        var summary = api.get("/apis/v1/cluster").json().get("data");
        assertThat(summary.get("numExecutors").asInt()).isZero();
        assertThat(summary.get("totalCores").asInt()).isZero();
        assertThat(summary.get("totalMemory").asLong()).isZero();
        assertThat(api.get("/apis/v1/cluster/executors/" + EXECUTOR_ID).status()).isEqualTo(404);
    }

    @Test
    void maintenanceModeIsSetAndUnsetAndShownInTheSummary() {
        var set = api.post("/apis/v1/cluster/maintenance/set", "");

        assertThat(set.status()).isEqualTo(200);
        assertThat(fieldNames(set.json().get("data"))).containsExactly("state", "updated");
        assertThat(set.json().at("/data/state").asText()).isEqualTo("MAINTENANCE");
        assertThat(set.json().at("/data/updated").asLong()).isPositive();
        assertThat(api.get(ClusterStateStore.class).state()).isEqualTo(ClusterState.MAINTENANCE);
        assertThat(api.get("/apis/v1/cluster").json().at("/data/state").asText()).isEqualTo("MAINTENANCE");

        var unset = api.post("/apis/v1/cluster/maintenance/unset", "");

        assertThat(unset.json().at("/data/state").asText()).isEqualTo("NORMAL");
        assertThat(api.get(ClusterStateStore.class).state()).isEqualTo(ClusterState.NORMAL);
    }
}
