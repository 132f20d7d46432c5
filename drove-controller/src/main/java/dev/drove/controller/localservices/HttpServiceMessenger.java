package dev.drove.controller.localservices;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.LocalServiceInstanceSpec;
import dev.drove.common.messages.MessageSender;
import dev.drove.controller.cluster.Delivery;
import dev.drove.controller.cluster.ExecutorMessenger;

import java.util.Optional;
import java.util.function.Function;

/**
 * {@link ServiceMessenger} over the executors' {@code /apis/v1/messages}, delivered by {@link ExecutorMessenger} at
 * its default pace: an undelivered message (no answer, a non-200 status, the executor not known yet) is sent again
 * every second for 30 s; REJECTED is final.
 */
final class HttpServiceMessenger implements ServiceMessenger {
    private final ExecutorMessenger messenger;

    HttpServiceMessenger(MessageSender sender, Function<String, Optional<ExecutorAddress>> addresses) {
        this.messenger = new ExecutorMessenger(sender, addresses, ExecutorMessenger.DEFAULT_RETRY_INTERVAL,
                ExecutorMessenger.DEFAULT_RETRY_FOR);
    }

    @Override
    public Delivery start(String executorId, LocalServiceInstanceSpec spec) throws InterruptedException {
        return messenger.deliver(executorId, "START_LOCAL_SERVICE_INSTANCE " + spec.instanceId(),
                address -> ExecutorMessage.startLocalServiceInstance(address, spec));
    }

    @Override
    public Delivery stop(String executorId, String instanceId) throws InterruptedException {
        return messenger.deliver(executorId, "STOP_LOCAL_SERVICE_INSTANCE " + instanceId,
                address -> ExecutorMessage.stopLocalServiceInstance(address, instanceId));
    }
}
