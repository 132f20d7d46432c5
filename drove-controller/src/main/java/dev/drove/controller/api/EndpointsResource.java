package dev.drove.controller.api;

import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.ExposedAppInfo;
import dev.drove.models.api.ExposedAppInfo.ExposedHost;
import dev.drove.models.application.ApplicationInfo;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code /apis/v1/endpoints} (docs: apis/application.md "Application Endpoints", cluster/setup/gateway.md): where the
 * gateway routes each virtual host. An application is listed when its spec has an {@code exposureSpec} and at least
 * one instance is HEALTHY; each such instance is a host: its executor's hostname and the host port bound to the
 * exposure's port name. Ordered by appId, hosts oldest instance first.
 */
@Path("/apis/v1/endpoints")
@Produces(MediaType.APPLICATION_JSON)
public final class EndpointsResource {
    private static final Set<InstanceState> HEALTHY = Set.of(InstanceState.HEALTHY);

    private final ApplicationStore applications;
    private final InstanceStore instances;

    @Inject
    EndpointsResource(ApplicationStore applications, InstanceStore instances) {
        this.applications = applications;
        this.instances = instances;
    }

    /** Every exposed application, or only those whose name is one of the {@code app} parameters (repeatable). */
    @GET
    public ApiResponse<List<ExposedAppInfo>> endpoints(@QueryParam("app") List<String> appNames) {
        Predicate<ApplicationInfo> wanted = appNames == null || appNames.isEmpty()
                ? app -> true : app -> appNames.contains(app.spec().name());
        return ApiResponse.success(exposed(wanted));
    }

    /** The exposed versions of one application name; empty when none is exposed with a healthy instance. */
    @GET
    @Path("/app/{appName}")
    public ApiResponse<List<ExposedAppInfo>> endpoints(@PathParam("appName") String appName) {
        return ApiResponse.success(exposed(app -> appName.equals(app.spec().name())));
    }

    private List<ExposedAppInfo> exposed(Predicate<ApplicationInfo> wanted) {
        return applications.all().stream()
                .filter(app -> app.spec().exposureSpec() != null)
                .filter(wanted)
                .map(this::exposure)
                .flatMap(Optional::stream)
                .toList();
    }

    private Optional<ExposedAppInfo> exposure(ApplicationInfo app) {
        var spec = app.spec();
        var portName = spec.exposureSpec().portName();
        var hosts = instances.instances(app.appId(), HEALTHY).stream()
                .map(instance -> host(instance, portName))
                .filter(Objects::nonNull)
                .toList();
        return hosts.isEmpty() ? Optional.empty()
                : Optional.of(new ExposedAppInfo(spec.name(), app.appId(), spec.exposureSpec().vhost(), spec.tags(),
                        hosts));
    }

    private static ExposedHost host(InstanceInfo instance, String portName) {
        var local = instance.localInfo();
        var port = local == null ? null : local.ports().get(portName);
        return port == null ? null : new ExposedHost(local.hostname(), port.hostPort(), port.portType());
    }
}
