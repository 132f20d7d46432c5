package dev.drove.controller.localservices;

import dev.drove.common.auth.ClusterNodeOnly;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.info.nodedata.NodeType;
import dev.drove.models.internal.LocalServiceInstanceResources;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /apis/v1/internal/cluster/resources/reserved} (contract Appendix A, NODE): what every eligible executor
 * keeps for the local services that are ACTIVE or CONFIG_TESTING. Only executors may call it (their cluster secret).
 */
@Path("/apis/v1/internal/cluster/resources/reserved")
@Produces(MediaType.APPLICATION_JSON)
@ClusterNodeOnly(from = NodeType.EXECUTOR)
public final class ReservedResourcesResource {
    private final LocalServiceEngine engine;

    @Inject
    ReservedResourcesResource(LocalServiceEngine engine) {
        this.engine = engine;
    }

    @GET
    public ApiResponse<LocalServiceInstanceResources> reserved() {
        return ApiResponse.success(engine.reserved());
    }
}
