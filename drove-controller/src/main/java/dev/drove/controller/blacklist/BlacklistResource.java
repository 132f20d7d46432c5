package dev.drove.controller.blacklist;

import dev.drove.common.errors.ApiException;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.BlacklistOperationResponse;
import dev.drove.models.cluster.ClusterState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * Executor blacklisting under {@code /apis/v1/cluster/executors} (docs: apis/cluster.md "Take executor out of
 * rotation", cluster/maintenance.md; contract Appendix A): the bulk forms take the executors as repeated query
 * parameters {@code ?id=..&id=..}, the per-id forms one in the path. Every form answers a
 * {@link BlacklistOperationResponse}: the ids acted on in {@code successful}, unknown ones in {@code failed}. Only
 * maintenance users may call them, and they are refused while the cluster is in maintenance mode.
 *
 * <p>The class shares its root path with the cluster resource, so Jersey serves both under one resource.
 */
@Path("/apis/v1/cluster")
@Produces(MediaType.APPLICATION_JSON)
public final class BlacklistResource {
    private final Blacklisting blacklisting;
    private final ClusterStateStore clusterState;

    @Inject
    BlacklistResource(Blacklisting blacklisting, ClusterStateStore clusterState) {
        this.blacklisting = blacklisting;
        this.clusterState = clusterState;
    }

    @POST
    @Path("/executors/blacklist")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<BlacklistOperationResponse> blacklist(@QueryParam("id") List<String> executorIds) {
        refuseInMaintenance();
        return ApiResponse.success(blacklisting.blacklist(require(executorIds)));
    }

    @POST
    @Path("/executors/{executorId}/blacklist")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<BlacklistOperationResponse> blacklistOne(@PathParam("executorId") String executorId) {
        refuseInMaintenance();
        return ApiResponse.success(blacklisting.blacklist(List.of(executorId)));
    }

    @POST
    @Path("/executors/unblacklist")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<BlacklistOperationResponse> unblacklist(@QueryParam("id") List<String> executorIds) {
        refuseInMaintenance();
        return ApiResponse.success(blacklisting.unblacklist(require(executorIds)));
    }

    @POST
    @Path("/executors/{executorId}/unblacklist")
    @RolesAllowed(Roles.MAINTENANCE)
    public ApiResponse<BlacklistOperationResponse> unblacklistOne(@PathParam("executorId") String executorId) {
        refuseInMaintenance();
        return ApiResponse.success(blacklisting.unblacklist(List.of(executorId)));
    }

    /** The ids given, blank ones left out; a 400 when none is left. */
    private static List<String> require(List<String> executorIds) {
        var ids = executorIds == null ? List.<String>of()
                : executorIds.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).toList();
        if (ids.isEmpty()) {
            throw ApiException.badRequest("Name the executors as query parameters: ?id=<executorId>&id=...");
        }
        return ids;
    }

    /** Maintenance mode freezes the cluster: (un)blacklisting is refused (contract Appendix A). */
    private void refuseInMaintenance() {
        if (clusterState.state() == ClusterState.MAINTENANCE) {
            throw ApiException.badRequest("Cluster is in maintenance mode; blacklisting and unblacklisting are "
                    + "refused until POST /apis/v1/cluster/maintenance/unset");
        }
    }
}
