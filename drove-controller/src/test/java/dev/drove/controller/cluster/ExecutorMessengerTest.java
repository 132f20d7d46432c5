package dev.drove.controller.cluster;

import com.sun.net.httpserver.HttpServer;
import dev.drove.common.auth.ClusterAuthConfig;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.messages.StopInstanceMessage;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Undelivered messages are sent again until the retry window closes; a refusal is final. */
class ExecutorMessengerTest {
    private static final Duration RETRY_INTERVAL = Duration.ofMillis(50);

    private HttpServer executor;
    private final AtomicInteger failuresFirst = new AtomicInteger();
    private volatile boolean refuse;
    private final List<StopInstanceMessage> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startExecutor() throws IOException {
        executor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor.createContext("/apis/v1/messages", exchange -> {
            try (exchange) {
                var message = (StopInstanceMessage) Json.mapper().readValue(exchange.getRequestBody(),
                        ExecutorMessage.class);
                received.add(message);
                if (failuresFirst.getAndDecrement() > 0) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                var answer = refuse ? MessageResponse.rejected(message, "No instance AI-1 runs on this executor")
                        : MessageResponse.accepted(message);
                var body = Json.mapper().writeValueAsBytes(answer);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        executor.start();
    }

    @AfterEach
    void stopExecutor() {
        executor.stop(0);
    }

    @Test
    void anUndeliveredMessageIsSentAgainUntilTheExecutorTakesIt() throws Exception {
        failuresFirst.set(2);

        var delivery = messenger(Duration.ofSeconds(5)).stopInstance("executor-1", "AI-1");

        assertThat(delivery.isAccepted()).isTrue();
        assertThat(received).hasSize(3);
        assertThat(received).extracting(message -> message.header().id()).as("the same message each time")
                .containsOnly(received.get(0).header().id());
    }

    @Test
    void aRefusalIsFinalAndSaysWhy() throws Exception {
        refuse = true;

        var delivery = messenger(Duration.ofSeconds(5)).stopInstance("executor-1", "AI-1");

        assertThat(delivery.status()).isEqualTo(MessageStatus.REJECTED);
        assertThat(delivery.reason()).isEqualTo("No instance AI-1 runs on this executor");
        assertThat(received).hasSize(1);
    }

    @Test
    void anExecutorThatNeverAnswersFailsOnceTheRetryWindowCloses() throws Exception {
        failuresFirst.set(Integer.MAX_VALUE);

        var delivery = messenger(Duration.ofMillis(500)).stopInstance("executor-1", "AI-1");

        assertThat(delivery.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(delivery.reason()).startsWith("Could not deliver STOP_INSTANCE AI-1 to executor executor-1");
        assertThat(received).hasSizeBetween(2, 11);
    }

    @Test
    void anUnknownExecutorFailsWithoutASend() throws Exception {
        var messenger = new ExecutorMessenger(sender(), id -> Optional.empty(), RETRY_INTERVAL,
                Duration.ofMillis(200));

        var delivery = messenger.stopInstance("executor-9", "AI-1");

        assertThat(delivery.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(delivery.reason()).contains("executor executor-9 is not known");
        assertThat(received).isEmpty();
    }

    private ExecutorMessenger messenger(Duration retryFor) {
        var address = new ExecutorAddress("executor-1", "127.0.0.1", executor.getAddress().getPort(),
                NodeTransportType.HTTP);
        return new ExecutorMessenger(sender(), id -> Optional.of(address), RETRY_INTERVAL, retryFor);
    }

    private static MessageSender sender() {
        return new MessageSender(new ClusterHttpClient(ClusterAuthConfig.DEFAULTS.credentials(NodeType.CONTROLLER,
                "controller-1")));
    }
}
