/**
 * Tasks: containers that run to completion, started on behalf of an application.
 *
 * <pre>
 * TaskSpec{sourceAppName, taskId, executable, resources, ...}   id = sourceAppName-taskId ("TEST_APP-T0012")
 *   --run--> TaskInfo (dev.drove.models.taskinstance)
 * </pre>
 */
package dev.drove.models.task;
