package dev.drove.executor.api;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.messages.BlacklistMessage;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.StartInstanceMessage;
import dev.drove.common.messages.StartLocalServiceInstanceMessage;
import dev.drove.common.messages.StartTaskMessage;
import dev.drove.common.messages.StopInstanceMessage;
import dev.drove.common.messages.StopLocalServiceInstanceMessage;
import dev.drove.common.messages.StopTaskMessage;
import dev.drove.common.messages.UnblacklistMessage;
import dev.drove.executor.cluster.ExecutorStatus;
import dev.drove.executor.cluster.NodePublisher;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.instances.StartRefusedException;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /apis/v1/messages}: the commands the leader controller sends this executor (contract §4). Only the
 * controller may call it (cluster secret). Starts answer ACCEPTED once the instance is registered — its progress comes
 * back as state reports — or REJECTED with the reason (resources taken, duplicate id) when nothing was started.
 */
@Path("/apis/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.CONTROLLER)
public final class ExecutorMessagesResource {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMessagesResource.class);

    private final Instances instances;
    private final ExecutorStatus status;
    private final NodePublisher publisher;

    @Inject
    public ExecutorMessagesResource(Instances instances, ExecutorStatus status, NodePublisher publisher) {
        this.instances = instances;
        this.status = status;
        this.publisher = publisher;
    }

    @POST
    public MessageResponse receive(@NotNull ExecutorMessage message) {
        try {
            return handle(message);
        } catch (StartRefusedException e) {
            LOG.warn("Refused {} {}: {}", message.getClass().getSimpleName(), message.header().id(), e.getMessage());
            return MessageResponse.rejected(message, e.getMessage());
        }
    }

    private MessageResponse handle(ExecutorMessage message) throws StartRefusedException {
        if (message instanceof StartInstanceMessage start) {
            instances.startService(start.spec());
            return MessageResponse.accepted(message);
        }
        if (message instanceof StartLocalServiceInstanceMessage start) {
            instances.startService(start.spec());
            return MessageResponse.accepted(message);
        }
        if (message instanceof StartTaskMessage start) {
            instances.startTask(start.spec());
            return MessageResponse.accepted(message);
        }
        if (message instanceof StopInstanceMessage stop) {
            return stop(message, stop.instanceId());
        }
        if (message instanceof StopLocalServiceInstanceMessage stop) {
            return stop(message, stop.instanceId());
        }
        if (message instanceof StopTaskMessage stop) {
            return stop(message, stop.instanceId());
        }
        if (message instanceof BlacklistMessage) {
            return changeState(message, ExecutorState.BLACKLISTED);
        }
        if (message instanceof UnblacklistMessage) {
            return changeState(message, ExecutorState.ACTIVE);
        }
        throw new IllegalArgumentException("No handler for executor message " + message.getClass().getSimpleName());
    }

    private MessageResponse stop(ExecutorMessage message, String instanceId) {
        if (instances.stop(instanceId)) {
            return MessageResponse.accepted(message);
        }
        return MessageResponse.rejected(message, "No instance " + instanceId + " runs on this executor");
    }

    private MessageResponse changeState(ExecutorMessage message, ExecutorState state) {
        if (status.set(state)) {
            LOG.info("This executor is now {}", state);
            publisher.refresh();
        }
        return MessageResponse.handled(message);
    }
}
