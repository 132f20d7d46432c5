package dev.drove.controller.cluster;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static dev.drove.controller.cluster.ClusterTestData.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /apis/v1/messages} takes messages from executors only, through the cluster auth filter. The intake
 * behind it does not lead here, so every accepted message is answered FAILED by it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ControllerMessagesResourceTest {
    private static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, "ControllerSecretValue"),
            new ClusterSecret(NodeType.EXECUTOR, "ExecutorSecret")));

    static final DropwizardClientExtension CONTROLLER = new DropwizardClientExtension(
            new ControllerMessagesResource(new ReportIntake(() -> false, null, null, null, null)),
            new ClusterAuthFilter(AUTH));

    @BeforeAll
    static void useTheProjectsJsonRules() {
        Json.configure(CONTROLLER.getObjectMapper());
    }

    @Test
    void anExecutorsMessageReachesTheIntake() {
        var answer = send(NodeType.EXECUTOR);

        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(answer.message()).isEqualTo("This controller is not the leader; send reports to the leader");
    }

    @Test
    void anotherControllerMayNotPostReports() {
        var answer = send(NodeType.CONTROLLER);

        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(answer.message()).contains("HTTP 401");
    }

    private static MessageResponse send(NodeType sender) {
        var base = CONTROLLER.baseUri();
        var client = new ClusterHttpClient(AUTH.credentials(sender, "node-1.internal"));
        return new MessageSender(client, base.getPath() + "/apis/v1/messages").send(
                ControllerMessage.executorSnapshot(entry(5_000)),
                new NodeEndpoint(NodeTransportType.HTTP, base.getHost(), base.getPort()));
    }
}
