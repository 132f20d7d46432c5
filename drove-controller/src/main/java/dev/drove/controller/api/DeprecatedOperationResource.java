package dev.drove.controller.api;

import dev.drove.controller.auth.Roles;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.OperationAccepted;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /apis/v1/operations}: the deprecated aliases of {@code /apis/v1/applications/operations[/{appId}/cancel]},
 * kept because the docs' own curl samples still use them. They behave exactly like the new paths.
 */
@Path("/apis/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public final class DeprecatedOperationResource {
    private final ApplicationCommands commands;

    @Inject
    DeprecatedOperationResource(ApplicationCommands commands) {
        this.commands = commands;
    }

    @POST
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<OperationAccepted> submit(String body) {
        return ApiResponse.success(commands.submit(body));
    }

    @POST
    @Path("/{appId}/cancel")
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<Void> cancel(@PathParam("appId") String appId) {
        commands.cancel(appId);
        return ApiResponse.success(null);
    }
}
