package dev.drove.controller.statestore;

import dev.drove.common.zookeeper.ZkJsonStore;
import dev.drove.common.zookeeper.ZkPaths;
import dev.drove.models.taskinstance.TaskInfo;
import org.apache.curator.framework.CuratorFramework;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Tasks in ZooKeeper, {@code /tasks/{sourceAppName}/{taskId}}, read on every call. Not cached: the leader reads a
 * task by id, and each run has one state machine that holds its latest info.
 */
public final class ZkTaskStore implements TaskStore {
    private final ZkDocumentGroups<TaskInfo> tasks;

    /** @param curator a started client; its namespace applies */
    public ZkTaskStore(CuratorFramework curator) {
        this.tasks = new ZkDocumentGroups<>(new ZkJsonStore(curator), ZkPaths.TASKS, TaskInfo.class);
    }

    @Override
    public void save(TaskInfo task) {
        tasks.save(task.sourceAppName(), task.taskId(), task);
    }

    @Override
    public Optional<TaskInfo> find(String sourceAppName, String taskId) {
        return tasks.find(sourceAppName, taskId);
    }

    @Override
    public List<TaskInfo> tasks(String sourceAppName) {
        return tasks.group(sourceAppName);
    }

    @Override
    public List<TaskInfo> all() {
        return tasks.all().values().stream().flatMap(Collection::stream).toList();
    }

    @Override
    public void delete(String sourceAppName, String taskId) {
        tasks.delete(sourceAppName, taskId);
    }
}
