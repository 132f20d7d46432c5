package dev.drove.executor.instances;

import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class LifecyclesTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PENDING, PROVISIONING, true",
            "PROVISIONING, STARTING, true",
            "PROVISIONING, PROVISIONING_FAILED, true",
            "PROVISIONING_FAILED, DEPROVISIONING, true",
            "STARTING, UNREADY, true",
            "STARTING, START_FAILED, true",
            "START_FAILED, DEPROVISIONING, true",
            "UNKNOWN, UNREADY, true",
            "UNKNOWN, LOST, true",
            "UNREADY, READY, true",
            "UNREADY, READINESS_CHECK_FAILED, true",
            "UNREADY, STOPPING, true",
            "READINESS_CHECK_FAILED, DEPROVISIONING, true",
            "READY, HEALTHY, true",
            "READY, STOPPING, true",
            "HEALTHY, UNHEALTHY, true",
            "HEALTHY, STOPPING, true",
            "UNHEALTHY, STOPPING, true",
            "STOPPING, DEPROVISIONING, true",
            "DEPROVISIONING, STOPPED, true",
            "PENDING, HEALTHY, false",
            "STARTING, HEALTHY, false",
            "UNREADY, HEALTHY, false",
            "HEALTHY, STOPPED, false",
            "STOPPING, STOPPED, false",
            "STOPPED, PENDING, false",
            "LOST, UNREADY, false",
    })
    void instanceMovesFollowTheDocsDiagram(InstanceState from, InstanceState to, boolean allowed) {
        assertThat(Lifecycles.INSTANCE.allows(from, to)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PENDING, PROVISIONING, true",
            "PROVISIONING, STARTING, true",
            "PROVISIONING, PROVISIONING_FAILED, true",
            "PROVISIONING_FAILED, DEPROVISIONING, true",
            "STARTING, RUNNING, true",
            "RUNNING, RUN_COMPLETED, true",
            "RUN_COMPLETED, DEPROVISIONING, true",
            "DEPROVISIONING, STOPPED, true",
            "UNKNOWN, RUNNING, true",
            "UNKNOWN, STOPPED, true",
            "RUNNING, STOPPED, false",
            "STARTING, DEPROVISIONING, false",
            "STOPPED, RUNNING, false",
    })
    void taskMovesFollowTheDocsDiagram(TaskState from, TaskState to, boolean allowed) {
        assertThat(Lifecycles.TASK.allows(from, to)).isEqualTo(allowed);
    }
}
