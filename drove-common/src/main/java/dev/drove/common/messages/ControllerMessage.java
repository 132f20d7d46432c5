package dev.drove.common.messages;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.taskinstance.TaskInfo;

/**
 * What an executor tells the leader controller (contract §4, executor → controller): a state report on every state
 * change of an instance, task or local service instance, each with the executor's resources at that moment, and its
 * whole snapshot. The static factories fill a fresh EXECUTOR request header.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = InstanceStateReportMessage.class, name = "INSTANCE_STATE_REPORT"),
        @JsonSubTypes.Type(value = TaskStateReportMessage.class, name = "TASK_STATE_REPORT"),
        @JsonSubTypes.Type(value = LocalServiceInstanceStateReportMessage.class,
                name = "LOCAL_SERVICE_INSTANCE_STATE_REPORT"),
        @JsonSubTypes.Type(value = ExecutorSnapshotMessage.class, name = "EXECUTOR_SNAPSHOT")})
public sealed interface ControllerMessage extends Message
        permits InstanceStateReportMessage, TaskStateReportMessage, LocalServiceInstanceStateReportMessage,
        ExecutorSnapshotMessage {

    @JsonProperty("type")
    ControllerMessageType type();

    @Override
    @JsonIgnore
    default NodeType recipientType() {
        return NodeType.CONTROLLER;
    }

    static InstanceStateReportMessage instanceStateReport(ExecutorResourceSnapshot resourceSnapshot,
                                                          InstanceInfo instanceInfo) {
        return new InstanceStateReportMessage(fromExecutor(), resourceSnapshot, instanceInfo);
    }

    static TaskStateReportMessage taskStateReport(ExecutorResourceSnapshot resourceSnapshot, TaskInfo instanceInfo) {
        return new TaskStateReportMessage(fromExecutor(), resourceSnapshot, instanceInfo);
    }

    static LocalServiceInstanceStateReportMessage localServiceInstanceStateReport(
            ExecutorResourceSnapshot resourceSnapshot, LocalServiceInstanceInfo instanceInfo) {
        return new LocalServiceInstanceStateReportMessage(fromExecutor(), resourceSnapshot, instanceInfo);
    }

    static ExecutorSnapshotMessage executorSnapshot(ExecutorNodeData nodeData) {
        return new ExecutorSnapshotMessage(fromExecutor(), nodeData);
    }

    private static MessageHeader fromExecutor() {
        return MessageHeader.request(NodeType.EXECUTOR);
    }
}
