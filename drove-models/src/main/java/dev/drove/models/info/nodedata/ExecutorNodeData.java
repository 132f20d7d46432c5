package dev.drove.models.info.nodedata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceInfo;

import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An executor's entry: where it listens, its resources ({@code state}), everything running on it and whether it takes
 * new work ({@code GET /apis/v1/cluster/executors/{id}}, docs: apis/cluster.md).
 *
 * <p>{@code tasks} holds the TaskInfo documents of the tasks on the executor as JSON trees; the lead switches the
 * element type to TaskInfo once that type is in this module. The docs' sample carries {@code "blacklisted"} and no
 * {@code executorState}: both are read, {@code executorState} wins when both are given, and {@code "blacklisted"} is
 * always written, derived from {@code executorState} (an executor without either is ACTIVE).
 */
public record ExecutorNodeData(String hostname,
                               int port,
                               NodeTransportType transportType,
                               Date updated,
                               ExecutorResourceSnapshot state,
                               List<InstanceInfo> instances,
                               List<TaskInfo> tasks,
                               List<LocalServiceInstanceInfo> serviceInstances,
                               Set<String> tags,
                               Map<String, String> metadata,
                               ExecutorState executorState) implements NodeData {
    public ExecutorNodeData {
        instances = instances == null ? List.of() : List.copyOf(instances);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        serviceInstances = serviceInstances == null ? List.of() : List.copyOf(serviceInstances);
        tags = tags == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(tags));
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        executorState = executorState == null ? ExecutorState.ACTIVE : executorState;
    }

    /** Reads both the current shape and the docs' older one, which has {@code "blacklisted"} instead of a state. */
    @JsonCreator
    static ExecutorNodeData fromJson(@JsonProperty("hostname") String hostname,
                                     @JsonProperty("port") int port,
                                     @JsonProperty("transportType") NodeTransportType transportType,
                                     @JsonProperty("updated") Date updated,
                                     @JsonProperty("state") ExecutorResourceSnapshot state,
                                     @JsonProperty("instances") List<InstanceInfo> instances,
                                     @JsonProperty("tasks") List<TaskInfo> tasks,
                                     @JsonProperty("serviceInstances") List<LocalServiceInstanceInfo> serviceInstances,
                                     @JsonProperty("tags") Set<String> tags,
                                     @JsonProperty("metadata") Map<String, String> metadata,
                                     @JsonProperty("executorState") ExecutorState executorState,
                                     @JsonProperty("blacklisted") Boolean blacklisted) {
        var effective = executorState != null || blacklisted == null
                ? executorState
                : blacklisted ? ExecutorState.BLACKLISTED : ExecutorState.ACTIVE;
        return new ExecutorNodeData(hostname, port, transportType, updated, state, instances, tasks, serviceInstances,
                tags, metadata, effective);
    }

    @Override
    public NodeType type() {
        return NodeType.EXECUTOR;
    }

    /** Whether the executor is, or is being taken, out of rotation. Written as {@code "blacklisted"}. */
    @JsonProperty("blacklisted")
    public boolean isBlacklisted() {
        return executorState.isBlacklisted();
    }
}
