package dev.drove.executor.metrics;

import dev.drove.common.metrics.PrometheusEndpoint;
import dev.drove.common.metrics.StateGauges;
import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.testing.DropwizardTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /prometheus} on the admin port of a Dropwizard service with its default metrics (JVM, Jetty, logback) and
 * ours: every one is written as Prometheus text, none breaks the scrape.
 */
class PrometheusEndpointTest {
    private DropwizardTestSupport<Configuration> support;

    @BeforeEach
    void start() throws Exception {
        var config = new Configuration();
        var server = (DefaultServerFactory) config.getServerFactory();
        for (var connector : List.of(server.getApplicationConnectors().get(0), server.getAdminConnectors().get(0))) {
            ((HttpConnectorFactory) connector).setPort(0);
            ((HttpConnectorFactory) connector).setBindHost("127.0.0.1");
        }
        support = new DropwizardTestSupport<>(App.class, config);
        support.before();
    }

    @AfterEach
    void stop() {
        support.after();
    }

    @Test
    void theAdminPortAnswersEveryMetricAsPrometheusText() throws Exception {
        support.getEnvironment().metrics().timer("drove.docker.create").update(java.time.Duration.ofMillis(30));
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + support.getAdminPort() + PrometheusEndpoint.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
                .contains("# TYPE drove_docker_create summary")
                .contains("drove_docker_create_count 1")
                .contains("org_eclipse_jetty_util_thread_QueuedThreadPool_dw_utilization")
                .contains("drove_executor_instances_HEALTHY 0")
                .contains("# TYPE dev_drove_executor_api_LogFilesResource_list summary")
                .contains("dev_drove_executor_api_LogFilesResource_list_total_value_count 0");
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "Jersey's total timer | a.Resource.list.total | a.Resource.list.total.value",
            "created              | x.created             | x.created.value",
            "an underscore suffix | requests_total        | requests_total.value",
            "a plain name         | drove.docker.create   | drove.docker.create",
            "total inside a name  | jvm.total.used        | jvm.total.used",
    })
    void namesPrometheusWouldShortenArePublishedWithValue(String row, String name, String published) {
        assertThat(PrometheusEndpoint.publishedName(name)).isEqualTo(published);
    }

    /** A service with the endpoint, one of our gauges and a {@code @Timed} resource (Jersey's timers clash). */
    public static final class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            StateGauges.register(environment.metrics(), InstanceGauges.INSTANCES,
                    dev.drove.models.instance.InstanceState.class, java.time.Duration.ofSeconds(1), List::of);
            environment.jersey().register(new dev.drove.executor.api.LogFilesResource(null));
            PrometheusEndpoint.install(environment);
        }
    }
}
