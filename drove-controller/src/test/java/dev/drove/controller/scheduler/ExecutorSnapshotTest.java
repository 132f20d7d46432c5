package dev.drove.controller.scheduler;

import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.instance.InstanceState;
import dev.drove.models.instance.LocalServiceInstanceState;
import dev.drove.models.taskinstance.TaskState;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static dev.drove.controller.scheduler.TestExecutors.host;
import static org.assertj.core.api.Assertions.assertThat;

class ExecutorSnapshotTest {

    @Test
    void aReportBecomesTheSchedulersViewOfTheExecutor() {
        var report = host("h1").tags("gpu").metadata("rack", "r1").state(ExecutorState.BLACKLIST_REQUESTED)
                .node(6, 4096).node(2, 2048)
                .instance("APP-1", 0).instance("APP-1", 1).instance("APP-1", InstanceState.STOPPED, 0, 2)
                .task("APP", "T1", TaskState.RUNNING, 3).task("APP", "T2", TaskState.STOPPED)
                .service("LS-1", LocalServiceInstanceState.HEALTHY, 4)
                .build();

        var snapshot = ExecutorSnapshot.from(report);

        assertThat(snapshot.id()).isEqualTo("executor-h1");
        assertThat(snapshot.hostname()).isEqualTo("h1");
        assertThat(snapshot.tags()).containsExactly("gpu", "h1");
        assertThat(snapshot.customTags()).containsExactly("gpu");
        assertThat(snapshot.metadata()).isEqualTo(Map.of("rack", "r1"));
        assertThat(snapshot.state()).isEqualTo(ExecutorState.BLACKLIST_REQUESTED);
        assertThat(snapshot.blacklisted()).isTrue();
        assertThat(snapshot.numaPinning()).isTrue();
        assertThat(snapshot.nodes()).containsExactly(NumaNodeSnapshot.of(0, Set.of(5), 4096 - 128 * 5),
                NumaNodeSnapshot.of(1, Set.of(6, 7), 2048));
        assertThat(snapshot.instances()).isEqualTo(Map.of("APP-1", 2, "APP-T1", 1, "LS-1", 1));
        assertThat(snapshot.instancesOf("APP-T2")).isZero();
    }

    @Test
    void anExecutorWithOneNodeIsAllocatedFromTheNodeZeroPool() {
        var snapshot = ExecutorSnapshot.from(host("h1").node(8, 1024).build());

        assertThat(snapshot.numaPinning()).isFalse();
        assertThat(snapshot.nodes()).extracting(NumaNodeSnapshot::nodeId).containsExactly(0);
        assertThat(snapshot.nodes().get(0).freeCoreIds()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theHostnameIsATagEvenWhenTheReportLeavesItOut() {
        var snapshot = new ExecutorSnapshot("e1", "h1", Set.of("ssd"), null, false, false, null, null, null);

        assertThat(snapshot.tags()).containsExactly("h1", "ssd");
        assertThat(snapshot.state()).isEqualTo(ExecutorState.ACTIVE);
    }
}
