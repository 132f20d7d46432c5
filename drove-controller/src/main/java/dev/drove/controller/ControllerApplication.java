package dev.drove.controller;

import com.google.inject.Guice;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.http.ServerEndpoints;
import dev.drove.common.zookeeper.Curators;
import dev.drove.common.zookeeper.ZookeeperHealthCheck;
import dev.drove.controller.api.ApiModule;
import dev.drove.controller.api.ApiResources;
import dev.drove.controller.api.OpenApiDocument;
import dev.drove.controller.auth.ApiAuthFilter;
import dev.drove.controller.auth.AuthModule;
import dev.drove.controller.auth.SiblingInstancesResource;
import dev.drove.controller.blacklist.BlacklistModule;
import dev.drove.controller.blacklist.BlacklistResource;
import dev.drove.controller.blacklist.Blacklisting;
import dev.drove.controller.cluster.ClusterModule;
import dev.drove.controller.cluster.ControllerMessagesResource;
import dev.drove.controller.console.Console;
import dev.drove.controller.events.EventRecorder;
import dev.drove.controller.events.EventsModule;
import dev.drove.controller.events.EventsResource;
import dev.drove.controller.leadership.LeaderElection;
import dev.drove.controller.leadership.LeadershipModule;
import dev.drove.controller.localservices.LocalServiceEngine;
import dev.drove.controller.localservices.LocalServiceResource;
import dev.drove.controller.localservices.LocalServicesModule;
import dev.drove.controller.localservices.ReservedResourcesResource;
import dev.drove.controller.logs.LogFileResource;
import dev.drove.controller.logs.LogsModule;
import dev.drove.controller.maintenance.MaintenanceModule;
import dev.drove.controller.maintenance.MaintenanceOptions;
import dev.drove.controller.maintenance.StaleDataCleaner;
import dev.drove.controller.metrics.InstanceGauges;
import dev.drove.controller.metrics.MetricsModule;
import dev.drove.common.metrics.PrometheusEndpoint;
import dev.drove.controller.metrics.ZookeeperTimers;
import dev.drove.controller.operations.ApplicationEngine;
import dev.drove.controller.operations.LifecycleOptions;
import dev.drove.controller.operations.OperationsModule;
import dev.drove.controller.scheduler.SchedulerModule;
import dev.drove.controller.specrules.SpecRulesModule;
import dev.drove.controller.statestore.StateStoreModule;
import dev.drove.controller.tasks.TaskEngine;
import dev.drove.controller.tasks.TaskModule;
import dev.drove.controller.tasks.TaskOptions;
import dev.drove.controller.tasks.TaskResource;
import dev.drove.models.json.Json;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Entry point of the Drove controller: {@code java -jar drove-controller.jar server config.yml}. */
public final class ControllerApplication extends Application<ControllerConfiguration> {

    public static void main(String[] args) throws Exception {
        new ControllerApplication().run(args);
    }

    @Override
    public String getName() {
        return "drove-controller";
    }

    @Override
    public void initialize(Bootstrap<ControllerConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        Json.configure(bootstrap.getObjectMapper());
    }

    @Override
    public void run(ControllerConfiguration config, Environment environment) {
        Json.configure(environment.getObjectMapper());
        ApiExceptionMappers.install(config.getServerFactory(), environment);

        var options = config.getOptions();
        var self = ServerEndpoints.of(config.getServerFactory(), null);
        var clusterTls = ClusterTls.from(config.getClusterTls());
        var curator = Curators.start(config.getZookeeper());
        ZookeeperTimers.install(curator, environment.metrics());
        var injector = Guice.createInjector(
                new MetricsModule(environment.metrics()),
                new ControllerModule(self, curator, config.getClusterAuth(), clusterTls),
                new LeadershipModule(self),
                new StateStoreModule(),
                new SchedulerModule(options.placementStrategy()),
                new ClusterModule(options.executorGracePeriod().toJavaDuration()),
                new OperationsModule(new LifecycleOptions(options.clusterOpTimeout(), options.clusterOpParallelism(),
                        options.appMonitorInterval(), options.executorGracePeriod())),
                new TaskModule(new TaskOptions(options.staleCheckInterval().toJavaDuration(),
                        options.staleTaskAge().toJavaDuration(), options.executorGracePeriod().toJavaDuration())),
                new LocalServicesModule(),
                new EventsModule(options.maxEventsStorageDuration().toJavaDuration()),
                new MaintenanceModule(new MaintenanceOptions(options.staleCheckInterval().toJavaDuration(),
                        options.staleAppAge().toJavaDuration(), options.maxStaleInstancesCount(),
                        options.staleInstanceAge().toJavaDuration(),
                        options.maintenanceGracePeriod().toJavaDuration())),
                new LogsModule(),
                new SpecRulesModule(options.allowedMountDirs(), options.enableRawDeviceAccess(),
                        options.disableCmdlArgs()),
                new BlacklistModule(),
                new AuthModule(config.getUserAuth(), config.getInstanceAuth(), options.disableReadAuth(),
                        options.auditedHttpMethods()),
                new ApiModule(self));

        environment.jersey().register(new ClusterAuthFilter(config.getClusterAuth()));
        environment.jersey().register(injector.getInstance(ApiAuthFilter.class));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(injector.getInstance(SiblingInstancesResource.class));
        environment.jersey().register(injector.getInstance(ControllerMessagesResource.class));
        injector.getInstance(ApiResources.class).registerWith(environment.jersey());
        environment.jersey().register(injector.getInstance(LocalServiceResource.class));
        environment.jersey().register(injector.getInstance(ReservedResourcesResource.class));
        environment.jersey().register(injector.getInstance(TaskResource.class));
        environment.jersey().register(injector.getInstance(EventsResource.class));
        environment.jersey().register(injector.getInstance(LogFileResource.class));
        new Console(config.getUserAuth()).registerWith(environment.jersey()); // the web console at /
        environment.jersey().register(injector.getInstance(BlacklistResource.class));
        injector.getInstance(EventRecorder.class); // registers itself with every source of state changes

        var engine = injector.getInstance(ApplicationEngine.class);
        var election = injector.getInstance(LeaderElection.class);
        environment.lifecycle().manage(closing(curator));
        environment.lifecycle().manage(closing(engine));
        environment.lifecycle().manage(closing(injector.getInstance(LocalServiceEngine.class)));
        environment.lifecycle().manage(closing(injector.getInstance(TaskEngine.class)));
        environment.lifecycle().manage(closing(injector.getInstance(StaleDataCleaner.class)));
        environment.lifecycle().manage(closing(injector.getInstance(Blacklisting.class)));
        // Join the election only once the API listens, so a new leader can be reached at once (as the original).
        // Leave it as soon as the server starts stopping, before Jetty drains the calls in flight for up to
        // shutdownGracePeriod: another controller takes over at once (the Managed below is the fallback).
        environment.lifecycle().addServerLifecycleListener((Server server) -> {
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStopping(LifeCycle event) {
                    election.close();
                }
            });
            startQuietly(election);
        });
        environment.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                election.close();
            }
        });
        environment.healthChecks().register("zookeeper", new ZookeeperHealthCheck(curator));
        injector.getInstance(InstanceGauges.class).registerWith(environment.metrics());
        PrometheusEndpoint.install(environment);
        OpenApiDocument.install(environment); // /apis/openapi.json and .yaml, for anyone, on any controller
    }

    private static void startQuietly(LeaderElection election) {
        try {
            election.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not join the leader election", e);
        }
    }

    private static Managed closing(AutoCloseable resource) {
        return new Managed() {
            @Override
            public void stop() throws Exception {
                resource.close();
            }
        };
    }
}
