package dev.drove.controller.console;

import dev.drove.models.api.ApiResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /apis/v1/ui/session}: the console's "who am I". With user auth off every caller is root; with it on the
 * answer reflects the roles the auth filter put in the security context. It decides only which buttons the console
 * draws: every write is checked again by the API it calls. On a follower the call is forwarded to the leader with
 * the caller's credentials, like every other {@code /apis/v1} call.
 */
@Path("/apis/v1/ui/session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {
    private final boolean authEnabled;

    SessionResource(boolean authEnabled) {
        this.authEnabled = authEnabled;
    }

    @GET
    public ApiResponse<ConsoleSession> session(@Context SecurityContext security) {
        return ApiResponse.success(authEnabled ? ConsoleSession.of(security) : ConsoleSession.root());
    }
}
