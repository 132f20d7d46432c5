package dev.drove.controller.statestore;

import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.models.taskinstance.TaskInfo;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The leader's tasks: loaded from the store once on leadership, then read from memory and written through (see
 * {@link WriteThroughCache}), one entry per source application holding its tasks by id, so the cluster summary counts
 * running tasks without a ZooKeeper read. Not leading, it reads and writes the store directly.
 */
public final class CachingTaskStore implements TaskStore, LeadershipListener {
    private static final Comparator<TaskInfo> BY_ID = Comparator.comparing(TaskInfo::taskId);

    private final TaskStore store;
    private final WriteThroughCache<Map<String, TaskInfo>> groups;

    /** @param store where tasks live */
    public CachingTaskStore(TaskStore store) {
        this.store = store;
        this.groups = new WriteThroughCache<>(this::load);
    }

    @Override
    public void save(TaskInfo task) {
        groups.writeDocument(task.sourceAppName(), task.taskId(), () -> store.save(task),
                old -> CachingGroupedStore.with(old, task.taskId(), task));
    }

    @Override
    public Optional<TaskInfo> find(String sourceAppName, String taskId) {
        return groups.read(copy -> CachingGroupedStore.document(copy, sourceAppName, taskId),
                () -> store.find(sourceAppName, taskId));
    }

    @Override
    public List<TaskInfo> tasks(String sourceAppName) {
        return groups.read(copy -> CachingGroupedStore.group(copy, sourceAppName, BY_ID),
                () -> store.tasks(sourceAppName));
    }

    @Override
    public List<TaskInfo> all() {
        return groups.read(copy -> copy.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .flatMap(group -> group.getValue().values().stream().sorted(BY_ID))
                        .toList(),
                store::all);
    }

    @Override
    public void delete(String sourceAppName, String taskId) {
        groups.writeDocument(sourceAppName, taskId, () -> store.delete(sourceAppName, taskId),
                old -> CachingGroupedStore.with(old, taskId, null));
    }

    @Override
    public void leadershipAcquired() {
        groups.activate();
    }

    @Override
    public void leadershipLost() {
        groups.deactivate();
    }

    private Map<String, Map<String, TaskInfo>> load() {
        var copy = new HashMap<String, Map<String, TaskInfo>>();
        store.all().stream()
                .collect(Collectors.groupingBy(TaskInfo::sourceAppName))
                .forEach((group, tasks) -> copy.put(group, WriteThroughCache.byId(tasks, TaskInfo::taskId)));
        return copy;
    }
}
