package dev.drove.models.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Date;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in the cluster: its {@code type}, a unique {@code id}, when it happened ({@code time},
 * epoch millis) and {@code metadata} keyed by the tags of its family.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type",
        visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = AppStateChangeEvent.class, name = "APP_STATE_CHANGE"),
        @JsonSubTypes.Type(value = InstanceStateChangeEvent.class, name = "INSTANCE_STATE_CHANGE"),
        @JsonSubTypes.Type(value = TaskStateChangeEvent.class, name = "TASK_STATE_CHANGE"),
        @JsonSubTypes.Type(value = LocalServiceStateChangeEvent.class, name = "LOCAL_SERVICE_STATE_CHANGE"),
        @JsonSubTypes.Type(value = LocalServiceInstanceStateChangeEvent.class,
                name = "LOCAL_SERVICE_INSTANCE_STATE_CHANGE"),
        @JsonSubTypes.Type(value = ExecutorEvent.class, names = {"EXECUTOR_ADDED", "EXECUTOR_REMOVED",
                "EXECUTOR_BLACKLIST_REQUESTED", "EXECUTOR_BLACKLISTED", "EXECUTOR_UN_BLACKLISTED"}),
        @JsonSubTypes.Type(value = ClusterEvent.class, names = {"MAINTENANCE_MODE_SET", "MAINTENANCE_MODE_REMOVED",
                "LEADERSHIP_ACQUIRED", "LEADERSHIP_LOST"})})
public sealed interface DroveEvent permits AppStateChangeEvent, InstanceStateChangeEvent, TaskStateChangeEvent,
        LocalServiceStateChangeEvent, LocalServiceInstanceStateChangeEvent, ExecutorEvent, ClusterEvent {
    DroveEventType type();

    UUID id();

    Date time();

    Map<? extends Enum<?>, Object> metadata();
}
