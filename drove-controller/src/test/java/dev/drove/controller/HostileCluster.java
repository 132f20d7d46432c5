package dev.drove.controller;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.operations.FakeExecutor;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A controller exactly as production runs it ({@link ControllerApplication} with its config file and all of its
 * wiring) on a loopback port, over a real ZooKeeper ({@link TestingServer}), with {@link FakeExecutor}s that publish
 * themselves under the controller's namespace and post their reports to its {@code /apis/v1/messages}.
 *
 * <p>The ZooKeeper server is started here rather than through {@code ZookeeperExtension}, because that extension wipes
 * the tree after every test invocation, and a hostile-input table must run every row against one unchanged tree.
 */
final class HostileCluster implements AutoCloseable {
    static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, "hostile-controller-secret"),
            new ClusterSecret(NodeType.EXECUTOR, "hostile-executor-secret")));
    /** The controller's ZooKeeper namespace (the config's default). */
    static final String NAMESPACE = "/drove";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final TestingServer zookeeper;
    private final CuratorFramework reader;
    private final DropwizardTestSupport<ControllerConfiguration> controller;
    private final NodeEndpoint endpoint;
    private final List<FakeExecutor> executors = new CopyOnWriteArrayList<>();

    /** An HTTP answer: status, raw body text and headers. */
    record Answer(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return body.isEmpty() ? null : Json.mapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + body, e);
            }
        }
    }

    HostileCluster() throws Exception {
        zookeeper = new TestingServer(true);
        reader = ZookeeperExtension.newClient(zookeeper.getConnectString());
        var port = freePort();
        endpoint = new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", port);
        controller = new DropwizardTestSupport<>(ControllerApplication.class,
                ResourceHelpers.resourceFilePath("hostile/controller.yml"),
                ConfigOverride.config("server.applicationConnectors[0].port", String.valueOf(port)),
                ConfigOverride.config("zookeeper.connectionString", zookeeper.getConnectString()));
        controller.before();
    }

    /** The connect string of the controller's namespace, as a chroot (executors publish below it). */
    String namespacedConnectString() {
        return zookeeper.getConnectString() + NAMESPACE;
    }

    /**
     * A fast executor (a state step every 30 ms) with {@code cores} cores, tagged {@code tag}, admitted to the cluster
     * as a real executor is: its first message, a snapshot of what it published, carries the executor secret.
     */
    FakeExecutor executor(String tag, int cores) {
        var target = FakeExecutor.target(AUTH, endpoint, MessageSender.MESSAGES_PATH);
        var executor = new FakeExecutor(namespacedConnectString(), cores, Set.of(tag), Duration.ofMillis(30), false,
                () -> List.of(target), () -> { });
        executors.add(executor);
        var published = new NodeDataStore(reader.usingNamespace(NAMESPACE.substring(1)));
        await("the node data of " + executor).atMost(Duration.ofSeconds(10))
                .until(() -> published.executor(executor.id()).isPresent());
        var snapshot = ControllerMessage.executorSnapshot(published.executor(executor.id()).orElseThrow());
        assertThat(target.sender().send(snapshot, target.endpoint()).status()).isEqualTo(MessageStatus.HANDLED);
        return executor;
    }

    Answer call(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        headers.forEach(request::header);
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path) {
        return call("GET", path, Map.of(), HttpRequest.BodyPublishers.noBody());
    }

    Answer post(String path, String json) {
        return call("POST", path, Map.of("Content-Type", "application/json"),
                HttpRequest.BodyPublishers.ofString(json));
    }

    /**
     * Every znode below the root (ZooKeeper's own {@code /zookeeper} excepted) with its data, bytes kept one to one
     * as ISO-8859-1 text so a difference prints readably.
     */
    Map<String, String> snapshot() {
        var tree = new TreeMap<String, String>();
        walk("/", tree);
        tree.remove("/zookeeper");
        tree.keySet().removeIf(path -> path.startsWith("/zookeeper/"));
        return tree;
    }

    private void walk(String path, Map<String, String> tree) {
        try {
            var data = reader.getData().forPath(path);
            tree.put(path, data == null ? "" : new String(data, StandardCharsets.ISO_8859_1));
            for (var child : reader.getChildren().forPath(path)) {
                walk(path.equals("/") ? "/" + child : path + "/" + child, tree);
            }
        } catch (KeeperException.NoNodeException gone) {
            // deleted while the tree was read: a change the next snapshot shows
        } catch (Exception e) {
            throw new IllegalStateException("Could not read " + path + " from ZooKeeper", e);
        }
    }

    @Override
    public void close() throws Exception {
        var failures = new ArrayList<Exception>();
        for (var executor : executors) {
            executor.close();
        }
        try {
            controller.after();
        } catch (RuntimeException e) {
            failures.add(e);
        }
        reader.close();
        zookeeper.close();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
