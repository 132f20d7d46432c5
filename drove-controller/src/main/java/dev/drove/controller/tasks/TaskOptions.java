package dev.drove.controller.tasks;

import java.time.Duration;

/**
 * The controller options that drive tasks, named as the keys of the config's {@code options} section (docs:
 * cluster/setup/controller.md, "Controller Options"). Absent values take the original's defaults.
 *
 * @param staleCheckInterval  how often finished tasks are looked at for deletion (1 hour)
 * @param staleTaskAge        how long a finished task stays queryable (2 days)
 * @param executorGracePeriod how long a vanished executor may stay away before its unfinished tasks are LOST (45 s)
 */
public record TaskOptions(Duration staleCheckInterval, Duration staleTaskAge, Duration executorGracePeriod) {
    public static final TaskOptions DEFAULTS = new TaskOptions(null, null, null);

    public TaskOptions {
        staleCheckInterval = staleCheckInterval == null ? Duration.ofHours(1) : staleCheckInterval;
        staleTaskAge = staleTaskAge == null ? Duration.ofDays(2) : staleTaskAge;
        executorGracePeriod = executorGracePeriod == null ? Duration.ofSeconds(45) : executorGracePeriod;
    }
}
