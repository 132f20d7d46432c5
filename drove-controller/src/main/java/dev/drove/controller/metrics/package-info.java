/**
 * Metrics and health of the controller on the admin port (docs: cluster/metrics.md).
 *
 * <p>Vocabulary: the <b>registry</b> is Dropwizard's {@code environment.metrics()}, bound by {@link
 * dev.drove.controller.metrics.MetricsModule}; <b>operation meters</b> ({@link
 * dev.drove.controller.metrics.OperationMetrics}) count ended application operations by type and
 * {@link dev.drove.controller.metrics.OperationOutcome}; the <b>placement timer</b> {@code drove.scheduler.placements}
 * times each placement (recorded by the scheduler); <b>ZooKeeper timers</b> ({@link
 * dev.drove.controller.metrics.ZookeeperTimers}) time reads and writes; <b>state gauges</b> ({@link
 * dev.drove.controller.metrics.InstanceGauges}) count instances by state; the <b>health check</b> {@code zookeeper}
 * says whether this controller is connected.
 *
 * <pre>
 * OperationRunner ends an operation ─▶ drove.operations.&lt;TYPE&gt;.&lt;OUTCOME&gt; ─┐
 * Scheduler.place ─▶ drove.scheduler.placements                             │
 * Curator call ─▶ ZookeeperTimers ─▶ drove.zookeeper.reads|writes|&lt;kind&gt;      ├─▶ registry ─▶ admin /metrics (JSON)
 * stores ─▶ InstanceGauges ─▶ drove.instances|tasks|….&lt;STATE&gt;                 │            └▶ admin /prometheus
 * @Timed resources, JVM, Jetty (Dropwizard) ─────────────────────────────────┘
 * </pre>
 */
package dev.drove.controller.metrics;
