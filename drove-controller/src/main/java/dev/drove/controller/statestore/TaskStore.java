package dev.drove.controller.statestore;

import dev.drove.models.taskinstance.TaskInfo;

import java.util.List;
import java.util.Optional;

/**
 * Task runs: {@link TaskInfo} at {@code /tasks/{sourceAppName}/{taskId}}. A task id is unique within its source
 * application; reads never throw for a missing one.
 */
public interface TaskStore {

    /** Creates or replaces the task's info. */
    void save(TaskInfo task);

    Optional<TaskInfo> find(String sourceAppName, String taskId);

    /** The tasks of one source application, ordered by taskId. */
    List<TaskInfo> tasks(String sourceAppName);

    /** Every task, ordered by source application, then taskId. */
    List<TaskInfo> all();

    /** Removes one task; nothing happens when it is not there. */
    void delete(String sourceAppName, String taskId);
}
