package dev.drove.controller.api;

import dev.drove.common.errors.ApiException;
import dev.drove.common.errors.CommandValidationException;
import dev.drove.controller.auth.Roles;
import dev.drove.controller.statestore.ApplicationStore;
import dev.drove.controller.statestore.InstanceStore;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.api.AppSummary;
import dev.drove.models.api.OperationAccepted;
import dev.drove.models.api.SpecValidity;
import dev.drove.models.application.ApplicationSpec;
import dev.drove.models.instance.InstanceInfo;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.validation.ContractReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Providers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code /apis/v1/applications} (docs: apis/application.md; contract Appendix A): applications, their specs and
 * instances, operation submission and cancellation, spec validation and the RULE_BASED dry-run. Unknown application
 * or instance ids are a 404 naming them; bad bodies and query parameters a 400 listing every problem. Bodies are taken
 * as text whatever their Content-Type (the docs' curl samples send none) and read by ContractReader.
 */
@Path("/apis/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
public final class ApplicationResource {
    private static final Type SUMMARIES = new GenericType<ApiResponse<Map<String, AppSummary>>>() { }.getType();
    private static final Annotation[] NO_ANNOTATIONS = new Annotation[0];
    private final ApplicationStore applications;
    private final InstanceStore instances;
    private final ApplicationViews views;
    private final ApplicationCommands commands;

    @Inject
    ApplicationResource(ApplicationStore applications, InstanceStore instances, ApplicationViews views,
                        ApplicationCommands commands) {
        this.applications = applications;
        this.instances = instances;
        this.views = views;
        this.commands = commands;
    }

    /**
     * Every application by id, sorted by id, one page ({@code from} 0+, {@code size} 0..1024, default 1024): an
     * {@code ApiResponse<Map<String, AppSummary>>}, written by Jersey's own JSON writer and kept between changes
     * ({@link ApplicationViews#summaryPage}).
     */
    @GET
    public Response applications(@QueryParam("from") String from, @QueryParam("size") String size,
                                 @Context Providers providers) {
        var page = PageParams.read("from", from, "size", size);
        return Response.ok(views.summaryPage(page.start(), page.size(), summaries -> json(providers, summaries)),
                MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** {@code ApiResponse.success(summaries)} as JSON, as Jersey would have written it for the same method. */
    private static byte[] json(Providers providers, Map<String, AppSummary> summaries) {
        var writer = providers.getMessageBodyWriter(ApiResponse.class, SUMMARIES, NO_ANNOTATIONS,
                MediaType.APPLICATION_JSON_TYPE);
        var out = new ByteArrayOutputStream(256 * (summaries.size() + 1));
        try {
            writer.writeTo(ApiResponse.success(summaries), ApiResponse.class, SUMMARIES, NO_ANNOTATIONS,
                    MediaType.APPLICATION_JSON_TYPE, new MultivaluedHashMap<>(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the application listing as JSON", e);
        }
        return out.toByteArray();
    }

    @GET
    @Path("/{appId}")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<AppSummary> application(@PathParam("appId") String appId) {
        return ApiResponse.success(views.summary(views.application(appId)));
    }

    /** The spec the application was created from, inline config content emptied. */
    @GET
    @Path("/{appId}/spec")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<ApplicationSpec> spec(@PathParam("appId") String appId) {
        return ApiResponse.success(ApplicationViews.withoutConfigData(views.application(appId).spec()));
    }

    /**
     * The application's instances in the given states ({@code state} may repeat; names as in the docs), oldest
     * first; without {@code state}, those that count against it (PENDING … STOPPING).
     */
    @GET
    @Path("/{appId}/instances")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<List<InstanceInfo>> instances(@PathParam("appId") String appId,
                                                     @QueryParam("state") List<String> states) {
        var wanted = states(states);
        return ApiResponse.success(instances.instances(views.application(appId).appId(), wanted));
    }

    /** Finished instances (STOPPED, LOST), most recently updated first, one page ({@code start}, {@code size}). */
    @GET
    @Path("/{appId}/instances/old")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<List<InstanceInfo>> oldInstances(@PathParam("appId") String appId,
                                                        @QueryParam("start") String start,
                                                        @QueryParam("size") String size) {
        var page = PageParams.read("start", start, "size", size);
        var app = views.application(appId);
        return ApiResponse.success(instances.oldInstances(app.appId(), page.start(), page.size()));
    }

    @GET
    @Path("/{appId}/instances/{instanceId}")
    @RolesAllowed({Roles.ANY_USER, Roles.INSTANCE})
    public ApiResponse<InstanceInfo> instance(@PathParam("appId") String appId,
                                              @PathParam("instanceId") String instanceId) {
        var app = views.application(appId);
        return ApiResponse.success(instances.find(app.appId(), instanceId).orElseThrow(
                () -> ApiException.notFound("Instance %s of app %s not found", instanceId, appId)));
    }

    /** Checks an ApplicationSpec without creating anything: {@code {valid: true[, warnings]}} or a 400. */
    @POST
    @Path("/validate/spec")
    public ApiResponse<SpecValidity> validateSpec(String body) {
        return ApiResponse.success(commands.validate(body));
    }

    /** Submits an application operation (docs: applications/operations.md); answers {@code {appId}}. */
    @POST
    @Path("/operations")
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<OperationAccepted> submit(String body) {
        return ApiResponse.success(commands.submit(body));
    }

    /** Cancels the operation running on the application; {@code data} is absent on success. */
    @POST
    @Path("/operations/{appId}/cancel")
    @RolesAllowed(Roles.READ_WRITE)
    public ApiResponse<Void> cancel(@PathParam("appId") String appId) {
        commands.cancel(appId);
        return ApiResponse.success(null);
    }

    /** Compiles a RULE_BASED rule and evaluates it for one executor's metadata; see {@link RuleDryRun}. */
    @POST
    @Path("/placementpolicy/rule/dryrun")
    public ApiResponse<RuleDryRunResult> dryRun(String body) {
        commands.refuseInMaintenance();
        var reading = ContractReader.standard().read(body, DryRunRuleInfo.class);
        if (!reading.isValid()) {
            throw new CommandValidationException(reading.report().errors());
        }
        return ApiResponse.success(RuleDryRun.run(reading.value().orElseThrow()));
    }

    private static Set<InstanceState> states(List<String> names) {
        if (names == null || names.isEmpty()) {
            return InstanceState.ACTIVE_STATES;
        }
        var states = EnumSet.noneOf(InstanceState.class);
        var errors = new ArrayList<String>();
        for (var name : names) {
            try {
                states.add(InstanceState.valueOf(name.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("query param state '%s' is not one of %s"
                        .formatted(name, Arrays.toString(InstanceState.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw new CommandValidationException(errors);
        }
        return states;
    }
}
