package dev.drove.executor.instances;

import dev.drove.models.taskinstance.TaskState;

/** A step of the task instance machine; bound per state with a Guice MapBinder. */
interface TaskStep extends Step<TaskState, TaskRun> {
}
