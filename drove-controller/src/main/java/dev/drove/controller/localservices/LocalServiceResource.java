package dev.drove.controller.localservices;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.specrules.HostAccessRules;
import dev.drove.controller.statestore.ClusterStateStore;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.LocalServiceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.LocalServiceSummary;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.application.requirements.ResourceRequirement;
import dev.drove.models.cluster.ClusterState;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.localservice.LocalServiceInfo;
import dev.drove.models.localservice.LocalServiceSpec;
import dev.drove.models.operation.LocalServiceCreateOperation;
import dev.drove.models.operation.LocalServiceOperation;
import dev.drove.models.validation.ContractReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /apis/v1/localservices} (contract Appendix A; CLI docs localservices.md, lsinstances.md): local services,
 * their specs and instances, operation submission and cancellation, spec validation. Envelopes and refusals are the
 * application API's: unknown ids are a 404 naming them, bad bodies and query parameters a 400 listing every problem,
 * and the engine's 409s pass through. Bodies are read as text by ContractReader whatever their Content-Type.
 */
@Path("/apis/v1/localservices")
@Produces(MediaType.APPLICATION_JSON)
public final class LocalServiceResource {
    private static final Logger log = LoggerFactory.getLogger(LocalServiceResource.class);
    private static final int MAX_PAGE = 1024;

    private final LocalServiceStore services;
    private final LocalServiceInstanceStore instances;
    private final LocalServiceEngine engine;
    private final ClusterStateStore clusterState;
    private final HostAccessRules hostAccess;
    private final ContractReader reader = ContractReader.standard();

    @Inject
    LocalServiceResource(LocalServiceStore services, LocalServiceInstanceStore instances, LocalServiceEngine engine,
                         ClusterStateStore clusterState, HostAccessRules hostAccess) {
        this.services = services;
        this.instances = instances;
        this.engine = engine;
        this.clusterState = clusterState;
        this.hostAccess = hostAccess;
    }

    /** Every local service by id, sorted by id, one page ({@code from} 0+, {@code size} 0..1024, default 1024). */
    @GET
    public ApiResponse<Map<String, LocalServiceSummary>> services(@QueryParam("from") String from,
                                                                  @QueryParam("size") String size) {
        var errors = new ArrayList<String>();
        var start = number("from", from, Integer.MAX_VALUE, 0, errors);
        var limit = number("size", size, MAX_PAGE, MAX_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        var summaries = new LinkedHashMap<String, LocalServiceSummary>();
        services.all().stream().skip(start).limit(limit)
                .forEach(service -> summaries.put(service.serviceId(), summary(service)));
        return ApiResponse.success(summaries);
    }

    @GET
    @Path("/{serviceId}")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<LocalServiceSummary> service(@PathParam("serviceId") String serviceId) {
        return ApiResponse.success(summary(require(serviceId)));
    }

    /** The spec the service was created from, inline config content emptied. */
    @GET
    @Path("/{serviceId}/spec")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<LocalServiceSpec> spec(@PathParam("serviceId") String serviceId) {
        return ApiResponse.success(withoutConfigData(require(serviceId).spec()));
    }

    /**
     * The service's instances in the given states ({@code state} may repeat), oldest first; without {@code state},
     * those that count against it (PENDING … STOPPING).
     */
    @GET
    @Path("/{serviceId}/instances")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<List<LocalServiceInstanceInfo>> instances(@PathParam("serviceId") String serviceId,
                                                                 @QueryParam("state") List<String> states) {
        var wanted = states(states);
        return ApiResponse.success(instances.instances(require(serviceId).serviceId(), wanted));
    }

    /** Finished instances (STOPPED, LOST), most recently updated first, one page ({@code start}, {@code size}). */
    @GET
    @Path("/{serviceId}/instances/old")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<List<LocalServiceInstanceInfo>> oldInstances(@PathParam("serviceId") String serviceId,
                                                                    @QueryParam("start") String start,
                                                                    @QueryParam("size") String size) {
        var errors = new ArrayList<String>();
        var first = number("start", start, Integer.MAX_VALUE, 0, errors);
        var limit = number("size", size, MAX_PAGE, MAX_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return ApiResponse.success(instances.oldInstances(require(serviceId).serviceId(), first, limit));
    }

    @GET
    @Path("/{serviceId}/instances/{instanceId}")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<LocalServiceInstanceInfo> instance(@PathParam("serviceId") String serviceId,
                                                          @PathParam("instanceId") String instanceId) {
        return ApiResponse.success(instances.find(require(serviceId).serviceId(), instanceId).orElseThrow(
                () -> ApiException.notFound("Instance %s of local service %s not found", instanceId, serviceId)));
    }

    /** Checks a LocalServiceSpec without creating anything: {@code {valid: true[, warnings]}} or a 400. */
    @POST
    @Path("/validate/spec")
    public ApiResponse<SpecValidity> validateSpec(String body) {
        refuseInMaintenance();
        var reading = reader.read(body, LocalServiceSpec.class);
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().ifPresent(spec -> errors.addAll(hostAccess.problems("", spec)));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return ApiResponse.success(new SpecValidity(true, reading.report().warnings()));
    }

    /** Submits a local service operation (contract §2.7); answers {@code {serviceId}}. */
    @POST
    @Path("/operations")
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<OperationAccepted> submit(String body) {
        refuseInMaintenance();
        var reading = reader.read(body, LocalServiceOperation.class);
        var errors = new ArrayList<>(reading.report().errors());
        reading.value().filter(LocalServiceCreateOperation.class::isInstance)
                .map(LocalServiceCreateOperation.class::cast)
                .filter(create -> create.spec() != null)
                .ifPresent(create -> errors.addAll(hostAccess.problems("spec.", create.spec())));
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        var operation = reading.value().orElseThrow();
        var serviceId = engine.submit(operation);
        log.info("Accepted {} operation for local service {}", operation.operationType(), serviceId);
        return ApiResponse.success(OperationAccepted.forLocalService(serviceId));
    }

    /** Cancels the operation running on the service: 404 for an unknown service, 409 when none runs. */
    @POST
    @Path("/operations/{serviceId}/cancel")
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<Void> cancel(@PathParam("serviceId") String serviceId) {
        require(serviceId);
        if (!engine.cancel(serviceId)) {
            throw ApiException.conflict("Local service %s has no running operation to cancel", serviceId);
        }
        return ApiResponse.success(null);
    }

    /**
     * The service as the list shows it (contract §2.8): {@code healthyInstances} HEALTHY now across the cluster;
     * {@code totalCPUs} and {@code totalMemory} what its instances that hold resources take, cores (MB) per instance
     * times their count.
     */
    LocalServiceSummary summary(LocalServiceInfo service) {
        var spec = service.spec();
        var all = instances.all(service.serviceId());
        var holding = all.stream().filter(i -> LocalServiceInstanceState.ACTIVE_STATES.contains(i.state())).count();
        var healthy = all.stream().filter(i -> i.state() == LocalServiceInstanceState.HEALTHY).count();
        return new LocalServiceSummary(service.serviceId(), spec.name(), service.instancesPerHost(), healthy,
                ResourceRequirement.cpus(spec.resources()) * holding,
                ResourceRequirement.memoryInMB(spec.resources()) * holding, spec.tags(),
                service.activationState(), engine.state(service.serviceId()).orElse(null), service.created(),
                service.updated());
    }

    private LocalServiceInfo require(String serviceId) {
        return services.find(serviceId)
                .orElseThrow(() -> ApiException.notFound("Local service %s not found", serviceId));
    }

    /** Maintenance mode freezes the cluster: submissions and validations are refused (contract App. A). */
    private void refuseInMaintenance() {
        if (clusterState.state() == ClusterState.MAINTENANCE) {
            throw ApiException.badRequest("Cluster is in maintenance mode; operations and spec validations are "
                    + "refused until POST /apis/v1/cluster/maintenance/unset");
        }
    }

    /** "configs section data will not be returned", as for applications. */
    static LocalServiceSpec withoutConfigData(LocalServiceSpec spec) {
        var configs = spec.configs().stream()
                .map(config -> config instanceof InlineConfigSpec inline ? inline.withoutData() : config).toList();
        return new LocalServiceSpec(spec.name(), spec.version(), spec.executable(), spec.exposedPorts(),
                spec.volumes(), configs, spec.type(), spec.logging(), spec.resources(), spec.placementPolicy(),
                spec.healthcheck(), spec.readiness(), spec.tags(), spec.env(), spec.args(), spec.devices(),
                spec.preShutdown(), spec.userSpec());
    }

    private static Set<LocalServiceInstanceState> states(List<String> names) {
        if (names == null || names.isEmpty()) {
            return LocalServiceInstanceState.ACTIVE_STATES;
        }
        var states = EnumSet.noneOf(LocalServiceInstanceState.class);
        var errors = new ArrayList<String>();
        for (var name : names) {
            try {
                states.add(LocalServiceInstanceState.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("query param state '%s' is not one of %s"
                        .formatted(name, Arrays.toString(LocalServiceInstanceState.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return states;
    }

    /** A whole number from 0 to {@code max}; {@code absent} when not given; a sentence in {@code errors} if bad. */
    private static int number(String name, String text, int max, int absent, List<String> errors) {
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            var value = Integer.parseInt(text.trim());
            if (value >= 0 && value <= max) {
                return value;
            }
            errors.add(max == Integer.MAX_VALUE ? "query param %s must be 0 or more, not %d".formatted(name, value)
                    : "query param %s must be between 0 and %d, not %d".formatted(name, max, value));
        } catch (NumberFormatException e) {
            errors.add("query param %s must be a whole number, not '%s'".formatted(name, text));
        }
        return absent;
    }
}
