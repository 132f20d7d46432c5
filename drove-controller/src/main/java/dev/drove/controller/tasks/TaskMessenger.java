package dev.drove.controller.tasks;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.controller.cluster.Delivery;
import dev.drove.controller.cluster.ExecutorMessenger;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends START_TASK and STOP_TASK to executors with {@link ExecutorMessenger}'s delivery rules: an undelivered message
 * (FAILED, or the executor not known yet) is resent every {@code retryInterval} until {@code retryFor} has passed;
 * REJECTED is final and carries the executor's reason.
 */
final class TaskMessenger {
    private final ExecutorMessenger messenger;

    /**
     * @param sender    delivers one message once ({@code MessageSender::send})
     * @param addresses where an executor listens, by executor id ({@code ExecutorTracker::address})
     */
    TaskMessenger(Function<ExecutorMessage, MessageResponse> sender,
                  Function<String, Optional<ExecutorAddress>> addresses, Duration retryInterval, Duration retryFor) {
        this.messenger = new ExecutorMessenger(sender, addresses, retryInterval, retryFor);
    }

    /** Asks executor {@code executorId} to run {@code spec}; progress comes back as TASK_STATE_REPORTs. */
    Delivery startTask(String executorId, TaskInstanceSpec spec) throws InterruptedException {
        return messenger.deliver(executorId, "START_TASK " + spec.instanceId(),
                address -> ExecutorMessage.startTask(address, spec));
    }

    /** Asks executor {@code executorId} to stop the task run {@code instanceId}. */
    Delivery stopTask(String executorId, String instanceId) throws InterruptedException {
        return messenger.deliver(executorId, "STOP_TASK " + instanceId,
                address -> ExecutorMessage.stopTask(address, instanceId));
    }
}
