package dev.drove.executor;

import com.google.inject.Guice;
import dev.drove.common.auth.ClusterAuthFilter;
import dev.drove.common.errors.ApiExceptionMappers;
import dev.drove.common.http.ClusterTls;
import dev.drove.common.zookeeper.Curators;
import dev.drove.common.zookeeper.ZookeeperHealthCheck;
import dev.drove.executor.api.ExecutorMessagesResource;
import dev.drove.executor.api.LogFilesResource;
import dev.drove.executor.checks.ChecksModule;
import dev.drove.executor.cluster.ClusterModule;
import dev.drove.executor.cluster.ExecutorEndpoint;
import dev.drove.executor.cluster.ExecutorLifecycle;
import dev.drove.executor.engine.DockerClients;
import dev.drove.executor.engine.EngineModule;
import dev.drove.executor.instances.Instances;
import dev.drove.executor.instances.InstancesModule;
import dev.drove.executor.logs.InstanceLogFolders;
import dev.drove.executor.metrics.DockerHealthCheck;
import dev.drove.executor.metrics.InstanceGauges;
import dev.drove.executor.metrics.InstanceStateTimers;
import dev.drove.executor.metrics.MetricsModule;
import dev.drove.common.metrics.PrometheusEndpoint;
import dev.drove.executor.topology.TopologyModule;
import dev.drove.models.json.Json;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;

import java.time.Duration;

/** Entry point of the Drove executor: {@code java -jar drove-executor.jar server config.yml}. */
public final class ExecutorApplication extends Application<ExecutorConfiguration> {
    /** How often the node data is republished even when nothing changed (the original: 20 s). */
    static final Duration NODE_DATA_REFRESH = Duration.ofSeconds(20);

    public static void main(String[] args) throws Exception {
        new ExecutorApplication().run(args);
    }

    @Override
    public String getName() {
        return "drove-executor";
    }

    @Override
    public void initialize(Bootstrap<ExecutorConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        Json.configure(bootstrap.getObjectMapper());
    }

    @Override
    public void run(ExecutorConfiguration config, Environment environment) {
        Json.configure(environment.getObjectMapper());
        ApiExceptionMappers.install(config.getServerFactory(), environment);

        var endpoint = ExecutorEndpoint.from(config.getServerFactory(), config.getOptions().hostname());
        var clusterTls = ClusterTls.from(config.getClusterTls());
        var curator = Curators.start(config.getZookeeper());
        var injector = Guice.createInjector(
                new MetricsModule(environment.metrics()),
                new TopologyModule(config.getResources(), endpoint.hostname()),
                new EngineModule(config.getOptions()),
                new ChecksModule(),
                new InstancesModule(endpoint.identity()),
                new ClusterModule(endpoint, curator, config.getClusterAuth(), NODE_DATA_REFRESH),
                binder -> binder.bind(ClusterTls.class).toInstance(clusterTls));

        environment.jersey().register(new ClusterAuthFilter(config.getClusterAuth()));
        environment.jersey().register(injector.getInstance(ExecutorMessagesResource.class));
        environment.jersey().register(new LogFilesResource(
                InstanceLogFolders.configuredIn(config.getLoggingFactory()).orElse(null)));

        environment.lifecycle().manage(closing(curator));
        environment.lifecycle().manage(closing(injector.getInstance(DockerClients.class)));
        environment.lifecycle().manage(injector.getInstance(ExecutorLifecycle.class));
        environment.healthChecks().register("zookeeper", new ZookeeperHealthCheck(curator));
        environment.healthChecks().register("docker", new DockerHealthCheck(injector.getInstance(DockerClients.class)));
        InstanceGauges.register(environment.metrics(), injector.getInstance(Instances.class));
        InstanceStateTimers.register(environment.metrics(), injector.getInstance(Instances.class));
        PrometheusEndpoint.install(environment);
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
