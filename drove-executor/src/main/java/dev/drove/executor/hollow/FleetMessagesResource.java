package dev.drove.executor.hollow;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.models.info.nodedata.NodeType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/**
 * {@code POST /apis/v1/messages} for a whole fleet: the message goes to the hollow executor that owns the port it came
 * in on, whose real {@code ExecutorMessagesResource} answers it. Only the controller may call it, as on a real
 * executor (the same {@link ClusterNodeOnly} rule and filter).
 */
@Path("/apis/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.CONTROLLER)
public final class FleetMessagesResource {
    private final Map<Integer, HollowExecutor> byPort;

    FleetMessagesResource(Map<Integer, HollowExecutor> byPort) {
        this.byPort = Map.copyOf(byPort);
    }

    @POST
    public MessageResponse receive(@Context HttpServletRequest request, ExecutorMessage message) {
        var executor = byPort.get(request.getLocalPort());
        if (executor == null) {
            throw new NotFoundException("No hollow executor listens on port " + request.getLocalPort());
        }
        return executor.receive(message);
    }
}
