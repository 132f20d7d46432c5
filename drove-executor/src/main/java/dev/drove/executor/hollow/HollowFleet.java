package dev.drove.executor.hollow;

import ch.qos.logback.classic.Level;
import dev.drove.common.discovery.LeaderObserver;
import dev.drove.common.http.ClusterClientTimeouts;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.zookeeper.Curators;
import dev.drove.common.zookeeper.ZkConfig;
import dev.drove.executor.cluster.ExecutorEndpoint;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import io.dropwizard.util.Duration;
import org.apache.curator.framework.CuratorFramework;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Many hollow executors in one JVM, for control-plane scale tests:
 * <pre>
 * java -Xmx512m -Xss256k -cp drove-executor.jar dev.drove.executor.hollow.HollowFleet \
 *      --zk 127.0.0.1:2181 --count 250 --first-port 20000 --secret EXECUTOR_SECRET --controller-secret CONTROLLER_SECRET
 * </pre>
 * (every option: {@link FleetOptions}). Prints {@value #READY} and the port range once every executor listens and has
 * been started; runs until killed (SIGTERM stops it cleanly: the shared ZooKeeper session ends and every entry goes).
 */
public final class HollowFleet implements AutoCloseable {
    /** The line printed on standard out once the fleet is up. */
    public static final String READY = "HOLLOW FLEET READY";
    private static final Logger LOG = LoggerFactory.getLogger(HollowFleet.class);

    private final CuratorFramework curator;
    private final LeaderObserver leaders;
    private final List<HollowExecutor> executors;
    private final FleetServer server;

    private HollowFleet(CuratorFramework curator, LeaderObserver leaders, List<HollowExecutor> executors,
                        FleetServer server) {
        this.curator = curator;
        this.leaders = leaders;
        this.executors = executors;
        this.server = server;
    }

    /** Starts a fleet: connects to ZooKeeper, opens every port, then starts the executors one after another. */
    public static HollowFleet start(FleetOptions options) throws Exception {
        var curator = Curators.start(new ZkConfig(options.zookeeper(), options.namespace(),
                Duration.milliseconds(options.sessionTimeout().toMillis()), null));
        if (!curator.blockUntilConnected(60, TimeUnit.SECONDS)) {
            curator.close();
            throw new IllegalStateException("Could not reach ZooKeeper at " + options.zookeeper());
        }
        var leaders = new LeaderObserver(curator);
        leaders.start();
        var sender = new MessageSender(new ClusterHttpClient(
                options.auth().credentials(NodeType.EXECUTOR, options.host()), ClusterClientTimeouts.DEFAULTS,
                ClusterTls.jvmDefault()));
        Map<Integer, HollowExecutor> byPort = new LinkedHashMap<>();
        for (int i = 0; i < options.count(); i++) {
            var endpoint = ExecutorEndpoint.of(options.host(), options.firstPort() + i, NodeTransportType.HTTP);
            byPort.put(endpoint.port(), new HollowExecutor(endpoint, options.shape(), options.pace(), curator,
                    leaders, sender, options.publishPeriod()));
        }
        var server = new FleetServer(options.host(), byPort, options.auth());
        server.start();
        var executors = List.copyOf(byPort.values());
        executors.forEach(HollowExecutor::start);
        LOG.info("{} hollow executors up on {}:{}..{}", executors.size(), options.host(), options.firstPort(),
                options.firstPort() + options.count() - 1);
        return new HollowFleet(curator, leaders, executors, server);
    }

    public List<HollowExecutor> executors() {
        return Collections.unmodifiableList(executors);
    }

    /** Stops every executor, the server and the ZooKeeper session (which removes every entry at once). */
    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (var executor : executors) {
            try {
                executor.stop(false);
            } catch (Exception e) {
                failures.add(e);
            }
        }
        server.close();
        leaders.close();
        curator.close();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    public static void main(String[] args) throws Exception {
        var options = FleetOptions.parse(args);
        var root = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(options.logLevel(), Level.WARN));
        var fleet = start(options);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                fleet.close();
            } catch (Exception e) {
                LOG.warn("Fleet did not stop cleanly: {}", e.getMessage());
            }
            stopped.countDown();
        }, "fleet-shutdown"));
        System.out.println(READY + " " + options.count() + " executors on " + options.host() + ":"
                + options.firstPort() + ".." + (options.firstPort() + options.count() - 1));
        System.out.flush();
        stopped.await();
    }
}
