package dev.drove.controller.tasks;

import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The leader's task table: the docs' diagram, what a report may change, and what a KILL can still stop. */
class TaskLifecycleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "the docs' happy path starts with PROVISIONING,             PENDING,         PROVISIONING,    true",
            "a report may skip states it did not deliver,              PENDING,         RUNNING,         true",
            "a container that exits ends RUN_COMPLETED,                 RUNNING,         RUN_COMPLETED,   true",
            "a finished run is cleaned up,                              RUN_COMPLETED,   DEPROVISIONING,  true",
            "a failed pull is cleaned up,                               PROVISIONING_FAILED, DEPROVISIONING, true",
            "a recovered run goes on running,                           UNKNOWN,         RUNNING,         true",
            "any unfinished run can become LOST,                        RUNNING,         LOST,            true",
            "a late RUNNING cannot reopen a STOPPED run,                STOPPED,         RUNNING,         false",
            "a late RUNNING cannot undo RUN_COMPLETED,                  RUN_COMPLETED,   RUNNING,         false",
            "an executor restart's UNKNOWN does not replace RUNNING,    RUNNING,         UNKNOWN,         false",
            "LOST is final even when the executor comes back,           LOST,            RUNNING,         false",
            "STOPPED is final,                                          STOPPED,         LOST,            false",
            "a report of the same state is not a move,                  RUNNING,         RUNNING,         false"
    })
    void aReportMovesARunOnlyForward(String rule, TaskState stored, TaskState reported, boolean progress) {
        assertThat(TaskLifecycle.isProgress(stored, reported)).as(rule).isEqualTo(progress);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TaskState.class)
    void everyStateEndsOrCanStillEnd(TaskState state) {
        if (!state.isTerminal()) {
            assertThat(TaskLifecycle.isProgress(state, TaskState.STOPPED)).isTrue();
            assertThat(TaskLifecycle.isProgress(state, TaskState.LOST)).isTrue();
        }
        assertThat(TaskLifecycle.TABLE.isTerminal(state)).isEqualTo(state.isTerminal());
    }

    @Test
    void aKillHasSomethingToStopOnlyBeforeTheContainerHasRunItsCourse() {
        assertThat(TaskState.values()).filteredOn(state -> !TaskLifecycle.isFinished(state))
                .containsExactlyInAnyOrder(TaskState.PENDING, TaskState.PROVISIONING, TaskState.STARTING,
                        TaskState.RUNNING, TaskState.UNKNOWN);
    }
}
