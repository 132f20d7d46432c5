package dev.drove.models.info.nodedata;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Date;

/**
 * What a node publishes about itself; {@code updated} is when it last did.
 *
 * <p>{@code type} is a real field (as in the original), so it is written even where the node data is held as a
 * plain object, such as the {@code data} of an API answer.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = ExecutorNodeData.class, name = "EXECUTOR"),
               @JsonSubTypes.Type(value = ControllerNodeData.class, name = "CONTROLLER")})
public sealed interface NodeData permits ExecutorNodeData, ControllerNodeData {
    @JsonProperty("type")
    NodeType type();

    String hostname();

    int port();

    NodeTransportType transportType();

    Date updated();
}
