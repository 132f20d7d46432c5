package dev.drove.controller.operations;

import dev.drove.models.operation.ClusterOpSpec;
import dev.drove.models.operation.FailureStrategy;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The controller options that drive application life cycles, named as the keys of the config's {@code options}
 * section (docs: cluster/setup/controller.md, "Controller Options"; contract §5). Absent values take the original's
 * defaults.
 *
 * @param clusterOpTimeout     timeout of the operations the controller makes itself (300 s)
 * @param clusterOpParallelism parallelism of those operations, 1..512 (1)
 * @param appMonitorInterval   how often every application's instance count is checked (30 s)
 * @param executorGracePeriod  how long a vanished executor may stay away before its instances are LOST (45 s)
 */
public record LifecycleOptions(Duration clusterOpTimeout,
                               @Min(1) @Max(512) Integer clusterOpParallelism,
                               Duration appMonitorInterval,
                               Duration executorGracePeriod) {
    public static final LifecycleOptions DEFAULTS = new LifecycleOptions(null, null, null, null);

    public LifecycleOptions {
        clusterOpTimeout = clusterOpTimeout == null ? Duration.seconds(300) : clusterOpTimeout;
        clusterOpParallelism = clusterOpParallelism == null ? 1 : clusterOpParallelism;
        appMonitorInterval = appMonitorInterval == null ? Duration.seconds(30) : appMonitorInterval;
        executorGracePeriod = executorGracePeriod == null ? Duration.seconds(45) : executorGracePeriod;
    }

    /** The op spec of operations the controller makes itself: these options' timeout and parallelism, STOP. */
    public ClusterOpSpec internalOpSpec() {
        return new ClusterOpSpec(clusterOpTimeout, clusterOpParallelism, FailureStrategy.STOP);
    }
}
