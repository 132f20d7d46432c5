package dev.drove.controller.localservices;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.MessageSender;
import dev.drove.common.messages.MessageStatus;
import dev.drove.controller.cluster.Delivery;
import dev.drove.controller.cluster.ExecutorMessenger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ServiceMessenger} over the executors' {@code /apis/v1/messages}, at {@link ExecutorMessenger}'s pace: an
 * undelivered message (no answer, a non-200 status, the executor not known yet) is sent again every second for 30 s;
 * REJECTED is final. The same message is resent, so an executor can recognise a repeat by its header id.
 */
final class HttpServiceMessenger implements ServiceMessenger {
    private static final Logger log = LoggerFactory.getLogger(HttpServiceMessenger.class);

    private final MessageSender sender;
    private final Function<String, Optional<ExecutorAddress>> addresses;
    private final Duration retryInterval;
    private final Duration retryFor;

    HttpServiceMessenger(MessageSender sender, Function<String, Optional<ExecutorAddress>> addresses) {
        this.sender = sender;
        this.addresses = addresses;
        this.retryInterval = ExecutorMessenger.DEFAULT_RETRY_INTERVAL;
        this.retryFor = ExecutorMessenger.DEFAULT_RETRY_FOR;
    }

    @Override
    public Delivery start(String executorId, LocalServiceInstanceSpec spec) throws InterruptedException {
        return deliver(executorId, "START_LOCAL_SERVICE_INSTANCE " + spec.instanceId(),
                address -> ExecutorMessage.startLocalServiceInstance(address, spec));
    }

    @Override
    public Delivery stop(String executorId, String instanceId) throws InterruptedException {
        return deliver(executorId, "STOP_LOCAL_SERVICE_INSTANCE " + instanceId,
                address -> ExecutorMessage.stopLocalServiceInstance(address, instanceId));
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
                var answer = sender.send(message);
                if (answer.status() != MessageStatus.FAILED) {
                    if (answer.status() == MessageStatus.REJECTED) {
                        log.warn("Executor {} refused {}: {}", executorId, what, answer.message());
                    }
                    return new Delivery(answer.status(), answer.message());
                }
                failure = answer.message();
            }
            if (System.nanoTime() + retryInterval.toNanos() > deadline) {
                log.warn("Gave up sending {} to executor {} after {} attempts: {}", what, executorId, attempts,
                        failure);
                return new Delivery(MessageStatus.FAILED, "Could not deliver " + what + " to executor "
                        + executorId + " in " + attempts + " attempts: " + failure);
            }
            Thread.sleep(retryInterval.toMillis());
        }
    }
}
