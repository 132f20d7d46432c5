package dev.drove.common.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.drove.models.info.nodedata.NodeType;

/**
 * What the leader controller asks of one executor (contract §4, controller → executor). Every message names the
 * executor it is for in {@code address}; the static factories fill a fresh CONTROLLER request header.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StartInstanceMessage.class, name = "START_INSTANCE"),
        @JsonSubTypes.Type(value = StopInstanceMessage.class, name = "STOP_INSTANCE"),
        @JsonSubTypes.Type(value = StartTaskMessage.class, name = "START_TASK"),
        @JsonSubTypes.Type(value = StopTaskMessage.class, name = "STOP_TASK"),
        @JsonSubTypes.Type(value = StartLocalServiceInstanceMessage.class, name = "START_LOCAL_SERVICE_INSTANCE"),
        @JsonSubTypes.Type(value = StopLocalServiceInstanceMessage.class, name = "STOP_LOCAL_SERVICE_INSTANCE"),
        @JsonSubTypes.Type(value = BlacklistMessage.class, name = "BLACKLIST"),
        @JsonSubTypes.Type(value = UnblacklistMessage.class, name = "UNBLACKLIST")})
public sealed interface ExecutorMessage extends Message
        permits StartInstanceMessage, StopInstanceMessage, StartTaskMessage, StopTaskMessage,
        StartLocalServiceInstanceMessage, StopLocalServiceInstanceMessage, BlacklistMessage, UnblacklistMessage {

    @JsonProperty("type")
    ExecutorMessageType type();

    ExecutorAddress address();

    @Override
    @JsonIgnore
    default NodeType recipientType() {
        return NodeType.EXECUTOR;
    }

    static StartInstanceMessage startInstance(ExecutorAddress address, ApplicationInstanceSpec spec) {
        return new StartInstanceMessage(fromController(), address, spec);
    }

    static StopInstanceMessage stopInstance(ExecutorAddress address, String instanceId) {
        return new StopInstanceMessage(fromController(), address, instanceId);
    }

    static StartTaskMessage startTask(ExecutorAddress address, TaskInstanceSpec spec) {
        return new StartTaskMessage(fromController(), address, spec);
    }

    static StopTaskMessage stopTask(ExecutorAddress address, String instanceId) {
        return new StopTaskMessage(fromController(), address, instanceId);
    }

    static StartLocalServiceInstanceMessage startLocalServiceInstance(ExecutorAddress address,
                                                                      LocalServiceInstanceSpec spec) {
        return new StartLocalServiceInstanceMessage(fromController(), address, spec);
    }

    static StopLocalServiceInstanceMessage stopLocalServiceInstance(ExecutorAddress address, String instanceId) {
        return new StopLocalServiceInstanceMessage(fromController(), address, instanceId);
    }

    static BlacklistMessage blacklist(ExecutorAddress address) {
        return new BlacklistMessage(fromController(), address);
    }

    static UnblacklistMessage unblacklist(ExecutorAddress address) {
        return new UnblacklistMessage(fromController(), address);
    }

    private static MessageHeader fromController() {
        return MessageHeader.request(NodeType.CONTROLLER);
    }
}
