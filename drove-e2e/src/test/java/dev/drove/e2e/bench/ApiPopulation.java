package dev.drove.e2e.bench;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * How the bench fills the cluster before it measures: {@link ApiSeededPopulation} writes applications, instances and
 * executor entries into ZooKeeper before the controller starts; {@link ApiHollowPopulation} starts hollow executors and
 * creates and scales applications through the API, so the controller places and tracks every instance itself.
 */
interface ApiPopulation extends AutoCloseable {

    /** Its name in the bench's output. */
    String name();

    /** Runs before the controller starts, with ZooKeeper up ({@code zookeeper}: its connection string). */
    default void beforeStart(String zookeeper) throws Exception {
    }

    /**
     * Runs once the controller answers: brings the cluster to {@code apps} applications of {@code instancesPerApp}
     * HEALTHY instances each, returning once the API shows them all.
     */
    void fill(ApiBenchController controller, int apps, int instancesPerApp) throws Exception;

    /**
     * Waits until a controller started on the cluster {@link #fill} built (another jar taking over) lists every
     * application with all its instances HEALTHY.
     */
    default void awaitFilled(ApiBenchController controller, int apps, int instancesPerApp) {
        await("the controller lists " + apps + " apps with " + instancesPerApp + " healthy instances each")
                .atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                    controller.checkAlive();
                    return ApiThroughputBench.healthyApps(controller, instancesPerApp) == apps;
                });
    }

    @Override
    default void close() throws Exception {
    }
}
