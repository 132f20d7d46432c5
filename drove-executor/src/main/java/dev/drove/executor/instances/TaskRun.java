package dev.drove.executor.instances;

import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.executor.logs.InstanceLogId;
import dev.drove.models.application.JobType;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskResult;
import dev.drove.models.taskinstance.TaskState;

import java.util.Date;
import java.util.Map;

/** One run of a task: a container that runs until it exits or is stopped, then reports its {@link TaskResult}. */
final class TaskRun extends TrackedInstance<TaskState> {
    private final TaskInstanceSpec spec;
    private volatile TaskResult result;

    TaskRun(TaskInstanceSpec spec, ExecutorIdentity executor, TaskState initial, Date created, boolean recovered) {
        super(spec, executor, initial, created, recovered);
        this.spec = spec;
    }

    @Override
    TaskInstanceSpec spec() {
        return spec;
    }

    TaskResult result() {
        return result;
    }

    /** Records how the run ended; reported from RUN_COMPLETED on. */
    void result(TaskResult outcome) {
        result = outcome;
    }

    @Override
    String describe() {
        return "Task instance " + instanceId() + " of " + spec.sourceAppName() + "/" + spec.taskId();
    }

    @Override
    JobType jobType() {
        return JobType.COMPUTATION;
    }

    @Override
    String containerName() {
        return instanceId();
    }

    @Override
    InstanceLogId logId() {
        return new InstanceLogId(spec.sourceAppName(), spec.taskId());
    }

    @Override
    void report(InstanceListener listener) {
        listener.taskChanged(taskInfo());
    }

    @Override
    Object info() {
        return taskInfo();
    }

    synchronized TaskInfo taskInfo() {
        return new TaskInfo(spec.sourceAppName(), spec.taskId(), instanceId(), executor().executorId(),
                executor().hostname(), spec.executable(), spec.resources(), spec.volumes(), spec.loggingSpec(),
                spec.env(), state(), Map.of(), result, errorMessage(), created(), updated());
    }
}
