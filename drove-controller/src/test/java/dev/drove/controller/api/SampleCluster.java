package dev.drove.controller.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.json.Json;

import java.time.Duration;
import java.util.Date;

/**
 * The cluster of the docs' samples (apis/application.md, apis/cluster.md), written into a controller's stores: app
 * TEST_APP-1 (1 instance of 1 core and 128 MB, exposed as testapp.local), its HEALTHY instance on executor
 * ppessdev:3000 and one STOPPED old instance, and that executor's node data (10 cores, 1 used; 19026 MB, 128 used).
 */
final class SampleCluster {
    static final String APP_ID = "TEST_APP-1";
    static final String INSTANCE_ID = "AI-58eb1111-8c2c-4ea2-a159-8fc68010a146";
    static final String OLD_INSTANCE_ID = "AI-869e34ed-ebf3-4908-bf48-719475ca5640";
    static final String EXECUTOR_ID = "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d";
    /** "hello drove", to show that the API never returns inline config content. */
    static final String CONFIG_DATA = "aGVsbG8gZHJvdmU=";

    static final String SPEC = """
            {
              "name": "TEST_APP", "version": "1",
              "executable": {"type": "DOCKER", "url": "ghcr.io/appform-io/perf-test-server-httplib",
                             "dockerPullTimeout": "100 seconds"},
              "exposedPorts": [{"name": "main", "port": 8000, "type": "HTTP"}],
              "volumes": [],
              "configs": [{"type": "INLINE", "localFilename": "/testfiles/drove.txt", "data": "%s"}],
              "type": "SERVICE",
              "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
              "placementPolicy": {"type": "ANY"},
              "healthcheck": {"mode": {"type": "HTTP", "protocol": "HTTP", "portName": "main", "path": "/",
                                       "verb": "GET", "successCodes": [200], "payload": "",
                                       "connectionTimeout": "1 second", "insecure": false},
                              "timeout": "1 second", "interval": "5 seconds", "attempts": 3,
                              "initialDelay": "0 seconds"},
              "readiness": {"mode": {"type": "HTTP", "protocol": "HTTP", "portName": "main", "path": "/",
                                     "verb": "GET", "successCodes": [200], "payload": "",
                                     "connectionTimeout": "1 second", "insecure": false},
                            "timeout": "1 second", "interval": "3 seconds", "attempts": 3,
                            "initialDelay": "0 seconds"},
              "tags": {"superSpecialApp": "yes_i_am", "say_my_name": "heisenberg"},
              "env": {"CORES": "8"},
              "exposureSpec": {"vhost": "testapp.local", "portName": "main", "mode": "ALL"},
              "preShutdown": {"hooks": [{"type": "HTTP", "protocol": "HTTP", "portName": "main", "path": "/",
                                         "verb": "GET", "successCodes": [200], "payload": "",
                                         "connectionTimeout": "1 second", "insecure": false}],
                              "waitBeforeKill": "3 seconds"}
            }""".formatted(CONFIG_DATA);

    static final String INSTANCE = """
            {
              "appId": "TEST_APP-1", "appName": "TEST_APP",
              "instanceId": "AI-58eb1111-8c2c-4ea2-a159-8fc68010a146",
              "executorId": "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d",
              "localInfo": {"hostname": "ppessdev",
                            "ports": {"main": {"containerPort": 8000, "hostPort": 33857, "portType": "HTTP"}}},
              "resources": [{"type": "CPU", "cores": {"0": [2]}}, {"type": "MEMORY", "memoryInMB": {"0": 128}}],
              "state": "HEALTHY", "metadata": {}, "errorMessage": "",
              "created": 1719892354194, "updated": 1719893180105
            }""";

    static final String OLD_INSTANCE = """
            {
              "appId": "TEST_APP-1", "appName": "TEST_APP",
              "instanceId": "AI-869e34ed-ebf3-4908-bf48-719475ca5640",
              "executorId": "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d",
              "resources": [{"type": "CPU", "cores": {"0": [2]}}, {"type": "MEMORY", "memoryInMB": {"0": 128}}],
              "state": "STOPPED", "metadata": {}, "errorMessage": "Error while pulling image",
              "created": 1719892279039, "updated": 1719892354099
            }""";

    static final String EXECUTOR = """
            {
              "type": "EXECUTOR", "hostname": "ppessdev", "port": 3000, "transportType": "HTTP",
              "updated": 1719897100104,
              "state": {"executorId": "a45442a1-d4d0-3479-ab9e-3ed0aa5f7d2d",
                        "cpus": {"type": "CPU", "freeCores": {"0": [3, 4, 5, 6, 7, 8, 9, 10, 11]},
                                 "usedCores": {"0": [2]}},
                        "memory": {"type": "MEMORY", "freeMemory": {"0": 18898}, "usedMemory": {"0": 128}}},
              "instances": [%s],
              "tasks": [],
              "tags": ["ppessdev"],
              "blacklisted": false
            }""".formatted(INSTANCE);

    private SampleCluster() {
    }

    static ApplicationSpec spec() {
        return read(SPEC, ApplicationSpec.class);
    }

    /** The docs' spec under another name and version, with or without its exposure. */
    static ApplicationSpec spec(String name, String version, boolean exposed) {
        var json = SPEC.replace("\"name\": \"TEST_APP\", \"version\": \"1\"",
                "\"name\": \"" + name + "\", \"version\": \"" + version + "\"");
        if (!exposed) {
            json = json.replace("\"exposureSpec\": {\"vhost\": \"testapp.local\", \"portName\": \"main\", "
                    + "\"mode\": \"ALL\"},", "");
        }
        return read(json, ApplicationSpec.class);
    }

    static InstanceInfo instance() {
        return read(INSTANCE, InstanceInfo.class);
    }

    /** The docs' healthy instance, moved to another app and given another id, port and state. */
    static InstanceInfo instance(String appId, String appName, String instanceId, int hostPort,
                                 InstanceState state) {
        return read(INSTANCE.replace("TEST_APP-1", appId).replace("\"TEST_APP\"", "\"" + appName + "\"")
                .replace(INSTANCE_ID, instanceId).replace("33857", String.valueOf(hostPort))
                .replace("HEALTHY", state.name()), InstanceInfo.class);
    }

    static ExecutorNodeData executor() {
        return (ExecutorNodeData) read(EXECUTOR, NodeData.class);
    }

    /**
     * Writes the sample into the controller's stores and publishes the executor through {@code publisher}; the
     * engine says TEST_APP-1 is RUNNING.
     */
    static void seed(ApiServer server, NodeDataStore publisher) throws InterruptedException {
        var created = new Date(1719826995764L);
        server.get(ApplicationStore.class).save(new ApplicationInfo(APP_ID, spec(), 1, created,
                new Date(1719892279019L)));
        var instances = server.get(InstanceStore.class);
        instances.save(instance());
        instances.save(read(OLD_INSTANCE, InstanceInfo.class));
        server.operations.states.put(APP_ID, ApplicationState.RUNNING);
        publisher.publish(executor());
        if (!publisher.awaitPublished(Duration.ofSeconds(10))) {
            throw new IllegalStateException("The sample executor was not published within 10 s");
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Bad sample: " + e.getOriginalMessage(), e);
        }
    }
}
