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
 * Issue 10, ZooKeeper outage: ZooKeeper stops for 60 s ({@code -Ddrove.zk.outage.seconds=N} to change it) under two
 * controllers and an executor running an app. No container stops while it is away; our controllers do not exit (they
 * drop leadership and wait, see docs/high-availability.md), and the test restarts any that did, as systemd's
 * {@code Restart=always} would. When ZooKeeper is back the cluster converges to the very same instances.
 */
@ExtendWith(DockerExtension.class)
class ZookeeperOutageIT {
    private static final String APP = "ZK_OUTAGE_APP";
    private static final String APP_ID = ClusterProbe.appId(APP);
    private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("drove.zk.outage.seconds", 60));

    @RegisterExtension
    static final ClusterExtension cluster = ClusterExtension.builder().withZookeeperSessionTimeout("5s")
            .controllers(2).executors(1).build();

    private ClusterProbe probe;

    @BeforeEach
    void createTheAppWithTwoInstances(DockerClient docker) {
        var image = TestImages.unpullable(docker, TestImage.APP);
        probe = new ClusterProbe(cluster.testCluster(), docker, image);
        probe.create(APP, 2);
    }

    @Test
    void whileZookeeperIsAwayNoContainerStopsAndAfterwardsTheClusterConvergesToTheSameInstances() throws Exception {
        var containers = probe.containers(APP_ID);
        var instances = probe.healthy(APP_ID);
        assertThat(containers.keySet()).isEqualTo(instances.keySet());

        try (var sampler = new ContainerSampler(probe, List.of(APP_ID), 1000)) {
            cluster.zookeeper().stop();
            System.out.printf("[zk outage] ZooKeeper stopped for %d s%n", OUTAGE.toSeconds());
            await("the same containers run every second of the outage").during(OUTAGE)
                    .atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> probe.containers(APP_ID).equals(containers));
            var exited = cluster.controllers().stream().filter(c -> !c.isAlive()).toList();
            System.out.printf("[zk outage] controllers that exited during the outage: %s%n",
                    exited.stream().map(ServiceProcess::name).toList());
            assertThat(cluster.leader()).as("no controller leads without ZooKeeper").isEmpty();
            cluster.zookeeper().restart();
            exited.forEach(ServiceProcess::start); // what Restart=always would do

            var converged = ClusterProbe.timeUntil("the same instances HEALTHY under a leader", LONG,
                    () -> probe.healthy(APP_ID).equals(instances));
            System.out.printf("[zk outage] cluster converged %.1f s after ZooKeeper returned%n",
                    converged.toMillis() / 1000.0);
            await("no extra instance appears").during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(20))
                    .until(() -> probe.healthy(APP_ID).equals(instances)
                            && probe.containers(APP_ID).equals(containers));
            assertThat(exited).as("our controllers wait for ZooKeeper instead of exiting").isEmpty();
            assertThat(sampler.seen(APP_ID)).as("every container id seen in a sample")
                    .containsExactlyInAnyOrderElementsOf(containers.values());
            assertThat(sampler.fewest(APP_ID)).isEqualTo(2);
        }
    }
}
