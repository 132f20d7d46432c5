package dev.drove.controller.cluster;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * Sends messages to executors (contract §4): START_INSTANCE and STOP_INSTANCE itself, and through {@link #deliver}
 * those of tasks and local services. An undelivered message (FAILED: no answer, a
 * non-200 status, or the executor not known yet) is sent again every {@code retryInterval} until {@code retryFor}
 * has passed (the original: 1 s apart, up to 30 s); the same message is resent, so an executor can recognise a
 * repeat by its header id. A REJECTED answer is final and comes back with the executor's reason.
 */
public final class ExecutorMessenger {
    /** The original's retry pace. */
    public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_FOR = Duration.ofSeconds(30);
    private static final Logger log = LoggerFactory.getLogger(ExecutorMessenger.class);

    private final Function<ExecutorMessage, MessageResponse> sender;
    private final Function<String, Optional<ExecutorAddress>> addresses;
    private final Duration retryInterval;
    private final Duration retryFor;

    /** @param addresses where an executor listens, by executor id ({@link ExecutorTracker#address}) */
    public ExecutorMessenger(MessageSender sender, Function<String, Optional<ExecutorAddress>> addresses,
                             Duration retryInterval, Duration retryFor) {
        this(sender::send, addresses, retryInterval, retryFor);
    }

    /**
     * @param sender    delivers one message once ({@code MessageSender::send})
     * @param addresses where an executor listens, by executor id ({@link ExecutorTracker#address})
     */
    public ExecutorMessenger(Function<ExecutorMessage, MessageResponse> sender,
                             Function<String, Optional<ExecutorAddress>> addresses, Duration retryInterval,
                             Duration retryFor) {
        this.sender = sender;
        this.addresses = addresses;
        this.retryInterval = retryInterval;
        this.retryFor = retryFor;
    }

    /** Asks executor {@code executorId} to start {@code spec}; progress comes back as state reports. */
    public Delivery startInstance(String executorId, ApplicationInstanceSpec spec) throws InterruptedException {
        return deliver(executorId, "START_INSTANCE " + spec.instanceId(),
                address -> ExecutorMessage.startInstance(address, spec));
    }

    /** Asks executor {@code executorId} to stop instance {@code instanceId}. */
    public Delivery stopInstance(String executorId, String instanceId) throws InterruptedException {
        return deliver(executorId, "STOP_INSTANCE " + instanceId,
                address -> ExecutorMessage.stopInstance(address, instanceId));
    }

    /**
     * Delivers the message {@code build} makes for the executor's current address, resending it as the class says.
     *
     * @param what the message as a log line names it, such as {@code "START_TASK TI-1"}
     */
    public Delivery deliver(String executorId, String what, Function<ExecutorAddress, ExecutorMessage> build)
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
