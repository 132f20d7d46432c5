package dev.drove.common.messages;

import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.auth.ClusterSecret;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.NodeEndpoint;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import io.dropwizard.testing.junit5.DropwizardClientExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages from a controller to an executor's {@code /messages}, through the cluster auth filter, as the two services
 * wire them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class MessageSenderTest {
    private static final ClusterAuthConfig AUTH = new ClusterAuthConfig(List.of(
            new ClusterSecret(NodeType.CONTROLLER, "ControllerSecretValue"),
            new ClusterSecret(NodeType.EXECUTOR, "ExecutorSecret")));
    private static final List<ExecutorMessage> RECEIVED = new CopyOnWriteArrayList<>();

    static final DropwizardClientExtension EXECUTOR = new DropwizardClientExtension(new ExecutorMessages(),
            new ClusterAuthFilter(AUTH));

    /** An executor's message intake: starts are accepted, blacklisting is refused. */
    @Path("/apis/v1/messages")
    @Produces(MediaType.APPLICATION_JSON)
    @Consumes(MediaType.APPLICATION_JSON)
    @ClusterNodeOnly(from = NodeType.CONTROLLER)
    public static class ExecutorMessages {
        @POST
        public MessageResponse receive(ExecutorMessage message) {
            RECEIVED.add(message);
            return message instanceof BlacklistMessage
                    ? MessageResponse.rejected(message, "already blacklisted")
                    : MessageResponse.accepted(message);
        }
    }

    @BeforeAll
    static void useTheProjectsJsonRules() {
        Json.configure(EXECUTOR.getObjectMapper());
    }

    @Test
    void theExecutorReceivesTheMessageAsSentAndItsAnswerComesBack() {
        var start = ExecutorMessage.startInstance(address(), SampleMessages.applicationInstance());

        var answer = sender(AUTH.credentials(NodeType.CONTROLLER, "controller-1.internal")).send(start);

        assertThat(answer.status()).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(answer.header().replyToId()).isEqualTo(start.header().id());
        assertThat(RECEIVED).contains(start);
    }

    @Test
    void aRefusalByTheExecutorComesBackAsItsAnswer() {
        var answer = sender(AUTH.credentials(NodeType.CONTROLLER, "controller-1.internal"))
                .send(ExecutorMessage.blacklist(address()));

        assertThat(answer.status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(answer.message()).isEqualTo("already blacklisted");
    }

    @Test
    void aMessageTheFilterRefusesComesBackAsFailedWithTheStatus() {
        var stop = ExecutorMessage.stopInstance(address(), "AI-1");

        var answer = sender(AUTH.credentials(NodeType.EXECUTOR, "executor-2.internal")).send(stop);

        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(answer.message()).contains("HTTP 401");
        assertThat(answer.header().replyToId()).isEqualTo(stop.header().id());
        assertThat(RECEIVED).doesNotContain(stop);
    }

    @Test
    void anExecutorThatDoesNotAnswerGivesAFailedAnswer() {
        var nowhere = new ExecutorAddress("e-1", "127.0.0.1", 1, NodeTransportType.HTTP);

        var answer = sender(AUTH.credentials(NodeType.CONTROLLER, "controller-1.internal"))
                .send(ExecutorMessage.unblacklist(nowhere));

        assertThat(answer.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(answer.message()).contains("POST http://127.0.0.1:1");
    }

    private static MessageSender sender(dev.drove.common.auth.ClusterCredentials credentials) {
        return new MessageSender(new ClusterHttpClient(credentials), EXECUTOR.baseUri().getPath()
                + MessageSender.MESSAGES_PATH);
    }

    private static ExecutorAddress address() {
        var endpoint = new NodeEndpoint(NodeTransportType.HTTP, "127.0.0.1", EXECUTOR.baseUri().getPort());
        return new ExecutorAddress("e2b5a0b4", endpoint.hostname(), endpoint.port(), endpoint.transportType());
    }
}
