package dev.drove.controller.metrics;

import dev.drove.common.metrics.PrometheusEndpoint;
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

/** {@code /prometheus} on the admin port answers Dropwizard's metrics and ours as Prometheus text. */
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
    void operationCountersAreScrapedAsPrometheusCounters() throws Exception {
        var body = scrape();

        assertThat(body).contains("drove_operations_SCALE_INSTANCES_SUCCESS_total 1")
                .contains("drove_operations_CREATE_FAILED_total 0")
                .contains("# TYPE drove_scheduler_placements summary")
                .contains("org_eclipse_jetty_util_thread_QueuedThreadPool_dw_utilization")
                .contains("dev_drove_Resource_list_count 0")
                .contains("dev_drove_Resource_list_total_value_count 0");
    }

    private String scrape() throws Exception {
        var response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + support.getAdminPort() + PrometheusEndpoint.PATH)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** A controller's metrics wiring: operation meters with one SCALE done, the placement timer, the endpoint. */
    public static final class App extends Application<Configuration> {
        @Override
        public void run(Configuration configuration, Environment environment) {
            new OperationMetrics(environment.metrics()).ended(
                    dev.drove.models.operation.ApplicationOperationType.SCALE_INSTANCES, OperationOutcome.SUCCESS);
            environment.metrics().timer("drove.scheduler.placements");
            // Jersey's pair for a @Timed method: Prometheus would publish both as dev_drove_Resource_list.
            environment.metrics().timer("dev.drove.Resource.list");
            environment.metrics().timer("dev.drove.Resource.list.total");
            PrometheusEndpoint.install(environment);
        }
    }
}
