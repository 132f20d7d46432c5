package dev.drove.controller.cluster;

import dev.drove.common.messages.ControllerMessage;
import dev.drove.common.messages.ExecutorSnapshotMessage;
import dev.drove.common.messages.InstanceStateReportMessage;
import dev.drove.common.messages.LocalServiceInstanceStateReportMessage;
import dev.drove.common.messages.MessageResponse;
import dev.drove.common.messages.TaskStateReportMessage;
import dev.drove.controller.statestore.LocalServiceInstanceStore;
import dev.drove.controller.statestore.TaskStore;
import dev.drove.models.info.nodedata.ExecutorNodeData;
import dev.drove.models.info.resources.ExecutorResourceSnapshot;
import dev.drove.models.instance.LocalServiceInstanceInfo;
import dev.drove.models.taskinstance.TaskInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Date;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Takes what executors tell the leader (contract §4, executor → controller) and answers HANDLED once it is stored:
 *
 * <pre>
 * INSTANCE_STATE_REPORT               resources → ExecutorTracker (scheduler book), instance → InstanceStates
 * TASK_STATE_REPORT                   resources → ExecutorTracker, task info → task engine (never goes back)
 * LOCAL_SERVICE_INSTANCE_STATE_REPORT resources → ExecutorTracker, instance → local service engine (unless older)
 * EXECUTOR_SNAPSHOT                   the whole node data → ExecutorTracker, as if read from ZooKeeper
 * </pre>
 * Every message handed here has passed the cluster auth filter with the executor secret (its only caller is
 * {@link ControllerMessagesResource}), so it is proof that the executor it names holds the secret: the executor is
 * admitted ({@link ExecutorTracker#admit}) before anything else is done with the message. A controller that does not
 * lead answers FAILED, so the executor keeps the report and sends it to the leader it finds next.
 */
public final class ReportIntake {
    private static final Logger log = LoggerFactory.getLogger(ReportIntake.class);

    private final BooleanSupplier leading;
    private final ExecutorTracker tracker;
    private final InstanceStates instances;
    private final TaskStore tasks;
    private final LocalServiceInstanceStore serviceInstances;
    private volatile Consumer<TaskInfo> taskReports;
    private volatile Consumer<LocalServiceInstanceInfo> serviceInstanceReports;

    /** @param leading whether this controller leads now ({@code LeaderElection::isLeader}) */
    public ReportIntake(BooleanSupplier leading, ExecutorTracker tracker, InstanceStates instances, TaskStore tasks,
                        LocalServiceInstanceStore serviceInstances) {
        this.leading = leading;
        this.tracker = tracker;
        this.instances = instances;
        this.tasks = tasks;
        this.serviceInstances = serviceInstances;
        this.taskReports = this::storeTask;
        this.serviceInstanceReports = this::storeServiceInstance;
    }

    /**
     * Hands every reported task info to {@code handler} (the task engine, which keeps runs from going back) instead
     * of storing it here. The handler runs on the request thread and must return once the info is stored.
     */
    public void handleTaskReportsWith(Consumer<TaskInfo> handler) {
        this.taskReports = handler;
    }

    /**
     * Hands every reported local service instance info to {@code handler} (the local service engine, which stores
     * it and wakes the operations waiting for it) instead of storing it here. It runs on the request thread and must
     * return once the info is stored.
     */
    public void handleServiceInstanceReportsWith(Consumer<LocalServiceInstanceInfo> handler) {
        this.serviceInstanceReports = handler;
    }

    /** Stores what {@code message} reports; HANDLED when done, FAILED when this controller does not lead. */
    public MessageResponse handle(ControllerMessage message) {
        if (!leading.getAsBoolean()) {
            return MessageResponse.failed(message, "This controller is not the leader; send reports to the leader");
        }
        if (message instanceof InstanceStateReportMessage report) {
            var info = report.instanceInfo();
            tracker.admit(sender(report.resourceSnapshot(), info.executorId()));
            tracker.applyReport(report.resourceSnapshot(), report.header().messageTime(),
                    data -> ExecutorTracker.withInstance(data, info));
            instances.report(info);
        } else if (message instanceof TaskStateReportMessage report) {
            var info = report.instanceInfo();
            tracker.admit(sender(report.resourceSnapshot(), info.executorId()));
            tracker.applyReport(report.resourceSnapshot(), report.header().messageTime(),
                    data -> withTask(data, info));
            taskReports.accept(info);
        } else if (message instanceof LocalServiceInstanceStateReportMessage report) {
            var info = report.instanceInfo();
            tracker.admit(sender(report.resourceSnapshot(), info.executorId()));
            tracker.applyReport(report.resourceSnapshot(), report.header().messageTime(),
                    data -> withServiceInstance(data, info));
            serviceInstanceReports.accept(info);
        } else if (message instanceof ExecutorSnapshotMessage snapshot) {
            tracker.observe(snapshot.nodeData());
        } else {
            throw new IllegalArgumentException("No handler for controller message " + message.type());
        }
        log.debug("Handled {} {}", message.type(), message.header().id());
        return MessageResponse.handled(message);
    }

    /** The executor a report comes from: the id in its resources, else the one in the reported info. */
    private static String sender(ExecutorResourceSnapshot resources, String reportedExecutorId) {
        return resources != null && resources.executorId() != null ? resources.executorId() : reportedExecutorId;
    }

    /** Without a task engine: the reported info replaces the stored one unless it is older. */
    private void storeTask(TaskInfo info) {
        var stored = tasks.find(info.sourceAppName(), info.taskId());
        if (stored.isEmpty() || !isOlder(info.updated(), stored.get().updated())) {
            tasks.save(info);
        }
    }

    /** Without a local service engine: the reported info replaces the stored one unless it is older. */
    private void storeServiceInstance(LocalServiceInstanceInfo info) {
        var stored = serviceInstances.find(info.serviceId(), info.instanceId());
        if (stored.isEmpty() || !isOlder(info.updated(), stored.get().updated())) {
            serviceInstances.save(info);
        }
    }

    private static boolean isOlder(Date reported, Date stored) {
        return (reported == null ? 0L : reported.getTime()) < (stored == null ? 0L : stored.getTime());
    }

    private static ExecutorNodeData withTask(ExecutorNodeData data, TaskInfo task) {
        var list = new ArrayList<TaskInfo>();
        data.tasks().stream().filter(t -> !task.instanceId().equals(t.instanceId())).forEach(list::add);
        list.add(task);
        return new ExecutorNodeData(data.hostname(), data.port(), data.transportType(), data.updated(), data.state(),
                data.instances(), list, data.serviceInstances(), data.tags(), data.metadata(), data.executorState());
    }

    private static ExecutorNodeData withServiceInstance(ExecutorNodeData data, LocalServiceInstanceInfo instance) {
        var list = new ArrayList<LocalServiceInstanceInfo>();
        data.serviceInstances().stream().filter(s -> !instance.instanceId().equals(s.instanceId()))
                .forEach(list::add);
        list.add(instance);
        return new ExecutorNodeData(data.hostname(), data.port(), data.transportType(), data.updated(), data.state(),
                data.instances(), data.tasks(), list, data.tags(), data.metadata(), data.executorState());
    }
}
