package dev.drove.e2e;

import com.github.dockerjava.api.DockerClient;
import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestImage;
import dev.drove.common.testkit.TestImages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static dev.drove.e2e.ClusterProbe.LONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10, controller failover: three controllers with a 5 s ZooKeeper session, one executor. Killing the leader
 * with SIGKILL hands the cluster to another controller within 15 s, an operation in flight still ends, and the
 * executor never runs more containers than asked; restarting every controller in turn changes nothing on the executor.
 */
@ExtendWith(DockerExtension.class)
class ControllerFailoverIT {
    private static final String APP = "FAILOVER_APP";
    private static final String APP_ID = ClusterProbe.appId(APP);
    private static final Duration NEW_LEADER_BOUND = Duration.ofSeconds(15);

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withZookeeperSessionTimeout("5s")
            .controllers(3).executors(1).build();

    private ClusterProbe probe;

    @BeforeEach
    void createTheAppWithTwoInstances(DockerClient docker) {
        var image = TestImages.unpullable(docker, TestImage.APP);
        probe = new ClusterProbe(cluster.testCluster(), docker, image);
        probe.create(APP, 2);
    }

    @Test
    void aKilledLeaderIsReplacedWithin15SecondsAndTheScaleItWasRunningEndsWithoutDuplicates() throws Exception {
        var leader = cluster.leader().orElseThrow();
        try (var sampler = new ContainerSampler(probe, List.of(APP_ID), 250)) {
            var scale = cluster.api(leader).post("/apis/v1/applications/operations", ClusterProbe.scaleOp(APP_ID, 3));
            assertThat(scale.status()).as(scale::toString).isEqualTo(200);
            leader.kill();

            var takeover = ClusterProbe.timeUntil("another controller leads", NEW_LEADER_BOUND,
                    () -> cluster.leader().filter(c -> c != leader).isPresent());
            System.out.printf("[failover] new leader %s took over %.1f s after kill -9 of %s%n",
                    cluster.leader().orElseThrow().name(), takeover.toMillis() / 1000.0, leader.name());

            var settled = ClusterProbe.timeUntil("the SCALE in flight ends with 3 HEALTHY instances", LONG,
                    () -> probe.healthy(APP_ID).size() == 3 && probe.containers(APP_ID).size() == 3);
            System.out.printf("[failover] the SCALE to 3 settled %.1f s after the takeover%n",
                    settled.toMillis() / 1000.0);
            await("the app settles in RUNNING").atMost(LONG).until(() -> "RUNNING".equals(
                    probe.leaderApi().get("/apis/v1/applications/" + APP_ID).data().path("state").asText()));
            assertThat(sampler.samples()).isGreaterThan(5);
            assertThat(sampler.most(APP_ID)).as("running containers of the app at any sample").isLessThanOrEqualTo(3);
            assertThat(sampler.fewest(APP_ID)).as("running containers of the app at any sample").isGreaterThanOrEqualTo(2);
        }
        assertThat(probe.containers(APP_ID).keySet()).isEqualTo(probe.healthy(APP_ID).keySet());
    }

    @Test
    void restartingEveryControllerOneByOneLeavesTheExecutorsContainersAlone() throws Exception {
        var before = probe.containers(APP_ID);
        var healthyBefore = probe.healthy(APP_ID).keySet();
        try (var sampler = new ContainerSampler(probe, List.of(APP_ID), 500)) {
            for (var controller : cluster.controllers()) {
                controller.close();
                controller.start();
                var api = cluster.api(controller);
                await(controller.name() + " answers again").atMost(LONG).until(() -> api.get("/apis/v1/ping").status() > 0);
                var back = ClusterProbe.timeUntil("a leader that sees the executor and the app after restarting "
                        + controller.name(), LONG, () -> probe.healthy(APP_ID).size() == 2);
                System.out.printf("[rolling restart] %s restarted; cluster answering again after %.1f s%n",
                        controller.name(), back.toMillis() / 1000.0);
            }
            assertThat(sampler.seen(APP_ID)).as("every container id seen during the rolling restart")
                    .containsExactlyInAnyOrderElementsOf(before.values());
        }
        assertThat(probe.containers(APP_ID)).isEqualTo(before);
        assertThat(probe.healthy(APP_ID).keySet()).isEqualTo(healthyBefore);
    }
}
