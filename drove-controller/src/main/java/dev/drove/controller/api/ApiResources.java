package dev.drove.controller.api;

import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.inject.Inject;

/**
 * Everything the REST API registers with Jersey, so the application wires the API in one line:
 * {@code injector.getInstance(ApiResources.class).registerWith(environment.jersey())}. The paths are absolute
 * ({@code /apis/v1/...}): Jersey's root path must stay {@code /*}, Dropwizard's default.
 */
public final class ApiResources {
    private final LeaderForwardingFilter forwarding;
    private final ApplicationResource applications;
    private final DeprecatedOperationResource deprecatedOperations;
    private final ClusterResource cluster;
    private final EndpointsResource endpoints;
    private final PingResource ping;

    @Inject
    ApiResources(LeaderForwardingFilter forwarding, ApplicationResource applications,
                 DeprecatedOperationResource deprecatedOperations, ClusterResource cluster,
                 EndpointsResource endpoints, PingResource ping) {
        this.forwarding = forwarding;
        this.applications = applications;
        this.deprecatedOperations = deprecatedOperations;
        this.cluster = cluster;
        this.endpoints = endpoints;
        this.ping = ping;
    }

    /** Registers the follower-forwarding filter and every resource. Error mappers are registered separately. */
    public void registerWith(JerseyEnvironment jersey) {
        jersey.register(forwarding);
        jersey.register(applications);
        jersey.register(deprecatedOperations);
        jersey.register(cluster);
        jersey.register(endpoints);
        jersey.register(ping);
    }
}
