package dev.drove.controller.auth;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceState;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code GET /apis/v1/internal/instances?state=&forApp=} (contract Appendix A, INST): what Drove's service-discovery
 * clients call with their {@code App-Instance-Authorization} token to find their peers. It answers the instances of
 * the caller's own application (or local service) in the given states, HEALTHY by default, oldest first. {@code forApp}
 * may name the caller's own app (by name or id); any other app is refused (403). Users cannot call it.
 */
@Path("/apis/v1/internal/instances")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INSTANCE)
public final class SiblingInstancesResource {
    private final InstanceStore instances;
    private final LocalServiceInstanceStore serviceInstances;

    @Inject
    SiblingInstancesResource(InstanceStore instances, LocalServiceInstanceStore serviceInstances) {
        this.instances = instances;
        this.serviceInstances = serviceInstances;
    }

    /** {@code data} is a list of InstanceInfo, or of LocalServiceInstanceInfo for a local service's instance. */
    @GET
    public ApiResponse<List<Object>> siblings(@Context SecurityContext security,
                                              @QueryParam("state") List<String> states,
                                              @QueryParam("forApp") String forApp) {
        var caller = InstanceCaller.of(security).orElseThrow(() -> new ApiException(Response.Status.FORBIDDEN,
                "Only instances may call this, with their " + ApiAuthFilter.INSTANCE_AUTHORIZATION + " token"));
        if (forApp != null && !forApp.isBlank() && !forApp.equals(caller.ownerId())
                && !forApp.equals(caller.ownerName())) {
            throw new ApiException(Response.Status.FORBIDDEN, caller.describe() + " may list only its own "
                    + "instances, not those of " + forApp);
        }
        if (caller.kind() == InstanceCaller.Kind.APPLICATION) {
            var wanted = parse(states, InstanceState.class, EnumSet.of(InstanceState.HEALTHY));
            return ApiResponse.success(List.copyOf(instances.instances(caller.ownerId(), wanted)));
        }
        var wanted = parse(states, LocalServiceInstanceState.class, EnumSet.of(LocalServiceInstanceState.HEALTHY));
        return ApiResponse.success(List.copyOf(serviceInstances.instances(caller.ownerId(), wanted)));
    }

    private static <S extends Enum<S>> Set<S> parse(List<String> names, Class<S> type, Set<S> absent) {
        if (names == null || names.isEmpty()) {
            return absent;
        }
        var states = EnumSet.noneOf(type);
        var errors = new ArrayList<String>();
        for (var name : names) {
            try {
                states.add(Enum.valueOf(type, name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("query param state '%s' is not one of %s"
                        .formatted(name, Arrays.toString(type.getEnumConstants())));
            }
        }
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return states;
    }
}
