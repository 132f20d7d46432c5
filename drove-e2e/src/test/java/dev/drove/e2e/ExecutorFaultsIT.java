package dev.drove.e2e;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;

import static dev.drove.e2e.ClusterProbe.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, executor faults: an executor killed with SIGKILL leaves its containers running. Back within the grace
 * period it adopts them and nothing is replaced; gone longer, its instances are LOST and replaced on the other
 * executor, and when it returns the containers that are now extra are stopped, so the app runs exactly its count. LOST
 * is terminal: the returning executor's instances stay LOST and their containers are the ones stopped.
 */
@ExtendWith(DockerExtension.class)
class ExecutorFaultsIT {
    private static final String APP = "EXECUTOR_FAULT_APP";
    private static final String APP_ID = ClusterProbe.appId(APP);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private TestingServer zookeeper;
    private TestCluster cluster;
    private ClusterProbe probe;
    private String image;

    @BeforeEach
    void startZookeeper(DockerClient docker) throws Exception {
        image = TestImages.unpullable(docker, TestImage.APP);
        zookeeper = new TestingServer(true);
    }

    @AfterEach
    void stopCluster(DockerClient docker) throws Exception {
        cluster.close(docker);
        zookeeper.close();
    }

    private void startCluster(DockerClient docker, String grace, int executors) {
        cluster = new TestCluster(dir, zookeeper.getConnectString()).withZookeeperSessionTimeout("5s")
                .withExecutorGracePeriod(grace);
        probe = new ClusterProbe(cluster, docker, image);
        cluster.addController();
        for (int i = 0; i < executors; i++) {
            cluster.addExecutor();
        }
        cluster.awaitReady(executors);
    }

    @Test
    void anExecutorRestartedWithinTheGracePeriodAdoptsItsContainersAndNothingIsReplaced(DockerClient docker)
            throws Exception {
        startCluster(docker, "60s", 1);
        probe.create(APP, 2);
        var containers = probe.containers(APP_ID);
        var instances = probe.healthy(APP_ID);
        var executor = cluster.executors().get(0);

        try (var sampler = new ContainerSampler(probe, List.of(APP_ID), 500)) {
            executor.kill();
            var api = probe.leaderApi();
            var noticed = ClusterProbe.timeUntil("the leader notices the executor is gone", LONG,
                    () -> executorCount(api) == 0 && probe.containers(APP_ID).equals(containers));
            System.out.printf("[executor restart] leader noticed the kill after %.1f s; containers still running%n",
                    noticed.toMillis() / 1000.0);
            executor.start();
            var adopted = ClusterProbe.timeUntil("the restarted executor reports the same instances", LONG,
                    () -> executorCount(api) == 1 && probe.healthy(APP_ID).equals(instances));
            System.out.printf("[executor restart] instances adopted %.1f s after the restart%n",
                    adopted.toMillis() / 1000.0);
            await("nothing is replaced").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                    .until(() -> probe.healthy(APP_ID).equals(instances) && probe.containers(APP_ID).equals(containers));
            assertThat(sampler.seen(APP_ID)).containsExactlyInAnyOrderElementsOf(containers.values());
        }
    }

    @Test
    void anExecutorGoneLongerThanTheGracePeriodIsReplacedAndItsExtraContainersStopWhenItReturns(DockerClient docker)
            throws Exception {
        startCluster(docker, "8s", 2);
        probe.create(APP, 2);
        var before = probe.healthy(APP_ID);
        var victimId = before.values().iterator().next();
        var victim = cluster.executors().stream().filter(e -> ClusterProbe.executorId(e).equals(victimId))
                .findFirst().orElseThrow();
        var onVictim = new HashSet<String>();
        before.forEach((instance, executor) -> {
            if (executor.equals(victimId)) {
                onVictim.add(instance);
            }
        });

        victim.kill();
        var replaced = ClusterProbe.timeUntil("replacements on the other executor", LONG, () -> {
            var now = probe.healthy(APP_ID);
            return now.size() == 2 && !now.containsValue(victimId);
        });
        System.out.printf("[executor lost] %d instance(s) of %s replaced %.1f s after kill -9%n", onVictim.size(),
                victim.name(), replaced.toMillis() / 1000.0);
        var old = probe.leaderApi().get("/apis/v1/applications/" + APP_ID + "/instances/old").data();
        var lost = new TreeMap<String, String>();
        old.forEach(i -> {
            if (onVictim.contains(i.get("instanceId").asText())) {
                lost.put(i.get("instanceId").asText(), i.path("state").asText());
            }
        });
        System.out.printf("[executor lost] states of the instances on the killed executor: %s%n", lost);
        assertThat(lost.keySet()).isEqualTo(onVictim);
        assertThat(lost.values()).containsOnly("LOST");
        assertThat(probe.containers(APP_ID).keySet()).as("the killed executor's containers still run")
                .containsAll(onVictim);
        var replacements = new HashSet<>(probe.healthy(APP_ID).keySet());

        victim.start();
        var cleaned = ClusterProbe.timeUntil("the returned executor's extra containers are stopped", LONG,
                () -> probe.containers(APP_ID).size() == 2 && probe.healthy(APP_ID).size() == 2);
        System.out.printf("[executor lost] extras stopped %.1f s after %s returned%n", cleaned.toMillis() / 1000.0,
                victim.name());
        await("the app keeps exactly 2 instances").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                .until(() -> probe.containers(APP_ID).size() == 2 && probe.healthy(APP_ID).size() == 2);
        // LOST is terminal: the survivors are the replacements; the returning executor's instances stay LOST and
        // their containers were stopped, never the replacements.
        var survivors = probe.healthy(APP_ID);
        assertThat(probe.containers(APP_ID).keySet()).isEqualTo(survivors.keySet());
        assertThat(survivors).as("the survivors are the replacements").doesNotContainKeys(
                onVictim.toArray(String[]::new));
        assertThat(survivors.keySet()).containsAll(replacements);
        assertThat(probe.containers(APP_ID).keySet()).as("the LOST instances' containers are gone")
                .doesNotContainAnyElementsOf(onVictim);
        var stillLost = new TreeMap<String, String>();
        probe.leaderApi().get("/apis/v1/applications/" + APP_ID + "/instances/old").data().forEach(i -> {
            if (onVictim.contains(i.get("instanceId").asText())) {
                stillLost.put(i.get("instanceId").asText(), i.path("state").asText());
            }
        });
        assertThat(stillLost.keySet()).isEqualTo(onVictim);
        assertThat(stillLost.values()).as("LOST stays LOST").containsOnly("LOST");
        assertThat(victim.output()).as("the returning executor was told to stop them")
                .contains("Stop requested for Instance " + onVictim.iterator().next());
    }

    private static int executorCount(DroveApi api) {
        var answer = api.get("/apis/v1/cluster/executors");
        return answer.status() == 200 ? answer.data().size() : -1;
    }
}
