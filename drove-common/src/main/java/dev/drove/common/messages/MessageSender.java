package dev.drove.common.messages;

import dev.drove.common.http.ClusterCallException;
import dev.drove.common.http.ClusterHttpClient;
import dev.drove.common.http.NodeEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message to another node's {@code POST /apis/v1/messages} and returns its {@link MessageResponse}
 * (contract §4). It never throws for delivery problems and never retries: no answer, a non-200 status or an answer
 * that is not a MessageResponse all come back as a FAILED response saying why, and the caller decides.
 */
public final class MessageSender {
    /** Where both services receive messages. */
    public static final String MESSAGES_PATH = "/apis/v1/messages";
    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private final ClusterHttpClient client;
    private final String path;

    /** A sender to {@code path} on the target, for hosts whose Jersey root differs (tests). */
    public MessageSender(ClusterHttpClient client, String path) {
        this.client = client;
        this.path = path;
    }

    public MessageSender(ClusterHttpClient client) {
        this(client, MESSAGES_PATH);
    }

    /** Sends {@code message} to the executor it is addressed to. */
    public MessageResponse send(ExecutorMessage message) {
        return send(message, message.address().endpoint());
    }

    /** Sends {@code message} to the node at {@code target}: for controller messages, the leader. */
    public MessageResponse send(Message message, NodeEndpoint target) {
        try {
            var answer = client.post(target, path, message, MessageResponse.class);
            if (answer.status() == 200 && answer.body() != null) {
                return answer.body();
            }
            var why = "Node " + target + " answered " + message.getClass().getSimpleName() + " "
                    + message.header().id() + " with HTTP " + answer.status()
                    + (answer.body() == null ? " and no message response" : "");
            log.warn(why);
            return MessageResponse.failed(message, why);
        } catch (ClusterCallException e) {
            log.warn("Could not deliver {} {} to {}: {}", message.getClass().getSimpleName(), message.header().id(),
                    target, e.getMessage());
            return MessageResponse.failed(message, e.getMessage());
        }
    }
}
