/**
 * The messages controllers and executors send each other over {@code POST /apis/v1/messages} (contract §4).
 *
 * <p>Vocabulary:
 * <ul>
 *   <li>{@link dev.drove.common.messages.Message}: a {@link dev.drove.common.messages.MessageHeader} (id, sender
 *       type, REQUEST/REPLY, replyToId, time) plus a {@code type} and the type's fields.</li>
 *   <li>{@link dev.drove.common.messages.ExecutorMessage}: leader → executor, addressed by an
 *       {@link dev.drove.common.messages.ExecutorAddress}: START_/STOP_INSTANCE, START_/STOP_TASK,
 *       START_/STOP_LOCAL_SERVICE_INSTANCE, BLACKLIST, UNBLACKLIST.</li>
 *   <li>{@link dev.drove.common.messages.ControllerMessage}: executor → leader: INSTANCE_/TASK_/
 *       LOCAL_SERVICE_INSTANCE_STATE_REPORT (with the executor's resources), EXECUTOR_SNAPSHOT.</li>
 *   <li>{@link dev.drove.common.messages.InstanceSpec}: what to run in one container, with the resources the
 *       controller pinned and the instance's auth token: application, local service or task.</li>
 *   <li>{@link dev.drove.common.messages.MessageResponse}: HANDLED, ACCEPTED, REJECTED or FAILED.</li>
 * </ul>
 *
 * <pre>
 * controller: ExecutorMessage.startInstance(address, spec) -> MessageSender.send -> POST executor/apis/v1/messages
 * executor:   [ClusterAuthFilter] -> handler -> MessageResponse.accepted(message)
 *             ... state changes -> ControllerMessage.instanceStateReport(snapshot, info) -> POST leader/...
 * sender:     no answer / non-200 -> MessageResponse FAILED (the caller decides whether to retry)
 * </pre>
 */
package dev.drove.common.messages;
