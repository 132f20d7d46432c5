package dev.drove.controller.api;

import dev.drove.controller.leadership.LeaderElection;
import dev.drove.models.api.ApiResponse;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /apis/v1/ping} (docs: apis/cluster.md): 200 {@code "pong"} on the leader only, so clients and the
 * gateway find the leader by it; any other controller answers 400 "This node is not the leader controller". It is
 * the one call a follower never forwards.
 */
@Path("/apis/v1/ping")
@Produces(MediaType.APPLICATION_JSON)
public final class PingResource {
    private final LeaderElection election;

    @Inject
    PingResource(LeaderElection election) {
        this.election = election;
    }

    @GET
    public Response ping() {
        return election.isLeader()
                ? Response.ok(ApiResponse.success("pong")).build()
                : Response.status(Response.Status.BAD_REQUEST).entity(ApiResponse.notLeader()).build();
    }
}
