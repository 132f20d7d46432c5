package dev.drove.controller.tasks;

import dev.drove.common.messages.ExecutorAddress;
import dev.drove.common.messages.ExecutorMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.MessageStatus;
import dev.drove.controller.scheduler.ClusterResources;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.application.executable.DockerCoordinates;
import dev.drove.models.application.requirements.CPURequirement;
import dev.drove.models.application.requirements.MemoryRequirement;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.nodedata.ExecutorState;
import dev.drove.models.info.nodedata.NodeTransportType;
import dev.drove.models.info.resources.AvailableCPU;
import dev.drove.models.info.resources.AvailableMemory;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.info.resources.PhysicalLayout;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Tasks for the tests of this package: the docs' sample spec ({@code TEST_APP}/{@code T0012}), one executor of four
 * cores and 4 GB, and an executor link that records what is sent and answers as told.
 */
final class TestTasks {
    static final String APP = "TEST_APP";
    static final String EXECUTOR = "executor-1";
    static final String HOST = "host-1";

    private TestTasks() {
    }

    static TaskSpec spec(String taskId) {
        return spec(taskId, 1, 128);
    }

    static TaskSpec spec(String taskId, int cpus, long memoryMB) {
        return new TaskSpec(APP, taskId, DockerCoordinates.of("ghcr.io/appform-io/test-task"), null, null, null,
                List.of(new CPURequirement(cpus), new MemoryRequirement(memoryMB)), null, null,
                Map.of("ITERATIONS", "10"), null, null, null);
    }

    /** A run of {@code taskId} on {@link #EXECUTOR} in {@code state}, updated at {@code updated}. */
    static TaskInfo run(String taskId, TaskState state, long updated) {
        return new TaskInfo(APP, taskId, "TI-" + taskId, EXECUTOR, HOST, DockerCoordinates.of("test-task"), null,
                null, null, null, state, null, null, "", new Date(updated), new Date(updated));
    }

    /** The executor's entry: node 0 with cores 0..3 and 4096 MB, all free. */
    static ExecutorNodeData executor() {
        Map<Integer, Set<Integer>> cores = Map.of(0, IntStream.range(0, 4).boxed().collect(Collectors.toSet()));
        var resources = new ExecutorResourceSnapshot(EXECUTOR, new AvailableCPU(cores, Map.of()),
                new AvailableMemory(Map.of(0, 4096L), Map.of()), new PhysicalLayout(cores, Map.of(0, 4096L)));
        return new ExecutorNodeData(HOST, 3000, NodeTransportType.HTTP, new Date(), resources, List.of(), List.of(),
                List.of(), Set.of(HOST), Map.of(), ExecutorState.ACTIVE);
    }

    /** A scheduler over a book holding {@link #executor()}. */
    static Scheduler scheduler() {
        var book = new ClusterResources();
        book.update(executor());
        return new Scheduler(book, new Random(7));
    }

    /** An engine that leads, over {@code tasks}, talking to {@code link}. */
    static TaskEngine leadingEngine(TaskStore tasks, ExecutorLink link) {
        var engine = new TaskEngine(new TaskRecords(tasks), scheduler(), link.messenger());
        engine.leadershipAcquired();
        return engine;
    }

    /** Records every message to the executor and answers with {@link #answer} (ACCEPTED unless told otherwise). */
    static final class ExecutorLink implements Function<ExecutorMessage, MessageResponse> {
        final List<ExecutorMessage> sent = new CopyOnWriteArrayList<>();
        volatile MessageStatus answer = MessageStatus.ACCEPTED;

        @Override
        public MessageResponse apply(ExecutorMessage message) {
            sent.add(message);
            var status = answer;
            return MessageResponse.replyTo(message, status, status == MessageStatus.ACCEPTED ? "" : "not here");
        }

        TaskMessenger messenger() {
            return messenger(Duration.ofMillis(50));
        }

        /** A messenger that retries undelivered messages every 10 ms for {@code retryFor}. */
        TaskMessenger messenger(Duration retryFor) {
            var address = new ExecutorAddress(EXECUTOR, HOST, 3000, NodeTransportType.HTTP);
            return new TaskMessenger(this, id -> EXECUTOR.equals(id) ? Optional.of(address) : Optional.empty(),
                    Duration.ofMillis(10), retryFor);
        }
    }
}
