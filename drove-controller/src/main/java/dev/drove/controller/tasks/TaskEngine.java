package dev.drove.controller.tasks;

import dev.drove.common.errors.ApiException;
import dev.drove.common.http.HttpCallRunner;
import dev.drove.common.messages.TaskInstanceSpec;
import dev.drove.controller.leadership.LeadershipListener;
import dev.drove.controller.scheduler.PlacementRequest;
import dev.drove.controller.scheduler.PlacementSession;
import dev.drove.controller.scheduler.Scheduler;
import dev.drove.models.api.ApiResponse;
import dev.drove.models.config.ConfigSpec;
import dev.drove.models.config.ControllerHttpFetchConfigSpec;
import dev.drove.models.config.InlineConfigSpec;
import dev.drove.models.operation.TaskCreateOperation;
import dev.drove.models.operation.TaskKillOperation;
import dev.drove.models.operation.TaskOperation;
import dev.drove.models.operation.TaskOperationType;
import dev.drove.models.task.TaskSpec;
import dev.drove.models.taskinstance.TaskInfo;
import dev.drove.models.taskinstance.TaskState;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs task operations on the leader (docs: tasks/operations.md). CREATE is placed and stored while the caller waits,
 * so a task that cannot run is refused at once; START_TASK and STOP_TASK go out in the background, and the run's
 * progress arrives as executor reports through {@link #report}. Tasks are one-shot: nothing restarts, moves or
 * retries them; a run whose executor is gone past the grace period ends LOST ({@link TaskRecovery}).
 *
 * <p>One operation at a time per task: from CREATE until START_TASK was answered, and from KILL until the run ended
 * or the op spec's {@code timeout} passed (the only op spec field tasks use). Only the leader accepts operations.
 */
public final class TaskEngine implements LeadershipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TaskEngine.class);

    private final TaskRecords records;
    private final Scheduler scheduler;
    private final TaskDeliveries deliveries;
    private final Map<String, TaskOperationType> busy = new ConcurrentHashMap<>();
    private final Object creating = new Object();
    private volatile ExecutorService workers; // null while not leading

    TaskEngine(TaskRecords records, Scheduler scheduler, TaskMessenger messenger) {
        this.records = records;
        this.scheduler = scheduler;
        this.deliveries = new TaskDeliveries(records, messenger);
    }

    /**
     * Carries out {@code operation}, already read and validated, and answers the id the docs answer: CREATE the
     * task's {@code sourceAppName-taskId}, KILL its {@code taskId}.
     *
     * @throws ApiException 409 "Task T0012 of TEST_APP already exists" (CREATE), "… is busy with CREATE" or "… has
     *                      already finished (STOPPED)" (KILL); 404 for KILL of an unknown task; 400 when nothing can
     *                      take the task (the scheduler's summary), a controller-fetched config fails, or this
     *                      controller does not lead
     */
    public String submit(TaskOperation operation) {
        var current = workers;
        if (current == null) {
            throw notLeader();
        }
        if (operation instanceof TaskCreateOperation create) {
            return create(current, create.spec());
        }
        if (operation instanceof TaskKillOperation kill) {
            return kill(current, kill);
        }
        throw new IllegalArgumentException("No handler for task operation " + operation.operationType());
    }

    /** Takes an executor's TASK_STATE_REPORT; see {@link TaskRecords#report}. */
    public void report(TaskInfo reported) {
        records.report(reported);
    }

    /**
     * Calls {@code listener} with every stored task info whose state changed (a new run, an executor's report, a
     * decision of this controller), on the thread that saved it; it must return quickly (TASK_STATE_CHANGE events).
     */
    public void addStateChangeListener(Consumer<TaskInfo> listener) {
        records.addStateChangeListener(listener);
    }

    /** Whether an operation on the task is under way (a CREATE still delivering, a KILL still waiting). */
    boolean isBusy(String sourceAppName, String taskId) {
        return busy.containsKey(TaskSpec.qualifiedTaskId(sourceAppName, taskId));
    }

    @Override
    public synchronized void leadershipAcquired() {
        stopWorkers();
        var count = new AtomicInteger();
        workers = Executors.newCachedThreadPool(runnable -> {
            var thread = new Thread(runnable, "task-operation-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        log.info("Task engine started: accepting task operations");
    }

    @Override
    public synchronized void leadershipLost() {
        stopWorkers();
    }

    @Override
    public void close() {
        leadershipLost();
    }

    private String create(ExecutorService current, TaskSpec spec) {
        requireNew(spec);
        var configs = inline(spec);
        var key = spec.qualifiedTaskId();
        PlacementSession session;
        TaskInfo pending;
        synchronized (creating) {
            requireNew(spec);
            session = scheduler.session();
            var placed = scheduler.place(PlacementRequest.of(key, spec.resources(), spec.placementPolicy()), session);
            if (!placed.isPlaced()) {
                session.close();
                throw ApiException.badRequest("%s", placed.failure());
            }
            var placement = placed.placement();
            var now = new Date();
            pending = new TaskInfo(spec.sourceAppName(), spec.taskId(), "TI-" + UUID.randomUUID(),
                    placement.executorId(), placement.hostname(), spec.executable(), placement.allocations(),
                    spec.volumes(), spec.logging(), spec.env(), TaskState.PENDING, Map.of(), null, "", now, now);
            busy.put(key, TaskOperationType.CREATE);
            try {
                records.record(pending);
            } catch (RuntimeException e) {
                busy.remove(key);
                session.close();
                throw e;
            }
        }
        var instanceSpec = TaskInstanceSpec.from(spec, pending.instanceId(), pending.resources(), configs, null);
        try {
            current.execute(() -> holding(key, () -> deliveries.start(() -> current == workers, session,
                    pending, instanceSpec)));
        } catch (RejectedExecutionException e) {
            busy.remove(key);
            session.close();
            throw notLeader();
        }
        log.info("Task {} of {} is PENDING on executor {} ({}) as instance {}", spec.taskId(), spec.sourceAppName(),
                pending.executorId(), pending.hostname(), pending.instanceId());
        return key;
    }

    private String kill(ExecutorService current, TaskKillOperation kill) {
        var run = records.find(kill.sourceAppName(), kill.taskId()).orElseThrow(() -> ApiException.notFound(
                "Task %s of %s not found", kill.taskId(), kill.sourceAppName()));
        if (TaskLifecycle.isFinished(run.state())) {
            throw ApiException.conflict("Task %s of %s has already finished (%s)", kill.taskId(),
                    kill.sourceAppName(), run.state());
        }
        var key = run.qualifiedTaskId();
        var running = busy.putIfAbsent(key, TaskOperationType.KILL);
        if (running != null) {
            throw ApiException.conflict("Task %s of %s is busy with %s; try again in a moment", kill.taskId(),
                    kill.sourceAppName(), running);
        }
        try {
            current.execute(() -> holding(key, () -> deliveries.stop(() -> current == workers, run,
                    kill.opSpec().timeout().toJavaDuration())));
        } catch (RejectedExecutionException e) {
            busy.remove(key);
            throw notLeader();
        }
        log.info("Killing task {} of {} (instance {}, {}) on executor {}", run.taskId(), run.sourceAppName(),
                run.instanceId(), run.state(), run.executorId());
        return kill.taskId();
    }

    /** Runs one background step of the task {@code key}; the task takes operations again once it returns. */
    private void holding(String key, Runnable step) {
        try {
            step.run();
        } finally {
            busy.remove(key);
        }
    }

    private void requireNew(TaskSpec spec) {
        if (busy.containsKey(spec.qualifiedTaskId())
                || records.find(spec.sourceAppName(), spec.taskId()).isPresent()) {
            throw ApiException.conflict("Task %s of %s already exists", spec.taskId(), spec.sourceAppName());
        }
    }

    /** The spec's configs with CONTROLLER_HTTP_FETCH ones fetched now and sent INLINE (docs: common_configs.md). */
    private static List<ConfigSpec> inline(TaskSpec spec) {
        var result = new ArrayList<ConfigSpec>(spec.configs().size());
        for (var config : spec.configs()) {
            if (config instanceof ControllerHttpFetchConfigSpec fetch) {
                try {
                    result.add(new InlineConfigSpec(fetch.localFilename(),
                            HttpCallRunner.fetch(fetch.http(), "config " + fetch.localFilename())));
                } catch (HttpCallRunner.HttpCallFailure e) {
                    throw ApiException.badRequest("Cannot start task %s of %s: %s", spec.taskId(),
                            spec.sourceAppName(), e.getMessage());
                }
            } else {
                result.add(config);
            }
        }
        return result;
    }

    private void stopWorkers() {
        var ended = workers;
        workers = null;
        if (ended != null) {
            ended.shutdownNow();
            busy.clear();
            log.info("Task engine stopped: leadership is lost; the next leader settles runs left PENDING");
        }
    }

    private static ApiException notLeader() {
        return new ApiException(Response.Status.BAD_REQUEST, ApiResponse.NOT_LEADER_MESSAGE);
    }
}
