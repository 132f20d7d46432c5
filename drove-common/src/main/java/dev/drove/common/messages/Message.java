package dev.drove.common.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.drove.models.info.nodedata.NodeType;

/**
 * Something one cluster node asks of another over {@code POST /apis/v1/messages}: {@link ExecutorMessage}s go from
 * the leader controller to an executor, {@link ControllerMessage}s from an executor to the leader.
 */
public sealed interface Message permits ExecutorMessage, ControllerMessage {
    MessageHeader header();

    /** Which kind of node receives this message, and so answers it. Not part of the JSON. */
    @JsonIgnore
    NodeType recipientType();
}
