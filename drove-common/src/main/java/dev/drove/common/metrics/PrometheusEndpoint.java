package dev.drove.common.metrics;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@value #PATH} on the admin port: every metric of the service's registry (the JVM, Jetty, Jersey's
 * {@code @Timed} resources and ours) in the Prometheus text format, for scrapers that do not read Dropwizard's JSON
 * at {@code /metrics}. Names are the Dropwizard names with {@code .} and {@code -} turned into {@code _}; meters
 * become counters ({@code _total}), timers summaries in seconds.
 *
 * <p>Prometheus drops the suffixes {@code total}, {@code created}, {@code bucket} and {@code info} from names, so
 * Jersey's {@code <method>.total} timer would clash with its {@code <method>} timer and fail the whole scrape; such
 * names get {@code .value} appended ({@code …_total_value}). Any other clash keeps the first metric and logs the
 * other once.
 */
public final class PrometheusEndpoint {
    public static final String PATH = "/prometheus";
    private static final Logger log = LoggerFactory.getLogger(PrometheusEndpoint.class);
    private static final List<String> DROPPED_SUFFIXES = List.of("total", "created", "bucket", "info");

    private PrometheusEndpoint() {
    }

    public static void install(Environment environment) {
        environment.admin().addServlet("prometheus", servlet(environment.metrics())).addMapping(PATH);
    }

    /** A servlet answering the registry's metrics; its own Prometheus registry, never the global default. */
    static PrometheusMetricsServlet servlet(MetricRegistry metrics) {
        var registry = new PrometheusRegistry();
        registry.register(new DistinctNames(metrics));
        return new PrometheusMetricsServlet(registry);
    }

    /** The name {@code name} is published under, so that Prometheus keeps it apart from its siblings. */
    public static String publishedName(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        for (var suffix : DROPPED_SUFFIXES) {
            if (lower.endsWith("." + suffix) || lower.endsWith("_" + suffix) || lower.endsWith("-" + suffix)) {
                return name + ".value";
            }
        }
        return name;
    }

    /** Collects the registry anew at each scrape, under names that stay distinct in Prometheus. */
    private static final class DistinctNames implements MultiCollector {
        private final MetricRegistry source;
        private final Set<String> reported = ConcurrentHashMap.newKeySet();

        DistinctNames(MetricRegistry source) {
            this.source = source;
        }

        @Override
        public MetricSnapshots collect() {
            var view = new MetricRegistry();
            var taken = new HashSet<String>();
            source.getMetrics().forEach((name, metric) -> {
                var published = publishedName(name);
                var prometheusName = PrometheusNaming.prometheusName(PrometheusNaming.sanitizeMetricName(published));
                if (taken.add(prometheusName)) {
                    view.register(published, metric);
                } else if (reported.add(name)) {
                    log.warn("Metric {} is left out of {}: another metric is already published as {}", name, PATH,
                            prometheusName);
                }
            });
            return new DropwizardExports(view).collect();
        }
    }
}
