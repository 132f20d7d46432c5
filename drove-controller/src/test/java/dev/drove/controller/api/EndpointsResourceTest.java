package dev.drove.controller.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
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

import static dev.drove.controller.api.ApplicationResourceTest.fieldNames;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /apis/v1/endpoints}: exposed applications with healthy instances, as the gateway reads them. */
@ExtendWith(ZookeeperExtension.class)
class EndpointsResourceTest {
    private ApiServer api;
    private NodeDataStore executor;

    @BeforeEach
    void startTheLeaderWithTheSampleClusterAndMore(TestingServer zookeeper) throws Exception {
        api = ApiServer.leader(zookeeper.getConnectString());
        executor = new NodeDataStore(api.curator());
        SampleCluster.seed(api, executor);
        var applications = api.get(ApplicationStore.class);
        var instances = api.get(InstanceStore.class);
        // a second version of TEST_APP with two healthy instances
        applications.save(new ApplicationInfo("TEST_APP-2", SampleCluster.spec("TEST_APP", "2", true), 2,
                new Date(), new Date()));
        instances.save(SampleCluster.instance("TEST_APP-2", "TEST_APP", "AI-2a", 46623, InstanceState.HEALTHY));
        instances.save(SampleCluster.instance("TEST_APP-2", "TEST_APP", "AI-2b", 46624, InstanceState.HEALTHY));
        // healthy but not exposed
        applications.save(new ApplicationInfo("HIDDEN-1", SampleCluster.spec("HIDDEN", "1", false), 1,
                new Date(), new Date()));
        instances.save(SampleCluster.instance("HIDDEN-1", "HIDDEN", "AI-h", 40001, InstanceState.HEALTHY));
        // exposed but nothing healthy
        applications.save(new ApplicationInfo("SICK-1", SampleCluster.spec("SICK", "1", true), 1,
                new Date(), new Date()));
        instances.save(SampleCluster.instance("SICK-1", "SICK", "AI-s", 40002, InstanceState.UNHEALTHY));
    }

    @AfterEach
    void stop() {
        executor.close();
        api.close();
    }

    @Test
    void exposedAppsWithHealthyInstancesAreListedWithTheDocsFields() {
        var answer = api.get("/apis/v1/endpoints");

        assertThat(answer.status()).isEqualTo(200);
        var data = answer.json().get("data");
        assertThat(appIds(data)).containsExactly("TEST_APP-1", "TEST_APP-2");
        var first = data.get(0);
        assertThat(fieldNames(first)).containsExactlyInAnyOrder("appName", "appId", "vhost", "tags", "hosts");
        assertThat(first.get("appName").asText()).isEqualTo("TEST_APP");
        assertThat(first.get("vhost").asText()).isEqualTo("testapp.local");
        assertThat(first.at("/tags/superSpecialApp").asText()).isEqualTo("yes_i_am");
        assertThat(first.get("hosts")).hasSize(1);
        assertThat(fieldNames(first.at("/hosts/0"))).containsExactlyInAnyOrder("host", "port", "portType");
        assertThat(first.at("/hosts/0/host").asText()).isEqualTo("ppessdev");
        assertThat(first.at("/hosts/0/port").asInt()).isEqualTo(33857);
        assertThat(first.at("/hosts/0/portType").asText()).isEqualTo("HTTP");
        assertThat(data.get(1).get("hosts")).hasSize(2);
        assertThat(data.get(1).at("/hosts/1/port").asInt()).isEqualTo(46624);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "by app name parameter       | /apis/v1/endpoints?app=TEST_APP           | TEST_APP-1 TEST_APP-2",
            "by several names            | /apis/v1/endpoints?app=SICK&app=TEST_APP  | TEST_APP-1 TEST_APP-2",
            "not exposed                 | /apis/v1/endpoints?app=HIDDEN             | ''",
            "by app name path            | /apis/v1/endpoints/app/TEST_APP           | TEST_APP-1 TEST_APP-2",
            "nothing healthy             | /apis/v1/endpoints/app/SICK               | ''",
            "unknown name                | /apis/v1/endpoints/app/NOBODY             | ''"})
    void endpointsArePickedByAppName(String row, String path, String expected) {
        var data = api.get(path).json().get("data");

        assertThat(appIds(data)).containsExactlyElementsOf(expected.isEmpty() ? List.of()
                : List.of(expected.split(" ")));
    }

    private static List<String> appIds(JsonNode data) {
        var ids = new ArrayList<String>();
        data.forEach(app -> ids.add(app.get("appId").asText()));
        return ids;
    }
}
