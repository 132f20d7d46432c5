package dev.drove.e2e;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.drove.common.discovery.ExecutorId;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.ClusterTlsConfig;
import dev.drove.common.testkit.TestCertificates;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * A whole cluster on this machine: controllers and executors as processes sharing one ZooKeeper and the local
 * Docker engine. Timers are shortened (app monitor 1 s, executor grace 10 s, maintenance grace 1 s) so faults recover
 * within a test. {@link #withTls} makes every node listen on https and trust a test CA.
 */
final class TestCluster implements AutoCloseable {
    static final String CONTROLLER_SECRET = "e2e-controller-secret";
    static final String EXECUTOR_SECRET = "e2e-executor-secret";
    /** The root user of a {@link #withUserAuth} cluster. */
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "e2e-admin-password";
    /** The read-only user of a {@link #withUserAuth} cluster. */
    static final String GUEST = "guest";
    static final String GUEST_PASSWORD = "e2e-guest-password";
    /** The hostname every test executor advertises (options.hostname). */
    static final String EXECUTOR_HOST = "127.0.0.1";
    /** How long controllers wait before they count a vanished executor's instances LOST, unless told otherwise. */
    static final String DEFAULT_EXECUTOR_GRACE_PERIOD = "10s";
    private static final java.time.Duration START_TIME = java.time.Duration.ofSeconds(90);

    private final Path dir;
    private final String zookeeper;
    private final List<ServiceProcess> controllers = new ArrayList<>();
    private final List<ServiceProcess> executors = new ArrayList<>();
    private TestCertificates tls;
    private boolean userAuth;
    private HttpClient tlsClient;
    private String sessionTimeout;
    private String executorGracePeriod = DEFAULT_EXECUTOR_GRACE_PERIOD;
    private int cpuMultiplier = 8;

    TestCluster(Path dir, String zookeeper) {
        this.dir = dir;
        this.zookeeper = zookeeper;
    }

    /**
     * Nodes added from now on listen on https with {@code certificates}' server key (valid for 127.0.0.1) and trust
     * its CA in {@code clusterTls}; the test's API client trusts it too.
     */
    TestCluster withTls(TestCertificates certificates) {
        this.tls = certificates;
        this.tlsClient = ClusterTls.from(ClusterTlsConfig.trusting(certificates.trustStore().toString(),
                TestCertificates.PASSWORD)).newHttpClient(java.time.Duration.ofSeconds(2));
        return this;
    }

    /**
     * Nodes added from now on keep their ZooKeeper session for {@code timeout} (a Dropwizard duration such as
     * {@code 5s}) instead of the default 30 s, so a killed leader is replaced within seconds; one connection
     * attempt may take as long.
     */
    TestCluster withZookeeperSessionTimeout(String timeout) {
        this.sessionTimeout = timeout;
        return this;
    }

    /** Controllers added from now on count an executor's instances LOST after it is gone for {@code grace}. */
    TestCluster withExecutorGracePeriod(String grace) {
        this.executorGracePeriod = grace;
        return this;
    }

    /** Executors added from now on offer {@code multiplier} vcores per CPU (1..20; 8 unless set). */
    TestCluster withCpuMultiplier(int multiplier) {
        this.cpuMultiplier = multiplier;
        return this;
    }

    /** The zookeeper section's connection line, plus the session timeout of {@link #withZookeeperSessionTimeout}. */
    private String zookeeperLines() {
        return "connectionString: " + zookeeper + (sessionTimeout == null ? ""
                : "\n  sessionTimeout: " + sessionTimeout + "\n  connectionTimeout: " + sessionTimeout);
    }

    ServiceProcess addController() {
        var name = "controller" + (controllers.size() + 1);
        var controller = new ServiceProcess(name, "drove.controller.jar", dir.resolve(name), """
                server:
                  applicationConnectors:
                    - APPLICATION_CONNECTOR
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
                  ZOOKEEPER_LINES
                clusterAuth:
                  secrets:
                    - nodeType: CONTROLLER
                      secret: CSECRET
                    - nodeType: EXECUTOR
                      secret: ESECRET
                options:
                  clusterOpParallelism: 4
                  appMonitorInterval: 1s
                  executorGracePeriod: GRACE
                  maintenanceGracePeriod: 1s
                """.replace("ZOOKEEPER_LINES", zookeeperLines()).replace("CSECRET", CONTROLLER_SECRET)
                .replace("ESECRET", EXECUTOR_SECRET).replace("APPLICATION_CONNECTOR", applicationConnector())
                .replace("GRACE", executorGracePeriod)
                + clusterTls(tls == null ? null : tls.trustStore()) + userAuthSection());
        controllers.add(controller);
        return controller.start();
    }

    ServiceProcess addExecutor() {
        return startExecutor(tls == null ? null : tls.trustStore(), EXECUTOR_SECRET);
    }

    /**
     * An executor whose {@code clusterAuth} sends {@code executorSecret} instead of the cluster's executor secret (a
     * misconfigured or foreign node); the rest of its config is the cluster's.
     */
    ServiceProcess addExecutorWithSecret(String executorSecret) {
        return startExecutor(tls == null ? null : tls.trustStore(), executorSecret);
    }

    /** An executor of a {@link #withTls} cluster whose {@code clusterTls} trusts only the CAs in {@code trustStore}. */
    ServiceProcess addExecutorTrusting(Path trustStore) {
        if (tls == null) {
            throw new IllegalStateException("addExecutorTrusting is for clusters made withTls");
        }
        return startExecutor(trustStore, EXECUTOR_SECRET);
    }

    private ServiceProcess startExecutor(Path trustStore, String executorSecret) {
        var name = "executor" + (executors.size() + 1);
        var executor = new ServiceProcess(name, "drove.executor.jar", dir.resolve(name), """
                server:
                  applicationConnectors:
                    - APPLICATION_CONNECTOR
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
                  ZOOKEEPER_LINES
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
                    cpuMultiplier: CPU_MULTIPLIER
                    memoryMultiplier: 2
                options:
                  hostname: 127.0.0.1
                  cacheImages: true
                  maxOpenFiles: 4096
                """.replace("ZOOKEEPER_LINES", zookeeperLines()).replace("CSECRET", CONTROLLER_SECRET)
                .replace("ESECRET", executorSecret).replace("APPLICATION_CONNECTOR", applicationConnector())
                .replace("CPU_MULTIPLIER", Integer.toString(cpuMultiplier))
                + clusterTls(trustStore));
        executors.add(executor);
        return executor.start();
    }

    /** The one application connector of a node: plain http, or https with the test server key. */
    private String applicationConnector() {
        var http = "type: http\n      port: ${PORT}\n      bindHost: 127.0.0.1";
        if (tls == null) {
            return http;
        }
        return http.replace("type: http", "type: https") + "\n      keyStorePath: " + tls.serverKeyStore()
                + "\n      keyStorePassword: " + TestCertificates.PASSWORD + "\n      keyStoreType: PKCS12";
    }

    /** The clusterTls section trusting {@code trustStore}; none for a plain http cluster. */
    private static String clusterTls(Path trustStore) {
        return trustStore == null ? "" : "clusterTls:\n  trustStorePath: " + trustStore
                + "\n  trustStorePassword: " + TestCertificates.PASSWORD + "\n";
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
                .filter(c -> apiAt(c.port()).get("/apis/v1/ping").status() == 200)
                .findFirst();
    }

    /** Waits for a leader that sees {@code executorCount} executors, and returns its API. */
    DroveApi awaitReady(int executorCount) {
        await("a leader that sees " + executorCount + " executors").atMost(START_TIME).until(() -> {
            controllers.forEach(c -> checkAlive(c));
            executors.forEach(e -> checkAlive(e));
            return leader().map(l -> {
                var answer = apiAt(l.port()).get("/apis/v1/cluster/executors");
                return answer.status() == 200 && answer.data().size() == executorCount;
            }).orElse(false);
        });
        return apiAt(leader().orElseThrow().port());
    }

    /** The API of any live controller (followers forward to the leader). */
    DroveApi api(ServiceProcess controller) {
        return apiAt(controller.port());
    }

    private DroveApi apiAt(int port) {
        var api = tls == null ? new DroveApi(port) : new DroveApi("https://127.0.0.1:" + port, tlsClient);
        return userAuth ? api.as(ADMIN, ADMIN_PASSWORD) : api;
    }

    /**
     * Controllers added from now on ask for HTTP Basic credentials ({@code userAuth}) and know two users: {@link #ADMIN}
     * (EXTERNAL_ROOT) and {@link #GUEST} (EXTERNAL_READ_ONLY). The test's API client calls as {@link #ADMIN}.
     */
    TestCluster withUserAuth() {
        this.userAuth = true;
        return this;
    }

    private String userAuthSection() {
        return !userAuth ? "" : "userAuth:\n  enabled: true\n  users:\n"
                + "    - {username: " + ADMIN + ", password: " + ADMIN_PASSWORD + ", role: EXTERNAL_ROOT}\n"
                + "    - {username: " + GUEST + ", password: " + GUEST_PASSWORD + ", role: EXTERNAL_READ_ONLY}\n";
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

    /**
     * Stops every process: first all executors, then all controllers. Each group is told to stop at once and then
     * awaited, so a cluster stops in about the time of its slowest node rather than the sum of all.
     */
    @Override
    public void close() throws InterruptedException {
        stopAll(executors);
        stopAll(controllers);
    }

    private static void stopAll(List<ServiceProcess> processes) throws InterruptedException {
        processes.forEach(ServiceProcess::terminate);
        for (var process : processes) {
            process.close();
        }
    }
}
