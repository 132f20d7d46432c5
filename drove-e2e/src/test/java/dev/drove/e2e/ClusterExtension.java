package dev.drove.e2e;

import dev.drove.common.testkit.DockerExtension;
import dev.drove.common.testkit.TestCertificates;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The setup every end-to-end test shares: a temporary directory, a ZooKeeper (Curator's {@link TestingServer}) and a
 * {@link TestCluster} on both, with the controllers and executors the builder asks for started and ready. Register it
 * on a static field; the test calls the cluster through it:
 * <pre>{@code
 * @RegisterExtension
 * static final ClusterExtension cluster = ClusterExtension.builder().controllers(2).executors(1).build();
 * }</pre>
 * <ul>
 *   <li>{@link Builder#perTest() Per test} (the default) every test gets a fresh directory, ZooKeeper and cluster,
 *       started before the class's own {@code @BeforeEach} methods and stopped after its {@code @AfterEach} methods;
 *       {@link Builder#perClass() per class} one set serves every test, started before the class's
 *       {@code @BeforeAll} methods and stopped after its {@code @AfterAll} methods.</li>
 *   <li>Stopping goes in reverse order and always completes: the processes {@link #adopt adopted} by the test, the
 *       cluster's executors then controllers (with the containers the executors left running, see
 *       {@link TestCluster#close(com.github.dockerjava.api.DockerClient)}), ZooKeeper, and last the directory. The
 *       same happens at once when starting fails half-way.</li>
 *   <li>When a test (or the start) fails, the tail of every node's log goes to the test's output and the directory
 *       stays for a closer look (its path is printed); after a passing run it is deleted.</li>
 * </ul>
 * Tests of one class run one after another: the extension keeps the current cluster in fields.
 */
final class ClusterExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback {
    /** How many lines of each node's log a failure prints. */
    static final int LOG_TAIL_LINES = 80;

    private final boolean perClass;
    private final int controllerCount;
    private final int executorCount;
    private final boolean userAuth;
    private final boolean tls;
    private final String sessionTimeout;
    private final String executorGracePeriod;

    private Path dir;
    private TestingServer zookeeper;
    private TestCluster cluster;
    private final List<ServiceProcess> adopted = new ArrayList<>();
    private boolean failed;

    private ClusterExtension(Builder builder) {
        this.perClass = builder.perClass;
        this.controllerCount = builder.controllers;
        this.executorCount = builder.executors;
        this.userAuth = builder.userAuth;
        this.tls = builder.tls;
        this.sessionTimeout = builder.sessionTimeout;
        this.executorGracePeriod = builder.executorGracePeriod;
    }

    static Builder builder() {
        return new Builder();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (perClass) {
            start(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (!perClass) {
            start(context);
        } else if (cluster == null) {
            throw new IllegalStateException("a per-class ClusterExtension must be registered on a static field");
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (context.getExecutionException().isPresent()) {
            failed = true;
            printLogTails(context.getDisplayName() + " failed");
        }
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (perClass) {
            if (context.getExecutionException().isPresent()) {
                failed = true;
                printLogTails(context.getDisplayName() + " failed");
            }
            stop();
        }
    }

    /** Creates the directory, ZooKeeper and cluster and starts the builder's nodes; stops all of it if that fails. */
    private void start(ExtensionContext context) throws Exception {
        failed = false;
        try {
            dir = Files.createTempDirectory("drove-e2e-" + context.getRequiredTestClass().getSimpleName() + "-");
            zookeeper = new TestingServer(true);
            cluster = new TestCluster(dir, zookeeper.getConnectString()).withExecutorGracePeriod(
                    executorGracePeriod);
            if (sessionTimeout != null) {
                cluster.withZookeeperSessionTimeout(sessionTimeout);
            }
            if (userAuth) {
                cluster.withUserAuth();
            }
            if (tls) {
                cluster.withTls(TestCertificates.create(dir.resolve("tls"), "Drove E2E Cluster CA"));
            }
            for (int i = 0; i < controllerCount; i++) {
                cluster.addController();
            }
            for (int i = 0; i < executorCount; i++) {
                cluster.addExecutor();
            }
            if (controllerCount > 0) {
                cluster.awaitReady(executorCount);
            }
        } catch (Exception | Error e) {
            failed = true;
            printLogTails("starting the cluster of " + context.getDisplayName() + " failed");
            try {
                stop();
            } catch (Exception | Error stopping) {
                e.addSuppressed(stopping);
            }
            throw e;
        }
    }

    /**
     * Stops what {@link #start} made, in reverse order, going on past failures (the first is thrown, the others
     * attached to it). Deletes the directory unless something failed.
     */
    private void stop() throws Exception {
        var failures = new ArrayList<Throwable>();
        for (int i = adopted.size() - 1; i >= 0; i--) {
            var process = adopted.get(i);
            run(failures, process::close);
        }
        adopted.clear();
        if (cluster != null) {
            var stopping = cluster;
            run(failures, () -> stopping.close(DockerExtension.client()));
            cluster = null;
        }
        if (zookeeper != null) {
            var stopping = zookeeper;
            run(failures, stopping::close);
            zookeeper = null;
        }
        if (dir != null) {
            if (failed || !failures.isEmpty()) {
                System.out.println("[cluster] kept the cluster's directory " + dir);
            } else {
                run(failures, () -> deleteTree(dir));
            }
            dir = null;
        }
        if (!failures.isEmpty()) {
            var first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            if (first instanceof Exception exception) {
                throw exception;
            }
            throw (Error) first;
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void run(List<Throwable> failures, Step step) {
        try {
            step.run();
        } catch (Exception | Error e) {
            failures.add(e);
        }
    }

    private void printLogTails(String why) {
        var processes = new ArrayList<ServiceProcess>();
        if (cluster != null) {
            processes.addAll(cluster.controllers());
            processes.addAll(cluster.executors());
        }
        processes.addAll(adopted);
        if (processes.isEmpty()) {
            return;
        }
        var out = new StringBuilder("[cluster] " + why + "; the last " + LOG_TAIL_LINES
                + " lines of each node's log follow" + (dir == null ? "" : " (all of them in " + dir + ")") + "\n");
        for (var process : processes) {
            out.append("----- ").append(process.name()).append(process.isAlive() ? " (running)" : " (stopped)")
                    .append(" -----\n").append(process.outputTail(LOG_TAIL_LINES)).append('\n');
        }
        System.out.print(out);
        System.out.flush();
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private TestCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("no cluster: it exists only while a test of the class runs");
        }
        return cluster;
    }

    /** The current test's cluster, for helpers that take a {@link TestCluster} (such as {@link ClusterProbe}). */
    TestCluster testCluster() {
        return cluster();
    }

    /** The ZooKeeper the cluster uses; tests may stop and restart it. */
    TestingServer zookeeper() {
        if (zookeeper == null) {
            throw new IllegalStateException("no ZooKeeper: it exists only while a test of the class runs");
        }
        return zookeeper;
    }

    /** The cluster's directory: each node's config and logs live in a folder of it named after the node. */
    Path dir() {
        if (dir == null) {
            throw new IllegalStateException("no directory: it exists only while a test of the class runs");
        }
        return dir;
    }

    /**
     * Makes {@code process}, started by the test beside the cluster, the extension's to stop (before the cluster)
     * and to include in the log tails of a failure.
     */
    ServiceProcess adopt(ServiceProcess process) {
        adopted.add(process);
        return process;
    }

    /** See {@link TestCluster#addController()}. */
    ServiceProcess addController() {
        return cluster().addController();
    }

    /** See {@link TestCluster#addExecutor()}. */
    ServiceProcess addExecutor() {
        return cluster().addExecutor();
    }

    /** See {@link TestCluster#addExecutorWithSecret(String)}. */
    ServiceProcess addExecutorWithSecret(String executorSecret) {
        return cluster().addExecutorWithSecret(executorSecret);
    }

    /** See {@link TestCluster#addExecutorTrusting(Path)}. */
    ServiceProcess addExecutorTrusting(Path trustStore) {
        return cluster().addExecutorTrusting(trustStore);
    }

    List<ServiceProcess> controllers() {
        return cluster().controllers();
    }

    List<ServiceProcess> executors() {
        return cluster().executors();
    }

    /** See {@link TestCluster#leader()}. */
    Optional<ServiceProcess> leader() {
        return cluster().leader();
    }

    /** See {@link TestCluster#awaitReady(int)}. */
    DroveApi awaitReady(int executorCount) {
        return cluster().awaitReady(executorCount);
    }

    /** See {@link TestCluster#api(ServiceProcess)}. */
    DroveApi api(ServiceProcess controller) {
        return cluster().api(controller);
    }

    /** What the extension sets up; the defaults are one cluster per test and no node started. */
    static final class Builder {
        private boolean perClass;
        private int controllers;
        private int executors;
        private boolean userAuth;
        private boolean tls;
        private String sessionTimeout;
        private String executorGracePeriod = TestCluster.DEFAULT_EXECUTOR_GRACE_PERIOD;

        private Builder() {
        }

        /** A fresh directory, ZooKeeper and cluster for every test (the default). */
        Builder perTest() {
            this.perClass = false;
            return this;
        }

        /** One directory, ZooKeeper and cluster for all the tests of the class. */
        Builder perClass() {
            this.perClass = true;
            return this;
        }

        /** Starts {@code count} controllers before the test and waits for a leader. */
        Builder controllers(int count) {
            this.controllers = count;
            return this;
        }

        /** Starts {@code count} executors (after the controllers) and waits until the leader sees them all. */
        Builder executors(int count) {
            this.executors = count;
            return this;
        }

        /** See {@link TestCluster#withUserAuth()}. */
        Builder withUserAuth() {
            this.userAuth = true;
            return this;
        }

        /**
         * Every node listens on https with a test CA's server key made in the directory's {@code tls} folder; see
         * {@link TestCluster#withTls}.
         */
        Builder withTls() {
            this.tls = true;
            return this;
        }

        /** See {@link TestCluster#withZookeeperSessionTimeout(String)}. */
        Builder withZookeeperSessionTimeout(String timeout) {
            this.sessionTimeout = timeout;
            return this;
        }

        /** See {@link TestCluster#withExecutorGracePeriod(String)}. */
        Builder withExecutorGracePeriod(String grace) {
            this.executorGracePeriod = grace;
            return this;
        }

        ClusterExtension build() {
            if (controllers < 0 || executors < 0) {
                throw new IllegalArgumentException("node counts must not be negative");
            }
            if (executors > 0 && controllers == 0) {
                throw new IllegalArgumentException("executors are started only beside at least one controller");
            }
            return new ClusterExtension(this);
        }
    }
}
