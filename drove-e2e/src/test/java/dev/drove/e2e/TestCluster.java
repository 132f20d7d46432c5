package dev.drove.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drove.common.discovery.ExecutorId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A whole cluster on this machine: controllers and executors as processes sharing one ZooKeeper and the local
 * Docker engine. Timers are shortened (app monitor 1 s, executor grace 10 s, maintenance grace 1 s) so faults recover
 * within a test.
 */
final class TestCluster implements AutoCloseable {
    static final String CONTROLLER_SECRET = "e2e-controller-secret";
    static final String EXECUTOR_SECRET = "e2e-executor-secret";
    /** The hostname every test executor advertises (options.hostname). */
    static final String EXECUTOR_HOST = "127.0.0.1";
    private static final java.time.Duration START_TIME = java.time.Duration.ofSeconds(90);

    private final Path dir;
    private final String zookeeper;
    private final List<ServiceProcess> controllers = new ArrayList<>();
    private final List<ServiceProcess> executors = new ArrayList<>();

    TestCluster(Path dir, String zookeeper) {
        this.dir = dir;
        this.zookeeper = zookeeper;
    }

    ServiceProcess addController() {
        var name = "controller" + (controllers.size() + 1);
        var controller = new ServiceProcess(name, "drove.controller.jar", dir.resolve(name), """
                server:
                  applicationConnectors:
                    - type: http
                      port: ${PORT}
                      bindHost: 127.0.0.1
                  adminConnectors:
                    - type: http
                      port: ${ADMIN_PORT}
                      bindHost: 127.0.0.1
                  requestLog:
                    appenders: []
                  shutdownGracePeriod: 0s
                logging:
                  level: INFO
                  appenders:
                    - type: console
                      logFormat: "%-5level [%date] [%logger{0}] %message%n"
                zookeeper:
                  connectionString: ZK
                clusterAuth:
                  secrets:
                    - nodeType: CONTROLLER
                      secret: CSECRET
                    - nodeType: EXECUTOR
                      secret: ESECRET
                options:
                  clusterOpParallelism: 4
                  appMonitorInterval: 1s
                  executorGracePeriod: 10s
                  maintenanceGracePeriod: 1s
                """.replace("ZK", zookeeper).replace("CSECRET", CONTROLLER_SECRET)
                .replace("ESECRET", EXECUTOR_SECRET));
        controllers.add(controller);
        return controller.start();
    }

    ServiceProcess addExecutor() {
        var name = "executor" + (executors.size() + 1);
        var executor = new ServiceProcess(name, "drove.executor.jar", dir.resolve(name), """
                server:
                  applicationConnectors:
                    - type: http
                      port: ${PORT}
                      bindHost: 127.0.0.1
                  adminConnectors:
                    - type: http
                      port: ${ADMIN_PORT}
                      bindHost: 127.0.0.1
                  requestLog:
                    appenders: []
                  shutdownGracePeriod: 0s
                logging:
                  level: INFO
                  appenders:
                    - type: console
                      logFormat: "%-5level [%date] [%logger{0}] %message%n"
                    - type: drove
                      logPath: ${DIR}/instance-logs
                zookeeper:
                  connectionString: ZK
                clusterAuth:
                  secrets:
                    - nodeType: CONTROLLER
                      secret: CSECRET
                    - nodeType: EXECUTOR
                      secret: ESECRET
                resources:
                  osCores: []
                  exposedMemPercentage: 90
                  disableNUMAPinning: true
                  overProvisioning:
                    enabled: true
                    cpuMultiplier: 8
                    memoryMultiplier: 2
                options:
                  hostname: 127.0.0.1
                  cacheImages: true
                  maxOpenFiles: 4096
                """.replace("ZK", zookeeper).replace("CSECRET", CONTROLLER_SECRET)
                .replace("ESECRET", EXECUTOR_SECRET));
        executors.add(executor);
        return executor.start();
    }

    List<ServiceProcess> controllers() {
        return controllers;
    }

    List<ServiceProcess> executors() {
        return executors;
    }

    /** The controller that answers ping with 200, if any. */
    Optional<ServiceProcess> leader() {
        return controllers.stream()
                .filter(ServiceProcess::isAlive)
                .filter(c -> new DroveApi(c.port()).get("/apis/v1/ping").status() == 200)
                .findFirst();
    }

    /** Waits for a leader that sees {@code executorCount} executors, and returns its API. */
    DroveApi awaitReady(int executorCount) {
        await("a leader that sees " + executorCount + " executors").atMost(START_TIME).until(() -> {
            controllers.forEach(c -> checkAlive(c));
            executors.forEach(e -> checkAlive(e));
            return leader().map(l -> {
                var answer = new DroveApi(l.port()).get("/apis/v1/cluster/executors");
                return answer.status() == 200 && answer.data().size() == executorCount;
            }).orElse(false);
        });
        return new DroveApi(leader().orElseThrow().port());
    }

    /** The API of any live controller (followers forward to the leader). */
    DroveApi api(ServiceProcess controller) {
        return new DroveApi(controller.port());
    }

    private static void checkAlive(ServiceProcess process) {
        if (!process.isAlive()) {
            throw new IllegalStateException(process.name() + " died:\n" + process.output());
        }
    }

    /**
     * Stops every process, then removes the containers this cluster's executors started: executors leave their
     * containers running when they stop (by design), and tests running beside this cluster keep theirs.
     */
    void close(DockerClient docker) throws InterruptedException {
        var executorIds = executors.stream().map(e -> ExecutorId.of(EXECUTOR_HOST, e.port())).toList();
        close();
        for (var executorId : executorIds) {
            docker.listContainersCmd().withShowAll(true).withLabelFilter(Map.of("drove.executor.id", executorId))
                    .exec().forEach(c -> {
                        try {
                            docker.removeContainerCmd(c.getId()).withForce(true).exec();
                        } catch (NotFoundException | ConflictException gone) {
                            // already removed, or being removed by its executor
                        }
                    });
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (var executor : executors) {
            executor.close();
        }
        for (var controller : controllers) {
            controller.close();
        }
    }
}
