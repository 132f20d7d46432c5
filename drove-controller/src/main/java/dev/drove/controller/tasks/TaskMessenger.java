package dev.drove.controller.tasks;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageStatus;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.controller.cluster.Delivery;
import dev.drove.controller.cluster.ExecutorMessenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends START_TASK and STOP_TASK to executors with the same delivery rules as {@link ExecutorMessenger} for
 * application instances: an undelivered message (FAILED, or the executor not known yet) is resent every
 * {@code retryInterval} until {@code retryFor} has passed; REJECTED is final and carries the executor's reason.
 * (ExecutorMessenger only sends instance messages; this is its task twin until the two are merged.)
 */
final class TaskMessenger {
    private static final Logger log = LoggerFactory.getLogger(TaskMessenger.class);

    private final Function<ExecutorMessage, MessageResponse> sender;
    private final Function<String, Optional<ExecutorAddress>> addresses;
    private final Duration retryInterval;
    private final Duration retryFor;

    /**
     * @param sender    delivers one message once ({@code MessageSender::send})
     * @param addresses where an executor listens, by executor id ({@code ExecutorTracker::address})
     */
    TaskMessenger(Function<ExecutorMessage, MessageResponse> sender,
                  Function<String, Optional<ExecutorAddress>> addresses, Duration retryInterval, Duration retryFor) {
        this.sender = sender;
        this.addresses = addresses;
        this.retryInterval = retryInterval;
        this.retryFor = retryFor;
    }

    /** Asks executor {@code executorId} to run {@code spec}; progress comes back as TASK_STATE_REPORTs. */
    Delivery startTask(String executorId, TaskInstanceSpec spec) throws InterruptedException {
        return deliver(executorId, "START_TASK " + spec.instanceId(),
                address -> ExecutorMessage.startTask(address, spec));
    }

    /** Asks executor {@code executorId} to stop the task run {@code instanceId}. */
    Delivery stopTask(String executorId, String instanceId) throws InterruptedException {
        return deliver(executorId, "STOP_TASK " + instanceId, address -> ExecutorMessage.stopTask(address, instanceId));
    }

    private Delivery deliver(String executorId, String what, Function<ExecutorAddress, ExecutorMessage> build)
            throws InterruptedException {
        long deadline = System.nanoTime() + retryFor.toNanos();
        ExecutorMessage message = null;
        int attempts = 0;
        while (true) {
            attempts++;
            String failure;
            var address = addresses.apply(executorId);
            if (address.isEmpty()) {
                failure = "executor " + executorId + " is not known";
            } else {
                if (message == null || !message.address().equals(address.get())) {
                    message = build.apply(address.get());
                }
                var answer = sender.apply(message);
                if (answer.status() != MessageStatus.FAILED) {
                    if (answer.status() == MessageStatus.REJECTED) {
                        log.warn("Executor {} refused {}: {}", executorId, what, answer.message());
                    }
                    return new Delivery(answer.status(), answer.message());
                }
                failure = answer.message();
            }
            if (System.nanoTime() + retryInterval.toNanos() > deadline) {
                log.warn("Gave up sending {} to executor {} after {} attempts in {} s: {}", what, executorId,
                        attempts, retryFor.toSeconds(), failure);
                return new Delivery(MessageStatus.FAILED, "Could not deliver " + what + " to executor " + executorId
                        + " in " + attempts + " attempts: " + failure);
            }
            Thread.sleep(retryInterval.toMillis());
        }
    }
}
