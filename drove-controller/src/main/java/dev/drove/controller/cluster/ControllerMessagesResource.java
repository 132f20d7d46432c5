package dev.drove.controller.cluster;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.models.info.nodedata.NodeType;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code POST /apis/v1/messages}: state reports and snapshots from executors (contract §4, Appendix A "NODE"). Only
 * executors may call it (their cluster secret, checked by {@code ClusterAuthFilter} through {@link ClusterNodeOnly}),
 * which makes every message that reaches {@link ReportIntake} the proof that admits its executor to the cluster.
 * Answers HANDLED once stored, FAILED on a controller that does not lead (the executor then retries with the leader).
 */
@Path("/apis/v1/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.EXECUTOR)
public final class ControllerMessagesResource {
    private final ReportIntake intake;

    @Inject
    public ControllerMessagesResource(ReportIntake intake) {
        this.intake = intake;
    }

    @POST
    public MessageResponse receive(@NotNull ControllerMessage message) {
        return intake.handle(message);
    }
}
