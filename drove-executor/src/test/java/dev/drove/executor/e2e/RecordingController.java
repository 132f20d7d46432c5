package dev.drove.executor.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterHeaders;
import dev.drove.common.discovery.NodeDataStore;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.InstanceStateReportMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.TaskStateReportMessage;
import dev.drove.models.info.nodedata.ControllerNodeData;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.json.Json;
import dev.drove.models.taskinstance.TaskInfo;
import org.apache.curator.framework.CuratorFramework;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the leader controller in executor end-to-end tests: it is the leader in ZooKeeper, records every
 * message executors send to {@code /apis/v1/messages} (checking their cluster secret as the real one does), and sends
 * commands to executors with the controller's secret.
 */
final class RecordingController implements AutoCloseable {
    static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new dev.drove.common.auth.ClusterSecret(NodeType.CONTROLLER, "controller-secret-for-tests"),
            new dev.drove.common.auth.ClusterSecret(NodeType.EXECUTOR, "executor-secret-for-tests")));

    private final HttpServer server;
    private final NodeDataStore nodes;
    private final MessageSender sender;
    private final List<ControllerMessage> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();

    RecordingController(CuratorFramework curator) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/apis/v1/messages", this::receive);
        server.start();
        nodes = new NodeDataStore(curator);
        nodes.publish(new ControllerNodeData("127.0.0.1", server.getAddress().getPort(), NodeTransportType.HTTP,
                new Date(), true));
        sender = new MessageSender(new ClusterHttpClient(AUTH.credentials(NodeType.CONTROLLER, "test-controller")));
    }

    /** Stops being the leader in ZooKeeper (executors then know no leader) while still able to send commands. */
    void resign() {
        nodes.remove();
    }

    /** Becomes the leader again. */
    void rejoin() {
        nodes.publish(new ControllerNodeData("127.0.0.1", server.getAddress().getPort(), NodeTransportType.HTTP,
                new Date(), true));
    }

    MessageResponse send(ExecutorMessage message) {
        return sender.send(message);
    }

    /** Every state the executor reported for application instance {@code instanceId}, in order. */
    List<InstanceInfo> instanceReports(String instanceId) {
        return received.stream()
                .filter(InstanceStateReportMessage.class::isInstance)
                .map(m -> ((InstanceStateReportMessage) m).instanceInfo())
                .filter(info -> info.instanceId().equals(instanceId))
                .toList();
    }

    List<TaskInfo> taskReports(String instanceId) {
        return received.stream()
                .filter(TaskStateReportMessage.class::isInstance)
                .map(m -> ((TaskStateReportMessage) m).instanceInfo())
                .filter(info -> info.instanceId().equals(instanceId))
                .toList();
    }

    List<String> refused() {
        return refused;
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = exchange.getRequestHeaders();
            var secret = headers.getFirst(ClusterHeaders.CLUSTER_AUTHORIZATION);
            if (!"EXECUTOR".equals(headers.getFirst(ClusterHeaders.NODE_TYPE))
                    || !AUTH.secretFor(NodeType.EXECUTOR).equals(secret)) {
                refused.add(String.valueOf(headers.getFirst(ClusterHeaders.NODE_ID)));
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            var message = Json.mapper().readValue(exchange.getRequestBody(), ControllerMessage.class);
            received.add(message);
            var answer = Json.mapper().writeValueAsBytes(MessageResponse.handled(message));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
            throw e;
        }
    }

    @Override
    public void close() {
        nodes.close();
        server.stop(0);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
