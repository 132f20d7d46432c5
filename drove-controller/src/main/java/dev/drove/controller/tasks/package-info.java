/**
 * Tasks: one-shot containers run for an application (docs: tasks/index.md, operations.md, specification.md;
 * apis/task.md).
 *
 * <p>Vocabulary: a <b>task</b> is addressed by {@code {sourceAppName, taskId}}; its cluster-wide id is
 * {@code sourceAppName-taskId}, which is also its placement group. A <b>run</b> is the one
 * {@link dev.drove.models.taskinstance.TaskInfo} a task ever has ({@code TI-} instance id): tasks are never restarted,
 * moved or retried. A run is <b>finished</b> once its container has run its course (RUN_COMPLETED and after), and
 * <b>terminal</b> when STOPPED or LOST. The <b>lifecycle table</b> ({@code TaskLifecycle}) says which moves a stored
 * run may make; executor reports that would move it back are dropped.
 *
 * <pre>
 * POST /apis/v1/tasks/operations ─▶ TaskResource (ContractReader: 400 with every error) ─▶ TaskEngine
 *   CREATE ─▶ exists? 409 ─▶ CONTROLLER_HTTP_FETCH configs inlined ─▶ Scheduler.place (nothing fits: 400)
 *          ─▶ PENDING stored ─▶ {taskId: "APP-T1"}
 *          └─▶ background: START_TASK (refused: STOPPED, undelivered: LOST)
 *   KILL   ─▶ unknown 404, finished or busy 409 ─▶ {taskId: "T1"}
 *          └─▶ background: STOP_TASK, wait for STOPPED at most the op spec's timeout
 * executor ─TASK_STATE_REPORT─▶ ReportIntake ─▶ TaskEngine.report ─▶ TaskRecords (never back) ─▶ TaskStore
 * executor gone past the grace period ─▶ TaskRecovery: its unfinished runs LOST
 * leadership acquired ─▶ TaskRecovery: listed runs adopted; after the grace, runs on unseen executors LOST
 * every staleCheckInterval ─▶ StaleTaskCleaner: STOPPED/LOST runs older than staleTaskAge deleted
 * </pre>
 */
package dev.drove.controller.tasks;
