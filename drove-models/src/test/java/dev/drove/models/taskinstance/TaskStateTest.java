package dev.drove.models.taskinstance;

import dev.drove.models.task.TaskSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class TaskStateTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(TaskState.class)
    void onlyStoppedAndLostAreTerminalAndOnlyTheFailedStatesAreErrors(TaskState state) {
        assertThat(state.isTerminal()).isEqualTo(EnumSet.of(TaskState.STOPPED, TaskState.LOST).contains(state));
        assertThat(state.isError())
                .isEqualTo(EnumSet.of(TaskState.PROVISIONING_FAILED, TaskState.RUN_FAILED).contains(state));
    }

    @ParameterizedTest(name = "exit code {0} is {1}")
    @CsvSource({"0, SUCCESSFUL", "1, FAILED", "137, FAILED"})
    void aContainerThatExitedSucceededOnlyWithExitCodeZero(long exitCode, TaskResult.Status status) {
        assertThat(TaskResult.exited(exitCode)).isEqualTo(new TaskResult(status, exitCode));
    }

    @Test
    void theClusterWideTaskIdIsSourceAppNameDashTaskId() {
        assertThat(TaskSpec.qualifiedTaskId("TEST_APP", "T0012")).isEqualTo("TEST_APP-T0012");
        var info = new TaskInfo("TEST_APP", "T0012", "TI-1", null, null, null, null, null, null, null,
                TaskState.PENDING, null, null, null, null, null);
        assertThat(info.qualifiedTaskId()).isEqualTo("TEST_APP-T0012");
    }
}
