package dev.drove.executor.instances;

import dev.drove.common.messages.ApplicationInstanceSpec;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.models.application.JobType;
import dev.drove.models.application.PortType;
import dev.drove.models.instance.InstancePort;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The labels hold everything adoption needs, and bad labels are refused naming the label. */
class ContainerLabelsTest {

    @Test
    void aServiceInstanceIsReadBackWithItsSpecCreatedTimeAndPorts() {
        ApplicationInstanceSpec spec = new TestSpecs.App().build();
        ServiceInstance instance = new ServiceInstance(spec, TestExecutor.IDENTITY, InstanceState.STARTING,
                new Date(1_700_000_000_000L), false);
        instance.ports(Map.of("main", new InstancePort(8000, 31000, PortType.HTTP)));

        Map<String, String> labels = ContainerLabels.of(instance);
        ContainerLabels.Labelled read = ContainerLabels.read(labels);

        assertThat(labels).containsEntry("drove.instance.id", spec.instanceId())
                .containsEntry("drove.job.type", "SERVICE")
                .containsEntry("drove.executor.id", TestExecutor.IDENTITY.executorId());
        assertThat(read.jobType()).isEqualTo(JobType.SERVICE);
        assertThat(read.spec()).isEqualTo(spec);
        assertThat(read.created()).isEqualTo(new Date(1_700_000_000_000L));
        assertThat(read.ports()).containsExactly(Map.entry("main", new InstancePort(8000, 31000, PortType.HTTP)));
    }

    @Test
    void aTaskIsReadBackAsATaskWithoutPorts() {
        TaskInstanceSpec spec = TestSpecs.task(1, 0);
        TaskRun task = new TaskRun(spec, TestExecutor.IDENTITY, TaskState.STARTING, new Date(42), false);

        ContainerLabels.Labelled read = ContainerLabels.read(ContainerLabels.of(task));

        assertThat(read.jobType()).isEqualTo(JobType.COMPUTATION);
        assertThat(read.spec()).isEqualTo(spec);
        assertThat(read.created()).isEqualTo(new Date(42));
        assertThat(read.ports()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no job type      | drove.job.type      |             | The container has no label drove.job.type",
            "unknown job type | drove.job.type      | BATCH       | Label drove.job.type has the unknown job type",
            "no spec          | drove.instance.spec |             | The container has no label drove.instance.spec",
            "broken spec      | drove.instance.spec | {\"appId\": | Cannot read the ApplicationInstanceSpec of a",
            "other id         | drove.instance.id   | AI-other    | Label drove.instance.id says AI-other but",
    })
    void badLabelsAreRefusedNamingTheLabel(String row, String label, String value, String message) {
        ServiceInstance instance = new ServiceInstance(new TestSpecs.App().build(), TestExecutor.IDENTITY,
                InstanceState.STARTING, new Date(), false);
        Map<String, String> labels = new HashMap<>(ContainerLabels.of(instance));
        if (value == null) {
            labels.remove(label);
        } else {
            labels.put(label, value);
        }

        assertThatThrownBy(() -> ContainerLabels.read(labels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }
}
