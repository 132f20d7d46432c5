/**
 * Task instances: one run of a task.
 *
 * <pre>
 * TaskInfo{sourceAppName, taskId, instanceId, executorId, state, taskResult{status, exitCode}, ...}
 * TaskState: PENDING -> PROVISIONING -> STARTING -> RUNNING -> RUN_COMPLETED -> DEPROVISIONING -> STOPPED
 *            (PROVISIONING_FAILED, RUN_FAILED on the way; LOST when the executor vanishes)
 * </pre>
 */
package dev.drove.models.taskinstance;
