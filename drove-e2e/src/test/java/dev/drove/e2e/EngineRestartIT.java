package dev.drove.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static dev.drove.e2e.ClusterProbe.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, Docker engine restart under an executor. The engine runs with live-restore, so its containers keep
 * running while dockerd restarts. The executor must hold its instances while the engine does not answer (no
 * instance declared dead because docker calls fail), then resynchronise: the containers that survived carry on
 * unchanged, and one whose container died during the outage (killed here with SIGKILL while dockerd was down) takes
 * the normal stop path and is replaced. Nothing is LOST, nothing extra runs, and the controller's view equals
 * {@code docker ps}.
 */
@ExtendWith(DockerExtension.class)
class EngineRestartIT {
    private static final String APP = "ENGINE_RESTART_APP";
    private static final String APP_ID = ClusterProbe.appId(APP);
    private static final int COUNT = 3;

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withZookeeperSessionTimeout("5s")
            .controllers(1).executors(1).build();

    private ClusterProbe probe;

    @BeforeEach
    void probeTheCluster(DockerClient docker) {
        EngineRestart.requireLiveRestore();
        probe = new ClusterProbe(cluster.testCluster(), docker, TestImages.unpullable(docker, TestImage.APP));
    }

    /** Runs before the extension stops the cluster, which removes containers through the engine. */
    @AfterEach
    void awaitTheEngine(DockerClient docker) {
        await("the engine answers before cleaning up").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> docker.pingCmd().exec() == null);
    }

    @Test
    void anEngineRestartKeepsTheSurvivorsAndReplacesTheInstanceWhoseContainerDiedMeanwhile(DockerClient docker)
            throws Exception {
        probe.create(APP, COUNT);
        var before = probe.containers(APP_ID);
        var healthyBefore = probe.healthy(APP_ID);
        assertThat(before.keySet()).isEqualTo(healthyBefore.keySet());
        var victim = before.keySet().iterator().next();
        var victimContainer = before.get(victim);
        var victimPid = docker.inspectContainerCmd(victimContainer).exec().getState().getPidLong();
        var survivors = new HashMap<>(before);
        survivors.remove(victim);
        var executor = cluster.executors().get(0);

        try (var sampler = new ContainerSampler(probe, List.of(APP_ID), 500)) {
            long stopped = System.nanoTime();
            EngineRestart.stopEngine();
            await("the executor notices the engine is gone").atMost(Duration.ofSeconds(20))
                    .until(() -> executor.output().contains("Docker engine unreachable at"));
            assertThat(executor.output()).contains("keeping " + COUNT + " instances as they are");
            var victimProcess = ProcessHandle.of(victimPid).orElseThrow();
            victimProcess.destroyForcibly(); // SIGKILL to the container's main process while dockerd is away
            await("the victim's container process is dead").atMost(Duration.ofSeconds(10))
                    .until(() -> !victimProcess.isAlive());
            await("the controller still sees every instance HEALTHY while the engine is away")
                    .during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> probe.healthy(APP_ID).equals(healthyBefore));

            EngineRestart.startEngine(cluster.dir().resolve("ensure-docker.log"));
            var down = Duration.ofNanos(System.nanoTime() - stopped);
            var resynced = ClusterProbe.timeUntil("the executor resynchronises", Duration.ofSeconds(30),
                    () -> executor.output().contains("Resynchronised with the Docker engine"));
            var replaced = ClusterProbe.timeUntil("the victim is replaced and the view equals docker ps", LONG,
                    quietly(() -> {
                        var healthy = probe.healthy(APP_ID);
                        return healthy.size() == COUNT && !healthy.containsKey(victim)
                                && healthy.keySet().equals(probe.containers(APP_ID).keySet());
                    }));
            System.out.printf("[engine restart] dockerd down %.1f s; executor resynchronised %.1f s and the victim "
                            + "replaced %.1f s after it answered%n", down.toMillis() / 1000.0,
                    resynced.toMillis() / 1000.0, replaced.toMillis() / 1000.0);

            await("the app stays at exactly its count").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(20))
                    .until(quietly(() -> probe.healthy(APP_ID).size() == COUNT
                            && probe.containers(APP_ID).keySet().equals(probe.healthy(APP_ID).keySet())));
            var after = probe.containers(APP_ID);
            survivors.forEach((instance, container) -> assertThat(after).as("survivor " + instance)
                    .containsEntry(instance, container));
            var extra = new HashSet<>(sampler.seen(APP_ID));
            extra.removeAll(after.values());
            extra.remove(victimContainer);
            assertThat(extra).as("containers that ran besides the survivors, the victim and its replacement")
                    .isEmpty();
            assertThat(sampler.most(APP_ID)).as("never more containers than the count").isLessThanOrEqualTo(COUNT);
        }
        var ended = endedStates();
        assertThat(ended).containsEntry(victim, "STOPPED");
        assertThat(ended.values()).doesNotContain("LOST");
    }

    /** Instance id to state of the app's ended instances. */
    private Map<String, String> endedStates() {
        var old = probe.leaderApi().get("/apis/v1/applications/" + APP_ID + "/instances/old").data();
        var states = new HashMap<String, String>();
        for (JsonNode instance : old) {
            states.put(instance.get("instanceId").asText(), instance.path("state").asText());
        }
        return states;
    }

    /** A check that counts a failed docker or API call (the engine just came back) as "not yet". */
    private static Callable<Boolean> quietly(Callable<Boolean> check) {
        return () -> {
            try {
                return check.call();
            } catch (RuntimeException notYet) {
                return false;
            }
        };
    }
}
