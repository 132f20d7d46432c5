package dev.drove.controller.tasks;

import dev.drove.common.testkit.ZookeeperExtension;
import dev.drove.controller.statestore.ZkTaskStore;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.drove.controller.tasks.TestTasks.APP;
import static dev.drove.controller.tasks.TestTasks.run;
import static org.assertj.core.api.Assertions.assertThat;

/** Finished tasks stay queryable for staleTaskAge, then go (docs: cluster/setup/controller.md). */
@ExtendWith(ZookeeperExtension.class)
class StaleTaskCleanerTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Duration AGE = Duration.ofDays(2);

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a STOPPED task older than the stale age goes,        STOPPED,       49, false",
            "a LOST task older than the stale age goes,           LOST,          49, false",
            "a STOPPED task younger than the stale age stays,     STOPPED,       47, true",
            "a running task stays however old,                    RUNNING,       100, true",
            "a task that has run its course but is not yet STOPPED stays, RUN_COMPLETED, 100, true"
    })
    void finishedTasksOlderThanTheStaleAgeAreDeleted(String rule, TaskState state, long hoursAgo, boolean kept,
                                                     CuratorFramework curator) {
        var tasks = new ZkTaskStore(curator);
        tasks.save(run("T1", state, NOW.minus(Duration.ofHours(hoursAgo)).toEpochMilli()));

        cleaner(tasks).clean();

        assertThat(tasks.find(APP, "T1").isPresent()).as(rule).isEqualTo(kept);
    }

    @Test
    void aPassCountsWhatItDeletedAndKeepsTheRest(CuratorFramework curator) {
        var tasks = new ZkTaskStore(curator);
        var old = NOW.minus(Duration.ofDays(3)).toEpochMilli();
        tasks.save(run("T1", TaskState.STOPPED, old));
        tasks.save(run("T2", TaskState.LOST, old));
        tasks.save(run("T3", TaskState.RUNNING, old));

        assertThat(cleaner(tasks).clean()).isEqualTo(2);
        assertThat(tasks.all()).extracting(TaskInfo::taskId).containsExactly("T3");
    }

    @Test
    void inMaintenanceAPassDeletesNothing(CuratorFramework curator) {
        var tasks = new ZkTaskStore(curator);
        tasks.save(run("T1", TaskState.STOPPED, NOW.minus(Duration.ofDays(3)).toEpochMilli()));
        var cleaner = cleaner(tasks);
        var maintenance = new AtomicBoolean(true);
        cleaner.pauseWhile(maintenance::get);

        assertThat(cleaner.clean()).isZero();
        assertThat(tasks.find(APP, "T1")).isPresent();

        maintenance.set(false);
        assertThat(cleaner.clean()).isEqualTo(1);
    }

    private static StaleTaskCleaner cleaner(ZkTaskStore tasks) {
        return new StaleTaskCleaner(tasks, new TaskOptions(Duration.ofHours(1), AGE, null),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }
}
