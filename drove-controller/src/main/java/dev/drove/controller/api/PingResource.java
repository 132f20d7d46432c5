package dev.drove.controller.api;

import dev.drove.controller.auth.Roles;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.models.api.ApiResponse;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /apis/v1/ping} (docs: apis/cluster.md): 200 {@code "pong"} on the leader only, so clients and the
 * gateway find the leader by it; any other controller answers 400 "This node is not the leader controller". It is
 * the one call a follower never forwards. Instances may call it with their token too: Drove's client library finds
 * the leader by pinging with the same headers it then uses for {@code /apis/v1/internal/instances}.
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
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public Response ping() {
        return election.isLeader()
                ? Response.ok(ApiResponse.success("pong")).build()
                : Response.status(Response.Status.BAD_REQUEST).entity(ApiResponse.notLeader()).build();
    }
}
