package dev.drove.controller;

import dev.drove.common.messages.StopInstanceMessage;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.instance.InstanceState;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Applications held in every state a user can find one in, made through the API of a {@link HostileCluster}:
 *
 * <pre>
 * app            executor  how                                                              state
 * monitoring-1   steady    CREATE with 0 instances                                          MONITORING
 * running-1      steady    CREATE with 1 instance                                           RUNNING
 * scaling-1      stuck     CREATE 0, freeze, SCALE to 1: the instance stays PENDING         SCALING_REQUESTED
 * stopping-1     stuck     CREATE 1, freeze, STOP_INSTANCES (skipRespawn): never stops      STOP_INSTANCES_REQUESTED
 * replacing-1    stuck     CREATE 1, freeze, REPLACE_INSTANCES: the new one stays PENDING   REPLACE_INSTANCES_REQUESTED
 * destroying-1   stuck     CREATE 1, freeze, SUSPEND (2 s timeout) left it STOPPING, DESTROY DESTROY_REQUESTED
 * destroyed-1    steady    CREATE 0, DESTROY                                                gone (DESTROYED)
 * </pre>
 * The held operations have a 10 minute timeout, so nothing moves while a test class runs.
 */
final class AppsInEveryState {
    static final String MONITORING = "monitoring-1";
    static final String RUNNING = "running-1";
    static final String SCALING = "scaling-1";
    static final String STOPPING = "stopping-1";
    static final String REPLACING = "replacing-1";
    static final String DESTROYING = "destroying-1";
    static final String DESTROYED = "destroyed-1";
    static final String HELD = "{\"timeout\": \"10 minutes\", \"parallelism\": 1, \"failureStrategy\": \"STOP\"}";
    private static final String QUICK =
            "{\"timeout\": \"30 seconds\", \"parallelism\": 1, \"failureStrategy\": \"STOP\"}";
    private static final Duration A_WHILE = Duration.ofSeconds(30);

    /** The HEALTHY instance of running-1, which STOP_INSTANCES and REPLACE_INSTANCES could name. */
    final String runningInstance;

    private AppsInEveryState(String runningInstance) {
        this.runningInstance = runningInstance;
    }

    static AppsInEveryState create(HostileCluster cluster) {
        cluster.executor("steady", 8);
        var stuck = cluster.executor("stuck", 8);
        for (var app : Map.of(MONITORING, 0, DESTROYED, 0).entrySet()) {
            submit(cluster, create(app.getKey(), "steady", app.getValue()));
        }
        submit(cluster, create(RUNNING, "steady", 1));
        submit(cluster, create(SCALING, "stuck", 0));
        for (var app : new String[] {STOPPING, REPLACING, DESTROYING}) {
            submit(cluster, create(app, "stuck", 1));
        }
        for (var app : new String[] {MONITORING, DESTROYED, SCALING}) {
            awaitState(cluster, app, ApplicationState.MONITORING);
        }
        for (var app : new String[] {RUNNING, STOPPING, REPLACING, DESTROYING}) {
            awaitRunning(cluster, app);
        }
        submit(cluster, op("DESTROY", DESTROYED, "", QUICK));
        await("destroyed-1 to be gone").atMost(A_WHILE).until(() -> cluster.get(app(DESTROYED)).status() == 404);

        stuck.freeze();
        submit(cluster, op("SCALE", SCALING, "\"requiredInstances\": 1,", HELD));
        submit(cluster, op("STOP_INSTANCES", STOPPING, "\"instanceIds\": [\"" + healthyInstance(cluster, STOPPING)
                + "\"], \"skipRespawn\": true,", HELD));
        submit(cluster, op("REPLACE_INSTANCES", REPLACING, "\"instanceIds\": [],", HELD));
        var doomed = healthyInstance(cluster, DESTROYING);
        submit(cluster, op("SUSPEND", DESTROYING, "",
                "{\"timeout\": \"2 seconds\", \"parallelism\": 1, \"failureStrategy\": \"STOP\"}"));
        await("the stop of " + doomed).atMost(A_WHILE).until(() -> stuck.received().stream()
                .anyMatch(m -> m instanceof StopInstanceMessage stop && stop.instanceId().equals(doomed)));
        stuck.turn(doomed, InstanceState.STOPPING); // the SUSPEND times out on it: MONITORING, one instance active
        awaitState(cluster, DESTROYING, ApplicationState.MONITORING);
        submit(cluster, op("DESTROY", DESTROYING, "", HELD));

        awaitState(cluster, SCALING, ApplicationState.SCALING_REQUESTED);
        awaitState(cluster, STOPPING, ApplicationState.STOP_INSTANCES_REQUESTED);
        awaitState(cluster, REPLACING, ApplicationState.REPLACE_INSTANCES_REQUESTED);
        awaitState(cluster, DESTROYING, ApplicationState.DESTROY_REQUESTED);
        return new AppsInEveryState(healthyInstance(cluster, RUNNING));
    }

    static String app(String appId) {
        return "/apis/v1/applications/" + appId;
    }

    static String create(String appId, String tag, int instances) {
        return "{\"type\": \"CREATE\", \"spec\": " + spec(appId.substring(0, appId.lastIndexOf('-')), tag)
                + ", \"instances\": " + instances + ", \"opSpec\": " + QUICK + "}";
    }

    /** A valid ApplicationSpec of version 1 pinned to executors tagged {@code tag}. */
    static String spec(String name, String tag) {
        return """
                {"name": "%s", "version": "1", "type": "SERVICE",
                 "executable": {"type": "DOCKER", "url": "ghcr.io/example/app:1", "dockerPullTimeout": "100 seconds"},
                 "exposedPorts": [{"name": "main", "port": 8000, "type": "HTTP"}],
                 "resources": [{"type": "CPU", "count": 1}, {"type": "MEMORY", "sizeInMB": 128}],
                 "placementPolicy": {"type": "MATCH_TAG", "tag": "%s"},
                 "healthcheck": {"mode": {"type": "HTTP", "protocol": "HTTP", "portName": "main", "path": "/",
                                          "verb": "GET", "successCodes": [200]},
                                 "timeout": "1 second", "interval": "5 seconds", "attempts": 3},
                 "readiness": {"mode": {"type": "HTTP", "protocol": "HTTP", "portName": "main", "path": "/",
                                        "verb": "GET", "successCodes": [200]},
                               "timeout": "1 second", "interval": "3 seconds", "attempts": 3}}"""
                .formatted(name, tag);
    }

    static String op(String type, String appId, String fields, String opSpec) {
        return "{\"type\": \"" + type + "\", \"appId\": \"" + appId + "\", " + fields + " \"opSpec\": " + opSpec + "}";
    }

    private static void submit(HostileCluster cluster, String operation) {
        var answer = cluster.post("/apis/v1/applications/operations", operation);
        assertThat(answer.status()).as("%s answered %s", operation, answer.body()).isEqualTo(200);
    }

    private static void awaitState(HostileCluster cluster, String appId, ApplicationState state) {
        await(appId + " to be " + state).atMost(A_WHILE).until(() -> {
            var json = cluster.get(app(appId)).json();
            return json != null && json.path("data").path("state").asText().equals(state.name());
        });
    }

    /** RUNNING with one HEALTHY instance (a CREATE whose instance failed also ends RUNNING). */
    private static void awaitRunning(HostileCluster cluster, String appId) {
        awaitState(cluster, appId, ApplicationState.RUNNING);
        healthyInstance(cluster, appId);
    }

    private static String healthyInstance(HostileCluster cluster, String appId) {
        await("a HEALTHY instance of " + appId).atMost(A_WHILE)
                .until(() -> cluster.get(app(appId) + "/instances?state=HEALTHY").json().path("data").size() == 1);
        return cluster.get(app(appId) + "/instances?state=HEALTHY").json().path("data").get(0)
                .path("instanceId").asText();
    }
}
