/**
 * Metrics and health of the executor on the admin port (docs: cluster/metrics.md).
 *
 * <p>Vocabulary: the <b>registry</b> is Dropwizard's {@code environment.metrics()}, bound by {@link
 * dev.drove.executor.metrics.MetricsModule}; <b>call timers</b> {@code drove.docker.<call>} time each container
 * engine call (recorded by {@link dev.drove.executor.engine.ContainerEngine}); <b>state gauges</b>
 * ({@link dev.drove.executor.metrics.InstanceGauges}) count what runs here by state; <b>state timers</b>
 * {@code drove.executor.instances.time.<STATE>} ({@link dev.drove.executor.metrics.InstanceStateTimers}) time how
 * long application instances stay in each state (pull, create + start, readiness wait …); <b>health checks</b> are
 * {@code zookeeper} (connected) and {@code docker} ({@link dev.drove.executor.metrics.DockerHealthCheck}, the engine
 * answers a ping).
 *
 * <pre>
 * ContainerEngine call ─▶ drove.docker.&lt;call&gt; timer ─┐
 * Instances (live) ─▶ drove.executor.*.&lt;STATE&gt; gauges ─┤
 * InstanceListener ─▶ drove.executor.instances.time.&lt;STATE&gt; ─┼─▶ registry ─▶ admin /metrics (JSON)
 * @Timed resources, JVM, Jetty (Dropwizard) ──────────┘             └─▶ admin /prometheus (text)
 * /healthcheck ─▶ zookeeper, docker, deadlocks
 * </pre>
 */
package dev.drove.executor.metrics;
